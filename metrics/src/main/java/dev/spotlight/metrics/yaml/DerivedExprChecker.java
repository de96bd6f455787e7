package dev.spotlight.metrics.yaml;

import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.metrics.expr.BuiltinFunction;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.ValueType;
import dev.spotlight.metrics.plan.TableScope;
import java.util.Set;

/**
 * Checks the {@code expr} of a derived metric: arithmetic over metric ids. Its names are metrics,
 * not columns; it may use numbers, {@code + - * /}, unary minus, parentheses, {@code abs(x)} and
 * {@code round(x[, n])}, and nothing else (no comparisons, text, null or other functions).
 */
final class DerivedExprChecker {

  static final String ALLOWED = "a derived metric's expr may use metric ids, numbers, + - * /, parentheses, abs and round";

  private final Set<String> metricIds;

  private DerivedExprChecker(Set<String> metricIds) {
    this.metricIds = metricIds;
  }

  static void check(Expr expr, Set<String> metricIds) {
    new DerivedExprChecker(metricIds).walk(expr);
  }

  private void walk(Expr e) {
    if (e instanceof Expr.ColumnRef c) {
      name(c);
    } else if (e instanceof Expr.Literal l) {
      if (l.type() != ValueType.NUMBER) {
        throw SpotlightException.definition(l.location(), describe(l.type()) + " is not allowed in a derived metric's expr", ALLOWED);
      }
    } else if (e instanceof Expr.Unary u) {
      if (u.op() != Expr.UnaryOp.NEGATE) {
        throw SpotlightException.definition(u.location(), "'not' is not allowed in a derived metric's expr", ALLOWED);
      }
      walk(u.operand());
    } else if (e instanceof Expr.Binary b) {
      switch (b.op()) {
        case ADD, SUB, MUL, DIV -> {
          walk(b.left());
          walk(b.right());
        }
        default -> throw SpotlightException.definition(b.location(),
            "'" + b.op().sql().toLowerCase(java.util.Locale.ROOT) + "' is not allowed in a derived metric's expr: it must be a number, not a condition", ALLOWED);
      }
    } else if (e instanceof Expr.FunctionCall f) {
      function(f);
    } else {
      throw SpotlightException.definition(e.location(), "a condition is not allowed in a derived metric's expr: it must be a number", ALLOWED);
    }
  }

  private void name(Expr.ColumnRef c) {
    if (metricIds.contains(c.name())) {
      return;
    }
    if (TableScope.ACTIVITY.typeOf(c.name()).isPresent() || TableScope.COSTS.typeOf(c.name()).isPresent()) {
      throw SpotlightException.definition(c.location(), "'" + c.name() + "' is a column, not a metric: a derived metric's expr names metrics",
          "define a metric over the column (e.g. type: sum, of: " + c.name() + ") and use its id");
    }
    throw SpotlightException.definition(c.location(), "unknown metric '" + c.name() + "'", DidYouMean.hint(c.name(), metricIds));
  }

  private void function(Expr.FunctionCall f) {
    if (f.name().equals(BuiltinFunction.ABS.functionName())) {
      walk(f.args().get(0));
      return;
    }
    if (f.name().equals(BuiltinFunction.ROUND.functionName())) {
      walk(f.args().get(0));
      if (f.args().size() == 2) {
        digits(f.args().get(1));
      }
      return;
    }
    throw SpotlightException.definition(f.location(), "function '" + f.name() + "' is not allowed in a derived metric's expr", ALLOWED);
  }

  /** The decimal places of {@code round(x, n)}: a whole-number literal from 0 to 18. */
  static int digits(Expr places) {
    if (places instanceof Expr.Literal literal && literal.value() instanceof Long n && n >= 0 && n <= BuiltinFunction.MAX_ROUND_PLACES) {
      return n.intValue();
    }
    throw SpotlightException.definition(places.location(),
        "the second argument of round must be a whole number of decimal places from 0 to " + BuiltinFunction.MAX_ROUND_PLACES, "e.g. round(x, 2)");
  }

  private static String describe(ValueType t) {
    return switch (t) {
      case STRING -> "text";
      case BOOLEAN -> "true/false";
      case NULL -> "null";
      case DATE, TIMESTAMP -> "a date";
      case NUMBER -> "a number";
    };
  }
}
