package dev.spotlight.metrics.model;

import dev.spotlight.common.error.Location;
import java.util.Map;

/**
 * A metric as written in a metric file: its id, display fields and what it computes.
 *
 * @param unit display hint only ("people", "GBP", "percent"...); values are never scaled
 * @param file the metric file (or catalogue) it came from, for the Method sheet
 * @param text the definition as written in its file, for the Method sheet
 */
public record MetricDefinition(
    String id,
    String label,
    String description,
    String unit,
    MetricBody body,
    IntervalKind interval,
    Map<String, String> tags,
    String file,
    Location location,
    String text) {

  /** The {@code type:} word of this metric. */
  public String typeName() {
    return body.typeName();
  }
}
