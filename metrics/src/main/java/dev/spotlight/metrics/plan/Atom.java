package dev.spotlight.metrics.plan;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.AggregateFunction;
import java.util.List;

/**
 * One aggregate the engine computes per group: a function over one table, with every filter that
 * applies to it (the metric's own {@code where} and those of references to it).
 *
 * @param alias the result column name, e.g. {@code a3}
 */
public record Atom(String alias, CanonicalTable table, AggregateFunction function, Expr of, List<Expr> filters, Double p) {

  public Atom {
    filters = List.copyOf(filters);
  }
}
