package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.canonical.DuckDbErrors;
import dev.spotlight.connectors.canonical.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON export: an array of objects or one object per line (NDJSON). The fields a mapping reads
 * are read as text (numbers as DuckDB prints them, nested values as JSON), in one parse per record.
 */
public final class JsonFile implements RawFile {

  private final String shownName;
  private final String relation;
  private final String objects;
  private final boolean lines;
  private final List<String> columns;

  /** @param wanted the columns the mapping reads: keys are looked for in a sample first, the whole file only if one is missing */
  public JsonFile(Connection c, Path path, String shownName, java.util.Collection<String> wanted) {
    this.shownName = shownName;
    this.lines = !startsWithBracket(path);
    if (!lines) {
      requireClosingBracket(path, shownName);
    }
    String file = Sql.literal(path.toAbsolutePath().toString());
    String format = lines ? "'newline_delimited'" : "'array'";
    this.objects = "(SELECT json AS __json FROM read_json_objects(" + file + ", format = " + format + ", maximum_object_size = 67108864))";
    List<String> sampled = keys(c, " LIMIT 10000");
    this.columns = sampled.containsAll(wanted) ? sampled : keys(c, "");
    // one parse per record: every wanted field is read as text, exactly as written (numbers too)
    String cols = wanted.stream().map(w -> Sql.literal(w) + ": 'VARCHAR'").collect(java.util.stream.Collectors.joining(", "));
    this.relation = "(SELECT row_number() OVER () AS __row, * FROM read_json(" + file + ", format = " + format
        + ", columns = {" + (cols.isEmpty() ? "'__none': 'VARCHAR'" : cols) + "}, maximum_object_size = 67108864))";
  }

  /**
   * DuckDB reads an array cut short just after a comma ({@code [{...},}) as the records before it;
   * an array must end with its {@code ]}, or the file is truncated and nothing of it is loaded.
   */
  private static void requireClosingBracket(Path path, String shownName) {
    try (var channel = Files.newByteChannel(path)) {
      long end = channel.size();
      ByteBuffer one = ByteBuffer.allocate(1);
      while (end > 0) {
        channel.position(--end);
        one.clear();
        channel.read(one);
        int b = one.get(0);
        if (!Character.isWhitespace(b) && b != 0) {
          if (b == ']') {
            return;
          }
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    throw new SpotlightException(ExitKind.DATA, new Location(shownName, 0, 0),
        "the JSON array does not end with ']': the file is cut short", "save or download the whole file again; nothing from it was loaded");
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
        ResultSet rs = s.executeQuery("SELECT k FROM (SELECT DISTINCT unnest(json_keys(__json)) AS k FROM (SELECT __json FROM " + objects + limit + ")) ORDER BY k")) {
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
    return RawFile.cleaned(Sql.identifier(name));
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
