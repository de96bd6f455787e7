package dev.spotlight.metrics.expr;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints syntax trees as compact prefix notation, so tests can state a tree's shape in one line.
 */
final class Trees {

  private Trees() {}

  static String show(Expr e) {
    if (e instanceof Expr.Literal l) {
      return switch (l.type()) {
        case STRING -> "'" + l.value() + "'";
        case DATE -> "date:" + l.value();
        case NULL -> "null";
        default -> String.valueOf(l.value());
      };
    }
    if (e instanceof Expr.ColumnRef c) {
      return c.name();
    }
    if (e instanceof Expr.Unary u) {
      return "(" + (u.op() == Expr.UnaryOp.NOT ? "not" : "neg") + " " + show(u.operand()) + ")";
    }
    if (e instanceof Expr.Binary b) {
      return "("
          + b.op().sql().toLowerCase(Locale.ROOT)
          + " "
          + show(b.left())
          + " "
          + show(b.right())
          + ")";
    }
    if (e instanceof Expr.InList in) {
      return "("
          + (in.negated() ? "not-in " : "in ")
          + show(in.value())
          + " ["
          + in.items().stream().map(Trees::show).collect(Collectors.joining(" "))
          + "])";
    }
    if (e instanceof Expr.Between b) {
      return "("
          + (b.negated() ? "not-between " : "between ")
          + show(b.value())
          + " "
          + show(b.low())
          + " "
          + show(b.high())
          + ")";
    }
    if (e instanceof Expr.IsNull n) {
      return "(" + (n.negated() ? "is-not-null " : "is-null ") + show(n.value()) + ")";
    }
    Expr.FunctionCall f = (Expr.FunctionCall) e;
    return "("
        + f.name()
        + f.args().stream().map(a -> " " + show(a)).collect(Collectors.joining())
        + ")";
  }
}
