package dev.spotlight.metrics.expr;

import dev.spotlight.common.error.Location;
import java.util.List;

/** The syntax tree of the expression language used in {@code where}, {@code of} and {@code expr}. */
public sealed interface Expr {

  Location location();

  /** A number, string, boolean, date or null literal; always rendered as a bound parameter. */
  record Literal(Object value, ValueType type, Location location) implements Expr {}

  /** A column or dimension name, e.g. {@code participant} or {@code attributes.category}. */
  record ColumnRef(String name, Location location) implements Expr {}

  /** {@code not x} or {@code -x}. */
  record Unary(UnaryOp op, Expr operand, Location location) implements Expr {}

  /** Arithmetic, comparison and logical operators. */
  record Binary(BinaryOp op, Expr left, Expr right, Location location) implements Expr {}

  /** {@code x [not] in (a, b, ...)}. */
  record InList(Expr value, List<Expr> items, boolean negated, Location location) implements Expr {}

  /** {@code x [not] between a and b}. */
  record Between(Expr value, Expr low, Expr high, boolean negated, Location location) implements Expr {}

  /** {@code x is [not] null}. */
  record IsNull(Expr value, boolean negated, Location location) implements Expr {}

  /** A call of one of the whitelisted functions. */
  record FunctionCall(String name, List<Expr> args, Location location) implements Expr {}

  /** Unary operators. */
  enum UnaryOp {
    NOT,
    NEGATE
  }

  /** Binary operators. */
  enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    AND("AND"),
    OR("OR");

    private final String sql;

    BinaryOp(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }
  }
}
