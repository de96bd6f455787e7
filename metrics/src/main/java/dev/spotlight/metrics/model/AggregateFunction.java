package dev.spotlight.metrics.model;

import java.util.Locale;

/** The aggregate metric types: one SQL aggregate each over one table. */
public enum AggregateFunction {
  COUNT,
  COUNT_DISTINCT,
  SUM,
  AVG,
  MIN,
  MAX,
  MEDIAN,
  PERCENTILE;

  public String typeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Counts are subject to small-number suppression; nothing else is. */
  public boolean isCount() {
    return this == COUNT || this == COUNT_DISTINCT;
  }

  /** Whether the aggregate needs an {@code of:} expression. */
  public boolean needsOf() {
    return this != COUNT;
  }

  /** Whether {@code of:} must be numeric. */
  public boolean needsNumericOf() {
    return this != COUNT && this != COUNT_DISTINCT;
  }
}
