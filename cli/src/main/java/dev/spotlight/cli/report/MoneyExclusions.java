package dev.spotlight.cli.report;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.ValueType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts rows in the period whose currency is neither the project's nor one with an {@code fx} rate:
 * their amounts are left out of money metrics, and the Data quality sheet says how many.
 */
public final class MoneyExclusions {

  private MoneyExclusions() {}

  /** {activity rows, cost rows} left out of money metrics. */
  public static long[] count(Engine engine, MoneyRules money, Period period) {
    List<Expr> accepted = new ArrayList<>();
    accepted.add(new Expr.Literal(money.currency(), ValueType.STRING, Location.NONE));
    money.fx().keySet().forEach(c -> accepted.add(new Expr.Literal(c, ValueType.STRING, Location.NONE)));
    Expr currency = new Expr.ColumnRef("currency", Location.NONE);
    Expr where = new Expr.Binary(Expr.BinaryOp.AND, new Expr.IsNull(currency, true, Location.NONE),
        new Expr.InList(currency, accepted, true, Location.NONE), Location.NONE);
    MetricCatalog catalog = new MetricCatalog(List.of(counter("activity_other_currency", CanonicalTable.ACTIVITY, where),
        counter("costs_other_currency", CanonicalTable.COSTS, where)));
    MetricRunner runner = new MetricRunner(catalog, engine, money, DisclosureRules.OFF);
    List<ResultRow> rows = runner.compute(new MetricQuery(catalog.ids(), List.of(), period)).rows();
    return new long[] {rows.get(0).value().longValue(), rows.get(1).value().longValue()};
  }

  private static MetricDefinition counter(String id, CanonicalTable table, Expr where) {
    return new MetricDefinition(id, id, "", null, new MetricBody.Aggregate(AggregateFunction.COUNT, table, null, where, null),
        IntervalKind.NONE, Map.of(), "(data quality)", Location.NONE, "");
  }
}
