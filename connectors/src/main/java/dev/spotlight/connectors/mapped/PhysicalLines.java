package dev.spotlight.connectors.mapped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the physical line a CSV record starts on, counting quoted line breaks and skipping blank
 * lines as DuckDB does. Used only to word an error, so the scan happens once per failed pull.
 */
final class PhysicalLines {

  private PhysicalLines() {}

  /**
   * @param record the 1-based record number among data records
   * @param headerRecords records before the data (1 with a header row)
   */
  static long startOf(Path utf8File, long record, int headerRecords) {
    long target = record + headerRecords;
    long line = 1;
    long recordsSeen = 0;
    boolean inQuotes = false;
    boolean recordHasContent = false;
    long recordStart = 1;
    try (BufferedReader in = Files.newBufferedReader(utf8File, StandardCharsets.UTF_8)) {
      int ch;
      while ((ch = in.read()) >= 0) {
        if (ch == '\uFEFF' && line == 1 && !recordHasContent) {
          continue;
        }
        if (ch == '"') {
          inQuotes = !inQuotes;
        }
        if (ch == '\n') {
          if (!inQuotes) {
            if (recordHasContent) {
              recordsSeen++;
              if (recordsSeen == target) {
                return recordStart;
              }
            }
            recordHasContent = false;
            recordStart = line + 1;
          }
          line++;
          continue;
        }
        if (ch != '\r') {
          recordHasContent = true;
        }
      }
      return recordHasContent && recordsSeen + 1 == target ? recordStart : record + headerRecords;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
