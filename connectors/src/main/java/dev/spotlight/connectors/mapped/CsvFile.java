package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.canonical.DuckDbErrors;
import dev.spotlight.connectors.canonical.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A delimited text file read by DuckDB's CSV reader, every field as text. */
public final class CsvFile implements RawFile {

  private final String shownName;
  private final String readCsv;
  private final List<String> columns;
  private final int headerLines;
  private final String rowColumn;
  private final Path path;

  /**
   * @param path the UTF-8 file DuckDB reads (maybe a transcoded copy)
   * @param shownName the name errors show (the user's file)
   * @param rowColumn a column holding the record's own row number (XLSX conversions), or null
   */
  public CsvFile(Connection c, Path path, String shownName, String delimiter, boolean header, String rowColumn) {
    this.shownName = shownName;
    this.rowColumn = rowColumn;
    this.path = path;
    String base = "read_csv(" + Sql.literal(path.toAbsolutePath().toString())
        + ", delim = " + Sql.literal(delimiter)
        + ", quote = '\"', escape = '\"', header = " + header + ", skip = 0"
        + ", all_varchar = true, strict_mode = true, null_padding = false, max_line_size = 16777216";
    List<String> found = describe(c, base + ")", path, delimiter.charAt(0), shownName);
    if (!header) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= found.size(); i++) {
        names.add("column" + i);
      }
      base = base + ", names = [" + names.stream().map(Sql::literal).collect(Collectors.joining(", ")) + "]";
      found = names;
    }
    this.readCsv = base + ")";
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
    long line = rowColumn == null ? PhysicalLines.startOf(path, row, headerLines) : row;
    return new Location(shownName, (int) Math.min(line, Integer.MAX_VALUE), col);
  }

  @Override
  public String recordWord() {
    return rowColumn == null ? "line" : "row";
  }
}
