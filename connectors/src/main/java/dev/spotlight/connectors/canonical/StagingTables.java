package dev.spotlight.connectors.canonical;

import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The temporary tables (or views) connectors fill: the canonical columns minus those the store writer derives
 * ({@code source}, {@code occurred_on}), with raw person ids that the writer pseudonymises.
 */
public final class StagingTables {

  public static final String ACTIVITY = "staged_activity";
  public static final String COSTS = "staged_costs";

  private static final Set<String> DERIVED = Set.of("source", "occurred_on");

  private StagingTables() {}

  public static String name(CanonicalTable table) {
    return table == CanonicalTable.ACTIVITY ? ACTIVITY : COSTS;
  }

  /** The columns a connector fills for {@code table}, in order. */
  public static List<CanonicalColumn> columns(CanonicalTable table) {
    return table.columns().stream().filter(c -> !DERIVED.contains(c.name())).toList();
  }

  /** Creates the staging table for {@code table} if it does not exist yet (connectors may define a view of that name instead). */
  public static void create(Connection connection, CanonicalTable table) throws SQLException {
    String cols = columns(table).stream()
        .map(c -> Sql.identifier(c.name()) + " " + c.type().duckdbType())
        .collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS " + name(table) + " (" + cols + ")");
    }
  }

  public static boolean exists(Connection connection, CanonicalTable table) throws SQLException {
    try (Statement s = connection.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM (SELECT table_name AS n FROM duckdb_tables() WHERE temporary"
            + " UNION ALL SELECT view_name FROM duckdb_views() WHERE temporary) WHERE n = '" + name(table) + "'")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }
}
