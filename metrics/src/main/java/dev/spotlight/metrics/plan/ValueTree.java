package dev.spotlight.metrics.plan;

/** How a metric's value is made from atoms: an atom itself, or a quotient of two trees. */
public sealed interface ValueTree {

  /** The value of one aggregate. */
  record Of(Atom atom) implements ValueTree {}

  /** numerator / denominator; undefined when the denominator is 0. */
  record Quotient(ValueTree numerator, ValueTree denominator) implements ValueTree {}
}
