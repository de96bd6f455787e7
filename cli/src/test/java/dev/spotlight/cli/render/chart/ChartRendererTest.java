package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.ReportFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRendererTest {

  @TempDir Path reportDir;

  @Test
  void writesAPngAndAnSvgPerChartedSectionAndNothingForTheOthers() throws IOException {
    List<Path> files = new ChartRenderer().writeFiles(ReportFixtures.content(), reportDir);

    Path charts = reportDir.resolve("charts");
    assertThat(files)
        .containsExactly(
            charts.resolve("by-grantee.png"),
            charts.resolve("by-grantee.svg"),
            charts.resolve("trend-monthly.png"),
            charts.resolve("trend-monthly.svg"));
    try (Stream<Path> written = Files.list(charts)) {
      assertThat(written).hasSize(4);
    }
  }
}
