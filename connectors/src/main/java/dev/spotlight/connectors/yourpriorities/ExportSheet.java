package dev.spotlight.connectors.yourpriorities;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.connectors.files.XlsxRows;
import dev.spotlight.connectors.mapped.CsvFile;
import dev.spotlight.connectors.mapped.XlsxSheetToCsv;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One sheet of a Your Priorities export ("Posts - GROUP" or "Points - GROUP"), streamed to a scratch
 * CSV that DuckDB reads, with its columns found by their header text (trimmed, any case).
 */
final class ExportSheet {

  final String name;
  private final CsvFile csv;

  private ExportSheet(String name, CsvFile csv) {
    this.name = name;
    this.csv = csv;
  }

  /**
   * Opens the sheet named {@code wanted}, or else the first whose name starts with {@code prefix}
   * (the export names its sheets "Posts - " and "Points - " followed by the group's name).
   */
  static ExportSheet open(Connection c, Path xlsx, String wanted, String prefix, Path scratch) {
    List<String> names = XlsxRows.sheetNames(xlsx);
    Optional<String> found = wanted != null
        ? names.stream().filter(wanted::equals).findFirst()
        : names.stream().filter(n -> n.trim().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))).findFirst();
    if (found.isEmpty()) {
      String what = wanted != null ? "no sheet named '" + wanted + "'" : "no sheet whose name starts with '" + prefix + "'";
      String hint = (wanted != null ? DidYouMean.closest(wanted, names).map(n -> "did you mean '" + n + "'? ").orElse("") : "")
          + "the workbook's sheets are: " + String.join(", ", names)
          + (wanted == null ? "; is this a Your Priorities group export? Name the sheet with " + prefix.toLowerCase(Locale.ROOT) + "_sheet:" : "");
      throw new SpotlightException(ExitKind.DATA, Location.of(xlsx), what, hint);
    }
    XlsxSheetToCsv.convert(xlsx, found.get(), scratch);
    return new ExportSheet(found.get(), new CsvFile(c, scratch, xlsx.toString(), ",", true, XlsxSheetToCsv.ROW_COLUMN));
  }

  /** The sheet's header for {@code header} (trimmed, any case), if it has one. */
  Optional<String> column(String header) {
    String want = header.trim().toLowerCase(Locale.ROOT);
    return csv.columns().stream().filter(h -> h.trim().toLowerCase(Locale.ROOT).equals(want)).findFirst();
  }

  /** The sheet's header for {@code header}; a sheet without it is bad input. */
  String require(String header, Path xlsx) {
    return column(header).orElseThrow(() -> {
      String hint = DidYouMean.closest(header, csv.columns()).map(x -> "did you mean '" + x + "'?")
          .orElse("the sheet has: " + String.join(", ", csv.columns()));
      return new SpotlightException(ExitKind.DATA, Location.of(xlsx), "sheet '" + name + "' has no column '" + header + "'", hint);
    });
  }

  /** SQL for the cleaned text (trimmed, empty as null) of column {@code header}, or NULL when absent. */
  String text(Optional<String> header) {
    return header.map(csv::columnSql).orElse("CAST(NULL AS VARCHAR)");
  }

  /** A FROM-clause relation of the sheet's rows, with the sheet row number in {@code __row}. */
  String relation() {
    return csv.relationSql();
  }

  /** Where row {@code row}, column {@code header} is, for an error. */
  Location locate(long row, String header) {
    return csv.locate(row, header);
  }
}
