package dev.spotlight.metrics.model;

/** The confidence interval a metric asks for with {@code interval:}. */
public enum IntervalKind {
  NONE,
  WILSON,
  POISSON
}
