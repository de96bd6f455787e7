package dev.spotlight.metrics.engine.duckdb;

import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.engine.StoreRelations;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.DuckDbDialect;
import dev.spotlight.metrics.sql.SqlDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The default engine: embedded DuckDB reading the store's Parquet files directly. */
public final class DuckDbEngine implements Engine {

  private final Connection connection;
  private final StoreLayout store;
  private final boolean hasAreas;
  private final Path scratch;
  private final java.util.Set<String> sources;
  /** Each view's current definition, so a query over the same files does not define it again. */
  private final java.util.Map<String, String> views = new java.util.HashMap<>();

  /** Whether a statement reads the costs view (QuerySqlBuilder writes {@code FROM costs c}). */
  private static final java.util.regex.Pattern READS_COSTS = java.util.regex.Pattern.compile("\\bFROM costs\\b");

  public DuckDbEngine(StoreLayout store, Path areasFile, ZoneId timezone) {
    this(store, areasFile, timezone, null);
  }

  /**
   * @param sources the sources whose data counts (the project's); data the store still holds for
   *     other sources is ignored. Null means every source in the store.
   */
  public DuckDbEngine(StoreLayout store, Path areasFile, ZoneId timezone, java.util.Set<String> sources) {
    this.store = store;
    this.sources = sources == null ? null : java.util.Set.copyOf(sources);
    try {
      // DuckDB creates its spill folder only when it spills, and removes it when it closes
      this.scratch = store.scratchDir().resolve("duckdb-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
      Files.createDirectories(store.scratchDir());
      this.connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = connection.createStatement()) {
        s.execute("SET TimeZone = '" + timezone.getId().replace("'", "''") + "'");
        s.execute("SET temp_directory = '" + scratch.toAbsolutePath().toString().replace("'", "''") + "'");
        s.execute("SET enable_progress_bar = false");
      }
      if (areasFile != null) {
        dev.spotlight.metrics.engine.AreasLoader.load(connection, areasFile, store.checkedDir());
      }
      this.hasAreas = areasFile != null;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SqlDialect dialect() {
    return DuckDbDialect.INSTANCE;
  }

  @Override
  public boolean hasAreas() {
    return hasAreas;
  }

  @Override
  public String version() {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      return "duckdb " + rs.getString(1);
    } catch (SQLException e) {
      return "duckdb";
    }
  }

  @Override
  public AtomTable run(CompiledQuery query, Period period) {
    try {
      defineView("activity", CanonicalTable.ACTIVITY, declared(StoreRelations.activityFiles(store, period)));
      if (READS_COSTS.matcher(query.sql()).find()) {
        defineView("costs", CanonicalTable.COSTS, declared(StoreRelations.costFiles(store)));
      }
      try (PreparedStatement p = connection.prepareStatement(query.sql())) {
        for (int i = 0; i < query.params().size(); i++) {
          Object v = query.params().get(i);
          p.setObject(i + 1, v instanceof LocalDate d ? d.toString() : v);
        }
        List<AtomTable.Row> rows = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          int dims = query.dimensionColumns().size();
          while (rs.next()) {
            List<String> dv = new ArrayList<>(dims);
            for (int i = 1; i <= dims; i++) {
              dv.add(rs.getString(i));
            }
            List<Double> av = new ArrayList<>(query.atomColumns().size());
            for (int i = 0; i < query.atomColumns().size(); i++) {
              Object o = rs.getObject(dims + 1 + i);
              av.add(o == null ? null : ((Number) o).doubleValue());
            }
            rows.add(new AtomTable.Row(dv, av));
          }
        }
        return new AtomTable(query.dimensionColumns(), query.atomColumns(), rows);
      }
    } catch (SQLException e) {
      java.util.regex.Matcher damaged = java.util.regex.Pattern.compile("File '([^']+\\.parquet)'").matcher(String.valueOf(e.getMessage()));
      if (damaged.find()) {
        // a store file that cannot be read is bad data, not a bug: say which and how to rewrite it
        Path file = Path.of(damaged.group(1));
        throw new dev.spotlight.common.error.SpotlightException(dev.spotlight.common.error.ExitKind.DATA,
            dev.spotlight.common.error.Location.of(file), "the store holds an unreadable Parquet file: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst("^[A-Za-z ]*Error: ", ""),
            "run spotlight pull --source " + StoreRelations.sourceOf(file) + " to rewrite it");
      }
      throw new IllegalStateException("DuckDB could not run the metric query: " + e.getMessage(), e);
    }
  }

  private List<Path> declared(List<Path> files) {
    return sources == null ? files : files.stream().filter(f -> sources.contains(StoreRelations.sourceOf(f))).toList();
  }

  private void defineView(String name, CanonicalTable table, List<Path> files) throws SQLException {
    String body;
    if (files.isEmpty()) {
      body = StoreRelations.emptyRelation(table);
    } else {
      String list = files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'").collect(Collectors.joining(", "));
      String cols = table.columns().stream().map(CanonicalColumn::name).map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
      body = "SELECT " + cols + " FROM read_parquet([" + list + "], hive_partitioning = true, hive_types = {'source': VARCHAR"
          + (table == CanonicalTable.ACTIVITY ? ", 'month': VARCHAR" : "") + "})";
    }
    if (body.equals(views.get(name))) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP VIEW " + name + " AS " + body);
    }
    views.put(name, body);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      if (Files.exists(scratch)) {
        deleteScratch();
      }
    }
  }

  /** What DuckDB left of its spill folder (it removes it itself on a clean close). */
  private void deleteScratch() {
    try (var walk = Files.walk(scratch)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // spill files are cleared again by the next pull
    }
  }
}
