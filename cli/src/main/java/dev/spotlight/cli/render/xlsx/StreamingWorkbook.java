package dev.spotlight.cli.render.xlsx;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A streaming workbook whose sheet data goes to temporary files in a folder we choose (beside the
 * report) rather than the system temp folder, without changing POI's process-wide temp file strategy.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

  /** Rows kept in memory per sheet before older ones are flushed to the sheet's temp file. */
  private static final int ROW_WINDOW = 200;

  private final Path tempDir;

  StreamingWorkbook(Path tempDir) {
    super(ROW_WINDOW);
    this.tempDir = tempDir;
  }

  @Override
  protected SheetDataWriter createSheetDataWriter() throws IOException {
    // SheetDataWriter's constructor calls createTempFile(), before a subclass's own fields are set;
    // the captured local below is assigned before that call, so the override can use it.
    Path dir = tempDir;
    return new SheetDataWriter(_sharedStringSource) {
      @Override
      public File createTempFile() throws IOException {
        return Files.createTempFile(dir, "sheet-", ".xml").toFile();
      }
    };
  }
}
