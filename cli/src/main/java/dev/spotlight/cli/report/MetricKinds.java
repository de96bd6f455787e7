package dev.spotlight.cli.report;

import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import java.util.List;

/**
 * The kinds of metric a template section asks for with {@code show:} and {@code chart_show:}, told
 * from each definition's type, unit and filter, so templates never name metric ids.
 */
public final class MetricKinds {

  /** Every word {@code show:} accepts, in the order the docs list them. */
  public static final List<String> WORDS = List.of("all", "counts", "money", "percent", "outcomes", "unit_costs", "per_capita");

  private MetricKinds() {}

  /** Whether a section showing any of the words {@code show} includes metric {@code d}. */
  public static boolean shows(List<String> show, MetricDefinition d) {
    return show.stream().anyMatch(word -> shows(word, d));
  }

  /** Whether a section showing {@code show} includes metric {@code d}. */
  public static boolean shows(String show, MetricDefinition d) {
    boolean money = isMoney(d);
    boolean percent = "percent".equals(d.unit());
    return switch (show) {
      case "money" -> money;
      case "percent" -> percent;
      case "counts" -> isCount(d) && !money && !percent;
      case "outcomes" -> isCount(d) && !money && !percent && filtersOnOutcome(d);
      case "unit_costs" -> money && (d.body() instanceof MetricBody.Ratio || d.body() instanceof MetricBody.Derived);
      case "per_capita" -> d.body() instanceof MetricBody.PerCapita;
      default -> true;
    };
  }

  private static boolean isMoney(MetricDefinition d) {
    return d.unit() != null && d.unit().matches("[A-Z]{3}");
  }

  private static boolean isCount(MetricDefinition d) {
    return d.body() instanceof MetricBody.Aggregate a
        && (a.function() == AggregateFunction.COUNT || a.function() == AggregateFunction.COUNT_DISTINCT);
  }

  /** A count whose {@code where} reads the {@code outcome} column: it counts evidenced outcomes. */
  private static boolean filtersOnOutcome(MetricDefinition d) {
    return d.body() instanceof MetricBody.Aggregate a && a.where() != null && names(a.where(), "outcome");
  }

  private static boolean names(Expr e, String column) {
    if (e instanceof Expr.ColumnRef c) {
      return c.name().equals(column);
    }
    if (e instanceof Expr.Unary u) {
      return names(u.operand(), column);
    }
    if (e instanceof Expr.Binary b) {
      return names(b.left(), column) || names(b.right(), column);
    }
    if (e instanceof Expr.InList in) {
      return names(in.value(), column) || in.items().stream().anyMatch(i -> names(i, column));
    }
    if (e instanceof Expr.Between b) {
      return names(b.value(), column) || names(b.low(), column) || names(b.high(), column);
    }
    if (e instanceof Expr.IsNull n) {
      return names(n.value(), column);
    }
    if (e instanceof Expr.FunctionCall f) {
      return f.args().stream().anyMatch(a -> names(a, column));
    }
    return false;
  }
}
