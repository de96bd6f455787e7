package dev.spotlight.metrics.model;

import java.util.List;

/** What to compute: which metrics, split by which dimensions, over which period. */
public record MetricQuery(List<String> metrics, List<String> dimensions, Period period) {

  public MetricQuery {
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
  }
}
