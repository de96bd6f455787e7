package dev.spotlight.metrics.expr;

/** The types the expression checker reasons about. */
public enum ValueType {
  STRING,
  NUMBER,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  /** The type of the {@code null} literal: compatible with everything. */
  NULL
}
