package dev.spotlight.metrics.plan;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.Comparison;
import java.util.List;

/**
 * One aggregate the engine computes per group: a function over one table, with every filter that
 * applies to it (the metric's own {@code where} and those of references to it).
 *
 * @param alias the result column name, e.g. {@code a3}
 * @param shift the period it is computed over: the query period shifted by each comparison in turn
 *     (empty for the query period itself; a {@code change} metric's comparison side adds one)
 */
public record Atom(String alias, CanonicalTable table, AggregateFunction function, Expr of, List<Expr> filters, Double p, List<Comparison> shift) {

  public Atom {
    filters = List.copyOf(filters);
    shift = List.copyOf(shift);
  }

  /** An atom over the query period itself. */
  public Atom(String alias, CanonicalTable table, AggregateFunction function, Expr of, List<Expr> filters, Double p) {
    this(alias, table, function, of, filters, p, List.of());
  }
}
