package dev.spotlight.metrics.testing;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.ColumnType;
import dev.spotlight.common.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a test's data folder (activity.csv, costs.csv as canonical columns) into a store laid out as
 * connectors write it: {@code activity/source=NAME/month=YYYY-MM/*.parquet} and
 * {@code costs/source=NAME/*.parquet}. A missing optional column is null; a missing {@code source}
 * is {@code test}; a missing {@code event_id} or {@code cost_id} is the row number; a missing
 * {@code occurred_on} is the local date of {@code occurred_at} in the project time zone, and a
 * timestamp written without an offset is local time there.
 */
public final class TestDataStore {

  private static final List<String> ACTIVITY_NEEDS = List.of("grantee", "event_type", "occurred_at");
  private static final List<String> COSTS_NEEDS = List.of("grantee", "period_start", "period_end", "amount");

  private TestDataStore() {}

  /** Writes the store for {@code data} under {@code root}. */
  public static StoreLayout write(Path data, String shown, Path root, ZoneId timezone) {
    StoreLayout store = new StoreLayout(root);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = '" + timezone.getId().replace("'", "''") + "'");
      Files.createDirectories(store.tableDir(CanonicalTable.ACTIVITY));
      Files.createDirectories(store.tableDir(CanonicalTable.COSTS));
      Path activity = data.resolve("activity.csv");
      if (Files.isRegularFile(activity)) {
        write(s, activity, shown + "/activity.csv", CanonicalTable.ACTIVITY, ACTIVITY_NEEDS, "event_id", timezone, store);
      }
      Path costs = data.resolve("costs.csv");
      if (Files.isRegularFile(costs)) {
        write(s, costs, shown + "/costs.csv", CanonicalTable.COSTS, COSTS_NEEDS, "cost_id", timezone, store);
      }
    } catch (SQLException e) {
      String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new SpotlightException(ExitKind.DATA, new Location(shown, 0, 0), "cannot load test data: " + first, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store;
  }

  private static void write(Statement s, Path csv, String shown, CanonicalTable table, List<String> needs, String idColumn,
      ZoneId timezone, StoreLayout store) throws SQLException {
    s.execute("CREATE OR REPLACE TEMP TABLE raw AS SELECT row_number() OVER () AS __row, * FROM read_csv(" + quote(csv.toAbsolutePath().toString())
        + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')");
    List<String> have = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT column_name FROM (DESCRIBE raw)")) {
      while (rs.next()) {
        have.add(rs.getString(1));
      }
    }
    for (String need : needs) {
      if (!have.contains(need)) {
        throw new SpotlightException(ExitKind.DEFINITION, new Location(shown, 1, 0), "test data lacks column '" + need + "'",
            table.tableName() + " needs " + String.join(", ", needs));
      }
    }
    List<String> select = new ArrayList<>();
    for (CanonicalColumn col : table.columns()) {
      String name = col.name();
      String value;
      if (have.contains(name) && name.equals("source")) {
        value = "coalesce(nullif(trim(\"source\"), ''), 'test')";
      } else if (have.contains(name)) {
        value = cast("nullif(\"" + name + "\", '')", col.type());
      } else if (name.equals("source")) {
        value = "'test'";
      } else if (name.equals(idColumn)) {
        value = "CAST(__row AS VARCHAR)";
      } else if (name.equals("occurred_on")) {
        value = "CAST(timezone(" + quote(timezone.getId()) + ", " + cast("nullif(\"occurred_at\", '')", ColumnType.TIMESTAMP) + ") AS DATE)";
      } else {
        value = "CAST(NULL AS " + col.type().duckdbType() + ")";
      }
      select.add(value + " AS \"" + name + "\"");
    }
    boolean activity = table == CanonicalTable.ACTIVITY;
    s.execute("CREATE OR REPLACE TEMP TABLE rows AS SELECT " + String.join(", ", select) + " FROM raw");
    if (activity) {
      s.execute("ALTER TABLE rows ADD COLUMN \"month\" VARCHAR");
      s.execute("UPDATE rows SET \"month\" = strftime(occurred_on, '%Y-%m')");
    }
    List<String> sources = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT DISTINCT \"source\" FROM rows ORDER BY 1")) {
      while (rs.next()) {
        sources.add(rs.getString(1));
      }
    }
    for (String source : sources) {
      if (source == null || !source.matches("[A-Za-z0-9_.-]+")) {
        throw new SpotlightException(ExitKind.DEFINITION, new Location(shown, 0, 0), "test data has source '" + source + "'",
            "a source is letters, digits, '-', '_' and '.'");
      }
      Path dir = store.sourceDir(table, source);
      if (!activity) {
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      String body = "SELECT * EXCLUDE (\"source\") FROM rows WHERE \"source\" = " + quote(source);
      s.execute(activity
          ? "COPY (" + body + ") TO " + quote(dir.toAbsolutePath().toString()) + " (FORMAT parquet, PARTITION_BY (\"month\"))"
          : "COPY (" + body + ") TO " + quote(dir.resolve("data.parquet").toAbsolutePath().toString()) + " (FORMAT parquet)");
    }
    s.execute("DROP TABLE rows");
    s.execute("DROP TABLE raw");
  }

  private static String cast(String text, ColumnType type) {
    if (type == ColumnType.STRING_MAP) {
      return "CAST(CAST(" + text + " AS JSON) AS MAP(VARCHAR, VARCHAR))";
    }
    return "CAST(" + text + " AS " + type.duckdbType() + ")";
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
