package dev.spotlight.connectors.threesixtygiving;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the grants sheet of a 360Giving XLSX workbook into NDJSON: the first sheet whose header
 * row (its first non-blank row) carries the standard's grant column titles, recognised by
 * {@code Amount Awarded}. Other sheets (such as flatten-tool's child sheets, which repeat
 * {@code Identifier} but have no amount), and columns the connector does not read, are passed over.
 */
final class GrantSheet {

  private GrantSheet() {}

  /** What was read: the grants sheet's name and how many grants it held. */
  record Read(String sheet, long grants) {}

  /** Writes the grants to {@code ndjson}. */
  static Read toNdjson(Path xlsx, Path ndjson) {
    List<String> seen = new ArrayList<>();
    long[] count = {0};
    boolean[] found = {false};
    try (BufferedWriter out = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8)) {
      GrantNdjson writer = new GrantNdjson(out);
      XlsxRows.read(xlsx, name -> {
        if (found[0]) {
          return null;
        }
        seen.add(name);
        GrantField[][] columns = {null};
        return (row, cells) -> {
          if (columns[0] == null) {
            columns[0] = header(cells);
            if (columns[0] == null) {
              return false;
            }
            found[0] = true;
            return true;
          }
          Map<GrantField, String> values = new EnumMap<>(GrantField.class);
          for (int i = 0; i < cells.size() && i < columns[0].length; i++) {
            String v = GrantNdjson.clean(cells.get(i));
            if (columns[0][i] != null && v != null) {
              values.putIfAbsent(columns[0][i], v);
            }
          }
          try {
            count[0]++;
            writer.write(row, row, values);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return true;
        };
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + ndjson + ": " + e.getMessage(), e);
    }
    if (!found[0]) {
      throw new SpotlightException(ExitKind.DATA, Location.of(xlsx),
          "no sheet has the 360Giving column title 'Amount Awarded' in its first row",
          "sheets are: " + String.join(", ", seen));
    }
    return new Read(seen.get(seen.size() - 1), count[0]);
  }

  /** The field of each column when the row carries the standard's grant titles, else null. */
  static GrantField[] header(List<String> cells) {
    GrantField[] columns = new GrantField[cells.size()];
    boolean amount = false;
    for (int i = 0; i < cells.size(); i++) {
      columns[i] = GrantField.ofTitle(cells.get(i));
      amount |= columns[i] == GrantField.AMOUNT;
    }
    return amount ? columns : null;
  }
}
