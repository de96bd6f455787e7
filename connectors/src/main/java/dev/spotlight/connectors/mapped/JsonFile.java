package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.Location;
import dev.spotlight.connectors.canonical.DuckDbErrors;
import dev.spotlight.connectors.canonical.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON export: an array of objects or one object per line (NDJSON). Each record stays a JSON
 * value and fields are extracted as text, so numbers and dates arrive exactly as written.
 */
final class JsonFile implements RawFile {

  private final String shownName;
  private final String relation;
  private final boolean lines;
  private final List<String> columns;

  /** @param wanted the columns the mapping reads: keys are looked for in a sample first, the whole file only if one is missing */
  JsonFile(Connection c, Path path, String shownName, java.util.Collection<String> wanted) {
    this.shownName = shownName;
    this.lines = !startsWithBracket(path);
    String format = lines ? "newline_delimited" : "array";
    this.relation = "(SELECT row_number() OVER () AS __row, json AS __json FROM read_json_objects("
        + Sql.literal(path.toAbsolutePath().toString()) + ", format = '" + format + "', maximum_object_size = 67108864))";
    List<String> sampled = keys(c, " LIMIT 10000");
    this.columns = sampled.containsAll(wanted) ? sampled : keys(c, "");
  }

  private static boolean startsWithBracket(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
          continue;
        }
        return b == '[';
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private List<String> keys(Connection c, String limit) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT k FROM (SELECT DISTINCT unnest(json_keys(__json)) AS k FROM (SELECT __json FROM " + relation + limit + ")) ORDER BY k")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw DuckDbErrors.readError(e, shownName);
    }
  }

  @Override
  public String relationSql() {
    return relation;
  }

  @Override
  public String columnSql(String name) {
    String path = "$.\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return "nullif(trim(json_extract_string(__json, " + Sql.literal(path) + ")), '')";
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Location locate(long row, String name) {
    return lines ? new Location(shownName, (int) row, 0) : new Location(shownName, 0, 0);
  }

  @Override
  public String recordWord() {
    return lines ? "line" : "record";
  }
}
