package dev.spotlight.connectors.mapped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a CSV file record by record as DuckDB splits it (a quote opens a quoted field only at the
 * start of a field, quoted line breaks stay in the record, blank lines are no records), to tell the
 * physical line a record starts on and how many fields it has. Used only to word errors and to place
 * rows that were left out, so the walk happens only when a file has a problem.
 */
final class PhysicalLines {

  private PhysicalLines() {}

  /**
   * One record.
   *
   * @param record its number among the file's non-blank records, the header being record 1
   * @param line the physical line it starts on
   * @param fields how many fields it has
   * @param filled the number of its last field that is not empty ({@code ""} is empty), 0 if none
   * @param openQuote whether the file ends inside a quoted field of this record
   */
  record Span(long record, long line, int fields, int filled, boolean openQuote) {

    /**
     * Whether DuckDB reads this record as {@code width} fields: it has that many, or more where
     * every one past {@code width} is empty (a trailing delimiter).
     */
    boolean fits(int width) {
      return fields == width || fields > width && filled <= width;
    }
  }

  /** Receives records in file order; returns false to stop the walk. */
  interface Visitor {
    boolean visit(Span span);
  }

  /** A reader that replaces bytes that are not UTF-8 instead of failing: lines still count. */
  private static BufferedReader lenient(Path file) throws IOException {
    return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  static void walk(Path utf8File, char delimiter, Visitor visitor) {
    long line = 1;
    long recordStart = 1;
    long records = 0;
    int fields = 1;
    int filled = 0;
    boolean content = false;
    boolean fieldStart = true;
    boolean inQuotes = false;
    boolean closing = false;
    char[] buf = new char[1 << 16];
    int len = 0;
    int pos = 0;
    try (BufferedReader in = lenient(utf8File)) {
      while (true) {
        if (pos == len) {
          len = Math.max(in.read(buf), 0);
          pos = 0;
        }
        int ch = pos < len ? buf[pos++] : -1;
        if (ch == '\uFEFF' && line == 1 && !content) {
          continue;
        }
        if (inQuotes && ch >= 0) {
          if (!closing) {
            if (ch == '"') {
              closing = true;
            } else {
              filled = fields;
              if (ch == '\n') {
                line++;
              }
            }
            continue;
          }
          closing = false;
          if (ch == '"') {
            filled = fields;
            continue;
          }
          inQuotes = false;
        }
        if (ch < 0 || ch == '\n') {
          if (content) {
            records++;
            if (!visitor.visit(new Span(records, recordStart, fields, filled, inQuotes && !closing))) {
              return;
            }
          }
          if (ch < 0) {
            return;
          }
          line++;
          recordStart = line;
          fields = 1;
          filled = 0;
          content = false;
          fieldStart = true;
          continue;
        }
        if (ch == '\r') {
          continue;
        }
        content = true;
        if (ch == delimiter) {
          fields++;
          fieldStart = true;
        } else {
          inQuotes = ch == '"' && fieldStart;
          if (!inQuotes) {
            filled = fields;
          }
          fieldStart = false;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param record the 1-based record number among data records
   * @param headerRecords records before the data (1 with a header row)
   */
  static long startOf(Path utf8File, char delimiter, long record, int headerRecords) {
    long target = record + headerRecords;
    long[] found = {target};
    walk(utf8File, delimiter, span -> {
      if (span.record() == target) {
        found[0] = span.line();
        return false;
      }
      return true;
    });
    return found[0];
  }

  /** A record whose number of fields differs from the first record's, or that ends inside a quote. */
  record Ragged(long line, int expected, int found, boolean openQuote) {}

  /** The first record with a different number of fields than the first (header) record, if any. */
  static Optional<Ragged> firstRagged(Path utf8File, char delimiter) {
    List<Ragged> out = new ArrayList<>();
    int[] expected = {-1};
    walk(utf8File, delimiter, span -> {
      if (expected[0] < 0) {
        expected[0] = span.fields();
      } else if (!span.fits(expected[0]) || span.openQuote()) {
        out.add(new Ragged(span.line(), expected[0], span.fields(), span.openQuote()));
        return false;
      }
      return true;
    });
    return out.stream().findFirst();
  }

  /** Every data record DuckDB does not read as {@code expected} fields, in file order. */
  static List<Span> withFieldsOtherThan(Path utf8File, char delimiter, int headerRecords, int expected) {
    List<Span> out = new ArrayList<>();
    walk(utf8File, delimiter, span -> {
      if (span.record() > headerRecords && !span.fits(expected)) {
        out.add(span);
      }
      return true;
    });
    return out;
  }

  /** The physical line holding byte {@code offset}, moved past any line break it points at. */
  static long lineAtByte(Path file, long offset) {
    long line = 1;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long pos = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (pos >= offset && b != '\n' && b != '\r') {
          return line;
        }
        if (b == '\n') {
          line++;
        }
        pos++;
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
