package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.ReportFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRendererTest {

  @TempDir Path reportDir;

  @Test
  void writesOnePngPerChartedSectionAtTwiceTheChartSize() throws IOException {
    List<Path> files = new ChartRenderer().writeFiles(ReportFixtures.content(), reportDir);

    Path charts = reportDir.resolve("charts");
    assertThat(files).containsExactly(charts.resolve("by-grantee.png"), charts.resolve("trend-monthly.png"));
    for (Path file : files) {
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image).as(file.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(1600);
      assertThat(image.getHeight()).isEqualTo(900);
    }
    try (Stream<Path> written = Files.list(charts)) {
      assertThat(written).hasSize(2);
    }
  }
}
