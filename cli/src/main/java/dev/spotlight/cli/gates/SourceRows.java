package dev.spotlight.cli.gates;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.IntervalKind;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.sql.MoneyRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows each source has in a period: activity rows in it plus cost rows overlapping it (for the {@code empty} gate). */
final class SourceRows {

  private SourceRows() {}

  static Map<String, Long> count(Engine engine, MoneyRules money, Period period) {
    MetricCatalog catalog = new MetricCatalog(List.of(counter("activity_rows", CanonicalTable.ACTIVITY),
        counter("cost_rows", CanonicalTable.COSTS)));
    MetricRunner runner = new MetricRunner(catalog, engine, money, DisclosureRules.OFF);
    Map<String, Long> rows = new HashMap<>();
    for (ResultRow r : runner.compute(new MetricQuery(catalog.ids(), List.of("source"), period)).rows()) {
      String source = r.dims().get("source");
      if (source != null && r.value() != null) {
        rows.merge(source, r.value().longValue(), Long::sum);
      }
    }
    return rows;
  }

  private static MetricDefinition counter(String id, CanonicalTable table) {
    return new MetricDefinition(id, id, "", null, new MetricBody.Aggregate(AggregateFunction.COUNT, table, null, null, null),
        IntervalKind.NONE, Map.of(), "(quality gate)", Location.NONE, "");
  }
}
