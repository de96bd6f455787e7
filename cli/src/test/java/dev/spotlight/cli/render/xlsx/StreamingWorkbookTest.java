package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingWorkbookTest {

  @TempDir Path tempDir;

  @Test
  void keepsSheetDataInTheGivenFolder() throws IOException {
    try (StreamingWorkbook workbook = new StreamingWorkbook(tempDir)) {
      workbook.createSheet("One");
      workbook.createSheet("Two");
      try (Stream<Path> files = Files.list(tempDir)) {
        assertThat(files).hasSize(2).allMatch(p -> p.getFileName().toString().matches("sheet-.*\\.xml"));
      }
    }
  }
}
