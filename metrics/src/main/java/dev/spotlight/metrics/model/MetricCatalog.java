package dev.spotlight.metrics.model;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loaded metrics of a project, by id, in the order they were defined. */
public final class MetricCatalog {

  private final Map<String, MetricDefinition> metrics;

  public MetricCatalog(List<MetricDefinition> definitions) {
    Map<String, MetricDefinition> m = new LinkedHashMap<>();
    for (MetricDefinition d : definitions) {
      m.put(d.id(), d);
    }
    this.metrics = m;
  }

  public Collection<MetricDefinition> all() {
    return metrics.values();
  }

  public List<String> ids() {
    return List.copyOf(metrics.keySet());
  }

  public boolean contains(String id) {
    return metrics.containsKey(id);
  }

  /** The metric {@code id}; unknown is a definition error at {@code at} with a did-you-mean hint. */
  public MetricDefinition get(String id, Location at) {
    MetricDefinition d = metrics.get(id);
    if (d == null) {
      throw SpotlightException.definition(at, "unknown metric '" + id + "'", DidYouMean.hint(id, metrics.keySet()));
    }
    return d;
  }
}
