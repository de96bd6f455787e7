package dev.spotlight.metrics.plan;

import java.util.List;

/**
 * How a metric's value is made from atoms: an atom itself, a quotient of two trees (a ratio), or
 * arithmetic over trees and constants (a derived metric).
 */
public sealed interface ValueTree {

  /** The trees this one is made from. */
  default List<ValueTree> children() {
    if (this instanceof Quotient q) {
      return List.of(q.numerator(), q.denominator());
    }
    if (this instanceof Arithmetic a) {
      return List.of(a.left(), a.right());
    }
    if (this instanceof Function f) {
      return List.of(f.argument());
    }
    return List.of();
  }

  /** The value of one aggregate. */
  record Of(Atom atom) implements ValueTree {}

  /** numerator / denominator; undefined when the denominator is 0. */
  record Quotient(ValueTree numerator, ValueTree denominator) implements ValueTree {}

  /**
   * The population of the areas in the group, from the areas table: summed over the areas having
   * the group's value of each area dimension, or over all areas when the query has none.
   */
  record Population() implements ValueTree {

    /** The result column that carries it. */
    public static final String COLUMN = "__population";
  }

  /** A number written in a derived metric's {@code expr}. */
  record Constant(double value) implements ValueTree {}

  /** {@code left op right}; a division by 0 is undefined, as in a ratio. */
  record Arithmetic(Op op, ValueTree left, ValueTree right) implements ValueTree {}

  /** {@code abs(x)}, or {@code round(x, digits)} (half away from zero), of a tree. */
  record Function(String name, ValueTree argument, int digits) implements ValueTree {}

  /** The arithmetic operators a derived metric may use. */
  enum Op {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }
}
