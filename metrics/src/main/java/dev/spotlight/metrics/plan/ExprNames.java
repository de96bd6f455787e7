package dev.spotlight.metrics.plan;

import dev.spotlight.metrics.expr.Expr;
import java.util.Set;

/** Collects the column and dimension names an expression reads. */
public final class ExprNames {

  private ExprNames() {}

  public static void collect(Expr e, Set<String> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.ColumnRef c) {
      out.add(c.name());
    } else if (e instanceof Expr.Unary u) {
      collect(u.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (e instanceof Expr.InList in) {
      collect(in.value(), out);
      in.items().forEach(i -> collect(i, out));
    } else if (e instanceof Expr.Between b) {
      collect(b.value(), out);
      collect(b.low(), out);
      collect(b.high(), out);
    } else if (e instanceof Expr.IsNull n) {
      collect(n.value(), out);
    } else if (e instanceof Expr.FunctionCall f) {
      f.args().forEach(a -> collect(a, out));
    }
  }
}
