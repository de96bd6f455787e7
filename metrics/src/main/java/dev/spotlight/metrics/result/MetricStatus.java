package dev.spotlight.metrics.result;

import java.util.Locale;

/** Whether a result value can be shown (SPEC §5 status rules). */
public enum MetricStatus {
  OK,
  SUPPRESSED,
  UNDEFINED;

  /** The lower-case word written in CSV and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
