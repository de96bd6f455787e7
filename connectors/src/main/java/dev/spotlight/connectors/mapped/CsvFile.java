package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.canonical.DuckDbErrors;
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.files.RaggedRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A delimited text file read by DuckDB's CSV reader, every field as text. A record with the wrong
 * number of fields fails the read, or, when the caller asks, is left out and reported by
 * {@link #raggedRecords}.
 */
public final class CsvFile implements RawFile {

  private static final AtomicLong READS = new AtomicLong();
  private static final Set<String> FIELD_COUNT_ERRORS = Set.of("TOO MANY COLUMNS", "MISSING COLUMNS");

  private final String shownName;
  private final String readCsv;
  private final List<String> columns;
  private final int headerLines;
  private final String rowColumn;
  private final Path path;
  private final char delimiter;
  private final String rejects;
  private final int width;

  /** A strict read: a record with the wrong number of fields fails the read (connectors without a skip for it). */
  public CsvFile(Connection c, Path path, String shownName, String delimiter, boolean header, String rowColumn) {
    this(c, path, shownName, delimiter, header, rowColumn, false);
  }

  /**
   * @param path the UTF-8 file DuckDB reads (maybe a transcoded copy)
   * @param shownName the name errors show (the user's file)
   * @param rowColumn a column holding the record's own row number (XLSX conversions), or null
   * @param leaveOutRagged whether records with the wrong number of fields are left out of the read,
   *     for the caller to judge through {@link #raggedRecords}, instead of failing it
   */
  public CsvFile(Connection c, Path path, String shownName, String delimiter, boolean header, String rowColumn, boolean leaveOutRagged) {
    this.shownName = shownName;
    this.rowColumn = rowColumn;
    this.path = path;
    this.delimiter = delimiter.charAt(0);
    this.rejects = leaveOutRagged ? "spotlight_rejects_" + READS.incrementAndGet() : null;
    String base = "read_csv(" + Sql.literal(path.toAbsolutePath().toString())
        + ", delim = " + Sql.literal(delimiter)
        + ", quote = '\"', escape = '\"', header = " + header + ", skip = 0"
        + ", all_varchar = true, strict_mode = true, null_padding = false, max_line_size = 16777216";
    // tolerant sniffing: records with the wrong number of fields are judged after the read, not here
    List<String> found = describe(c, base + (leaveOutRagged ? ", ignore_errors = true)" : ")"), path, delimiter.charAt(0), shownName);
    if (!header) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= found.size(); i++) {
        names.add("column" + i);
      }
      base = base + ", names = [" + names.stream().map(Sql::literal).collect(Collectors.joining(", ")) + "]";
      found = names;
    }
    this.readCsv = base + (leaveOutRagged ? ", store_rejects = true, rejects_table = " + Sql.literal(rejects)
        + ", rejects_scan = " + Sql.literal(rejects + "_scans") : "") + ")";
    this.width = found.size();
    this.columns = rowColumn == null ? found : found.stream().filter(n -> !n.equals(rowColumn)).toList();
    this.headerLines = header ? 1 : 0;
  }

  private static List<String> describe(Connection c, String relation, Path path, char delimiter, String shownName) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } catch (SQLException e) {
      // DuckDB's sniffer says only that the dialect does not fit; find the record that breaks it
      var ragged = PhysicalLines.firstRagged(path, delimiter);
      if (ragged.isPresent() && ragged.get().openQuote()) {
        throw new SpotlightException(ExitKind.DATA, new Location(shownName, (int) ragged.get().line(), 0),
            "a quoted field that starts on this line is never closed", "check the quoting of this line; a file cut short ends inside a quote");
      }
      if (ragged.isPresent()) {
        throw new SpotlightException(ExitKind.DATA, new Location(shownName, (int) ragged.get().line(), 0),
            "expected " + ragged.get().expected() + " fields like the header, found " + ragged.get().found(),
            "check the delimiter and quoting of this line");
      }
      throw DuckDbErrors.readError(e, shownName);
    }
  }

  @Override
  public String relationSql() {
    String row = rowColumn == null ? "row_number() OVER ()" : "CAST(" + Sql.identifier(rowColumn) + " AS BIGINT)";
    return "(SELECT " + row + " AS __row, * FROM " + readCsv + ")";
  }

  @Override
  public String columnSql(String name) {
    return RawFile.cleaned(Sql.identifier(name));
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Location locate(long row, String name) {
    int col = columns.indexOf(name) + 1;
    long line = rowColumn == null ? PhysicalLines.startOf(path, delimiter, row, headerLines) : row;
    return new Location(shownName, (int) Math.min(line, Integer.MAX_VALUE), col);
  }

  @Override
  public List<RaggedRecord> raggedRecords(Connection c) {
    if (rejects == null) {
      return List.of();
    }
    List<Long> positions = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT line_byte_position, list(DISTINCT error_type ORDER BY error_type), min(error_message) FROM "
            + Sql.identifier(rejects) + " GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        long at = rs.getLong(1);
        Object[] types = (Object[]) rs.getArray(2).getArray();
        for (Object type : types) {
          if (!FIELD_COUNT_ERRORS.contains(String.valueOf(type))) {
            throw structural(String.valueOf(type), rs.getString(3), at);
          }
        }
        positions.add(at);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read DuckDB's rejected records of " + shownName + ": " + e.getMessage(), e);
    }
    if (positions.isEmpty()) {
      return List.of();
    }
    if (rowColumn != null) {
      throw new IllegalStateException("a converted sheet of " + shownName + " has records with the wrong number of fields");
    }
    List<PhysicalLines.Span> spans = PhysicalLines.withFieldsOtherThan(path, delimiter, headerLines, width);
    if (spans.size() != positions.size()) {
      throw new SpotlightException(ExitKind.DATA, new Location(shownName, (int) PhysicalLines.lineAtByte(path, positions.get(0)), 0),
          "this record has the wrong number of fields, and the file's quoting makes the records ambiguous",
          "check the quoting of this line and of the lines before it");
    }
    return spans.stream().map(sp -> new RaggedRecord(sp.record() - headerLines, sp.line(), width, sp.fields())).toList();
  }

  private SpotlightException structural(String type, String duckdbMessage, long bytePosition) {
    Location at = new Location(shownName, (int) Math.min(PhysicalLines.lineAtByte(path, bytePosition), Integer.MAX_VALUE), 0);
    return switch (type) {
      case "UNQUOTED VALUE" -> new SpotlightException(ExitKind.DATA, at, "a quoted field is not closed properly",
          "check the quoting of this line; a file cut short ends inside a quote");
      case "INVALID UNICODE", "INVALID ENCODING" -> new SpotlightException(ExitKind.DATA, at, "bytes that are not valid UTF-8",
          "set encoding: in the source options (e.g. latin-1)");
      case "LINE SIZE OVER MAXIMUM" -> new SpotlightException(ExitKind.DATA, at, "a record longer than 16 MiB",
          "check the quoting of this line");
      default -> new SpotlightException(ExitKind.DATA, at, duckdbMessage == null ? type.toLowerCase(java.util.Locale.ROOT) : duckdbMessage.lines().findFirst().orElse(type),
          "check the delimiter and quoting of this line");
    };
  }

  @Override
  public String recordWord() {
    return rowColumn == null ? "line" : "row";
  }
}
