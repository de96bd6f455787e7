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

  /** A reader that replaces bytes that are not UTF-8 instead of failing: lines still count. */
  private static BufferedReader lenient(Path file) throws IOException {
    return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
  }

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
    try (BufferedReader in = lenient(utf8File)) {
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

  /** A record whose number of fields differs from the first record's. */
  record Ragged(long line, int expected, int found) {}

  /** The first record with a different number of fields than the first (header) record, if any. */
  static java.util.Optional<Ragged> firstRagged(Path utf8File, char delimiter) {
    long line = 1;
    long recordStart = 1;
    boolean inQuotes = false;
    boolean recordHasContent = false;
    int fields = 1;
    int expected = -1;
    try (BufferedReader in = lenient(utf8File)) {
      int ch;
      while (true) {
        ch = in.read();
        if (ch == '\uFEFF' && line == 1 && !recordHasContent) {
          continue;
        }
        boolean end = ch < 0 || (ch == '\n' && !inQuotes);
        if (end) {
          if (recordHasContent) {
            if (expected < 0) {
              expected = fields;
            } else if (fields != expected) {
              return java.util.Optional.of(new Ragged(recordStart, expected, fields));
            }
          }
          if (ch < 0) {
            return java.util.Optional.empty();
          }
          fields = 1;
          recordHasContent = false;
          recordStart = line + 1;
          line++;
          continue;
        }
        if (ch == '\n') {
          line++;
        }
        if (ch == '"') {
          inQuotes = !inQuotes;
        } else if (ch == delimiter && !inQuotes) {
          fields++;
        }
        if (ch != '\r') {
          recordHasContent = true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
