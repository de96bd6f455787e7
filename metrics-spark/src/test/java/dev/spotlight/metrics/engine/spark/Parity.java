package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.engine.duckdb.DuckDbEngine;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs one query on DuckDB and on Spark over the same store and demands the same results: the same
 * groups with the same statuses, counts exactly equal, every other number (values and interval
 * bounds) equal within 1e-9 relative. Nothing here is loosened to make an engine pass.
 */
final class Parity {

  static final double RELATIVE = 1e-9;

  private Parity() {}

  /** Both engines' results for {@code query}; fails the test when they differ. Returns DuckDB's. */
  static ResultTable check(MetricCatalog catalog, StoreLayout store, Path areas, ZoneId zone, MoneyRules money,
      DisclosureRules rules, MetricQuery query) {
    ResultTable duck;
    try (Engine e = new DuckDbEngine(store, areas, zone)) {
      duck = new MetricRunner(catalog, e, money, rules).compute(query);
    }
    ResultTable spark;
    try (Engine e = new SparkEngine(store, areas, zone, null)) {
      spark = new MetricRunner(catalog, e, money, rules).compute(query);
    }
    assertSame(catalog, query, duck, spark);
    return duck;
  }

  static void assertSame(MetricCatalog catalog, MetricQuery query, ResultTable duck, ResultTable spark) {
    List<ResultRow> d = sorted(duck.rows());
    List<ResultRow> s = sorted(spark.rows());
    String what = query.metrics() + " by " + query.dimensions() + " for " + query.period().label();
    assertThat(s.stream().map(Parity::key).toList()).as("groups and metrics of %s", what)
        .isEqualTo(d.stream().map(Parity::key).toList());
    for (int i = 0; i < d.size(); i++) {
      ResultRow a = d.get(i);
      ResultRow b = s.get(i);
      String at = what + " at " + key(a);
      assertThat(b.status()).as("status of %s", at).isEqualTo(a.status());
      boolean exact = isCount(catalog, a.metric());
      same(at + " value", a.value(), b.value(), exact);
      same(at + " low", a.low(), b.low(), false);
      same(at + " high", a.high(), b.high(), false);
    }
  }

  private static boolean isCount(MetricCatalog catalog, String id) {
    MetricDefinition def = catalog.all().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    return def.body() instanceof MetricBody.Aggregate a && a.function().isCount();
  }

  static void same(String what, Double duck, Double spark, boolean exact) {
    if (duck == null || spark == null) {
      if (!Objects.equals(duck, spark)) {
        fail("%s: duckdb %s, spark %s", what, duck, spark);
      }
      return;
    }
    if (duck.isNaN() || spark.isNaN() || duck.isInfinite() || spark.isInfinite()) {
      if (!duck.equals(spark)) {
        fail("%s: duckdb %s, spark %s", what, duck, spark);
      }
      return;
    }
    if (exact) {
      if (duck.doubleValue() != spark.doubleValue()) {
        fail("%s (a count): duckdb %s, spark %s", what, duck, spark);
      }
      return;
    }
    double scale = Math.max(Math.abs(duck), Math.abs(spark));
    if (Math.abs(duck - spark) > RELATIVE * scale) {
      fail("%s: duckdb %s, spark %s (more than 1e-9 relative apart)", what, duck, spark);
    }
  }

  private static String key(ResultRow r) {
    return r.metric() + " " + r.period() + " " + r.dims();
  }

  private static List<ResultRow> sorted(List<ResultRow> rows) {
    List<ResultRow> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(Parity::key));
    return out;
  }
}
