package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSpillTest {

  @TempDir Path dir;

  @Test
  void writesQuotedRecordsUnderTheWorkbooksName() throws IOException {
    CsvSpill spill = new CsvSpill(dir, "impact-2026-10");

    Path file = spill.write("by area", List.of("Area", "Count"), List.of(List.of("Leeds, West", "12"), List.of("say \"hi\"", "<5")));

    assertThat(file).isEqualTo(dir.resolve("impact-2026-10-by-area.csv"));
    assertThat(Files.readString(file)).isEqualTo("Area,Count\r\n\"Leeds, West\",12\r\n\"say \"\"hi\"\"\",<5\r\n");
    assertThat(spill.files()).containsExactly(file);
  }
}
