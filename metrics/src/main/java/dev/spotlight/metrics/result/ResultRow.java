package dev.spotlight.metrics.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tidy result: a metric's value for one group in one period. {@code value}, {@code low} and
 * {@code high} are null when suppressed or undefined (and bounds when the metric has no interval).
 */
public record ResultRow(
    String metric, String period, Map<String, String> dims, Double value, Double low, Double high, MetricStatus status) {

  public ResultRow {
    dims = Collections.unmodifiableMap(new LinkedHashMap<>(dims));
  }
}
