package dev.spotlight.cli.compare;

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
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.sql.MoneyRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each grantee's funding in a period: the sum of its costs rows with {@code category = 'grant'},
 * spread over the period by day and converted by the project's money rules, like any costs sum.
 */
public final class GrantFunding {

  static final String METRIC_ID = "compare_grant_funding";

  private GrantFunding() {}

  /** Grantee id to funding in the project currency; grantees with no grant rows in the period are absent. */
  public static Map<String, Double> byGrantee(Engine engine, MoneyRules money, Period period) {
    Expr where = new Expr.Binary(Expr.BinaryOp.EQ, new Expr.ColumnRef("category", Location.NONE),
        new Expr.Literal("grant", ValueType.STRING, Location.NONE), Location.NONE);
    MetricDefinition def = new MetricDefinition(METRIC_ID, METRIC_ID, "", money.currency(),
        new MetricBody.Aggregate(AggregateFunction.SUM, CanonicalTable.COSTS, new Expr.ColumnRef("amount", Location.NONE), where, null),
        IntervalKind.NONE, Map.of(), "(compare)", Location.NONE, "");
    MetricCatalog catalog = new MetricCatalog(List.of(def));
    MetricRunner runner = new MetricRunner(catalog, engine, money, DisclosureRules.OFF);
    List<ResultRow> rows = runner.compute(new MetricQuery(List.of(METRIC_ID), List.of(Comparison.GRANTEE), period)).rows();
    Map<String, Double> out = new HashMap<>();
    for (ResultRow r : rows) {
      String grantee = r.dims().get(Comparison.GRANTEE);
      if (grantee != null && r.status() == MetricStatus.OK && r.value() != null) {
        out.put(grantee, r.value());
      }
    }
    return out;
  }
}
