package dev.spotlight.metrics.engine.spark;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.engine.StoreRelations;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.SqlDialect;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL over the store's Parquet files: the same plans as DuckDB, rendered by {@link
 * SparkDialect}. Each engine has its own session (its time zone and views) on the process's one
 * Spark context, so opening another engine costs nothing once Spark has started.
 */
public final class SparkEngine implements Engine {

  private static final Pattern DAMAGED = Pattern.compile("(file:[^\\s'\"]+\\.parquet)");

  private final SparkSession session;
  private final StoreLayout store;
  private final Set<String> sources;
  private final boolean hasAreas;

  /**
   * @param scratch where Spark keeps local temporary files when nothing else is configured
   * @param sources the sources whose data counts (the project's); null means every source in the store
   */
  public SparkEngine(StoreLayout store, Path areasFile, ZoneId timezone, Set<String> sources, Path scratch) {
    this.store = store;
    this.sources = sources == null ? null : Set.copyOf(sources);
    this.session = SparkSessions.shared(scratch).newSession();
    // calendar buckets and date arithmetic use local dates and times in the project's time zone
    session.conf().set("spark.sql.session.timeZone", timezone.getId());
    if (areasFile != null) {
      SparkAreas.define(session, areasFile, store.checkedDir());
    }
    this.hasAreas = areasFile != null;
  }

  public SparkEngine(StoreLayout store, Path areasFile, ZoneId timezone, Set<String> sources) {
    this(store, areasFile, timezone, sources, store.scratchDir());
  }

  @Override
  public SqlDialect dialect() {
    return SparkDialect.INSTANCE;
  }

  @Override
  public boolean hasAreas() {
    return hasAreas;
  }

  @Override
  public String version() {
    return "spark " + session.version();
  }

  @Override
  public AtomTable run(CompiledQuery query, Period period) {
    SparkStore.defineView(session, "activity", CanonicalTable.ACTIVITY, store.tableDir(CanonicalTable.ACTIVITY),
        declared(StoreRelations.activityFiles(store, period)));
    SparkStore.defineView(session, "costs", CanonicalTable.COSTS, store.tableDir(CanonicalTable.COSTS),
        declared(StoreRelations.costFiles(store)));
    List<Object> params = query.params().stream().map(v -> (Object) (v instanceof LocalDate d ? d.toString() : v)).toList();
    NamedParameters.Bound bound = NamedParameters.bind(query.sql(), params);
    List<Row> result;
    try {
      result = session.sql(bound.sql(), bound.args()).collectAsList();
    } catch (Exception e) {
      // Spark's Scala code also throws checked exceptions (ExecutionException) without declaring them
      throw translate(e);
    }
    int dims = query.dimensionColumns().size();
    List<AtomTable.Row> rows = new ArrayList<>(result.size());
    for (Row r : result) {
      List<String> dv = new ArrayList<>(dims);
      for (int i = 0; i < dims; i++) {
        dv.add(r.isNullAt(i) ? null : String.valueOf(r.get(i)));
      }
      List<Double> av = new ArrayList<>(query.atomColumns().size());
      for (int i = 0; i < query.atomColumns().size(); i++) {
        av.add(r.isNullAt(dims + i) ? null : ((Number) r.get(dims + i)).doubleValue());
      }
      rows.add(new AtomTable.Row(dv, av));
    }
    return new AtomTable(query.dimensionColumns(), query.atomColumns(), rows);
  }

  /** A store file Spark cannot read is bad data naming the file; anything else is a bug in the SQL. */
  private RuntimeException translate(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = DAMAGED.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        Path file = Path.of(java.net.URI.create(m.group(1)));
        Throwable root = t;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return new SpotlightException(ExitKind.DATA, Location.of(file), "the store holds an unreadable Parquet file: " + why,
            "run spotlight pull --source " + StoreRelations.sourceOf(file) + " to rewrite it");
      }
    }
    String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new IllegalStateException("Spark could not run the metric query: " + first, e);
  }

  private List<Path> declared(List<Path> files) {
    return sources == null ? files : files.stream().filter(f -> sources.contains(StoreRelations.sourceOf(f))).toList();
  }

  /** The session's views go with it; the Spark context stays for the next engine and stops when the process ends. */
  @Override
  public void close() {
    session.catalog().dropTempView("activity");
    session.catalog().dropTempView("costs");
    session.catalog().dropTempView("areas");
  }
}
