package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.files.XlsxRows;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one sheet of an XLSX workbook ({@link XlsxRows}: dates as ISO-8601, numbers as Excel
 * stores them) into a CSV file DuckDB can read, with the sheet's own row number in a leading
 * {@code __row} column. The first row with cells is the header; every later row is cut or padded
 * to its width.
 */
public final class XlsxSheetToCsv {

  public static final String ROW_COLUMN = "__row";

  private XlsxSheetToCsv() {}

  /** Writes sheet {@code sheetName} (null: the first) of {@code xlsx} to {@code csv}; a missing sheet is bad input. */
  public static void convert(Path xlsx, String sheetName, Path csv) {
    List<String> names = new ArrayList<>();
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      RowWriter rows = new RowWriter(out);
      XlsxRows.read(xlsx, name -> {
        names.add(name);
        return !rows.started && (sheetName == null || sheetName.equals(name)) ? rows.start() : null;
      });
      if (!rows.started) {
        throw new SpotlightException(ExitKind.DATA, Location.of(xlsx), "no sheet named '" + sheetName + "'", "sheets are: " + String.join(", ", names));
      }
      rows.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
    }
  }

  /** Writes rows as CSV; the first row is the header. */
  private static final class RowWriter implements XlsxRows.SheetReader {
    private final BufferedWriter out;
    private boolean started;
    private int width = -1;

    RowWriter(BufferedWriter out) {
      this.out = out;
    }

    RowWriter start() {
      started = true;
      return this;
    }

    @Override
    public boolean row(int row, List<String> cells) {
      try {
        if (width < 0) {
          List<String> header = new ArrayList<>(cells);
          while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
            header.remove(header.size() - 1);
          }
          width = header.size();
          out.write(ROW_COLUMN);
          for (String c : header) {
            out.write(',');
            out.write(quote(c));
          }
          out.newLine();
          return true;
        }
        out.write(Integer.toString(row));
        for (int i = 0; i < width; i++) {
          out.write(',');
          out.write(quote(i < cells.size() ? cells.get(i) : ""));
        }
        out.newLine();
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void finish() throws IOException {
      if (width < 0) {
        out.write(ROW_COLUMN);
        out.newLine();
      }
    }

    private static String quote(String s) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
  }
}
