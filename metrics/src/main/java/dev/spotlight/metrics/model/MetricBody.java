package dev.spotlight.metrics.model;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.expr.Expr;

/** What a metric computes; one record per family of metric types. */
public sealed interface MetricBody {

  String typeName();

  /** count, count_distinct, sum, avg, min, max, median, percentile over one table. */
  record Aggregate(AggregateFunction function, CanonicalTable table, Expr of, Expr where, Double p) implements MetricBody {
    @Override
    public String typeName() {
      return function.typeName();
    }
  }

  /** numerator / denominator, each a (possibly filtered) reference to another metric. */
  record Ratio(MetricRef numerator, MetricRef denominator) implements MetricBody {
    @Override
    public String typeName() {
      return "ratio";
    }
  }
}
