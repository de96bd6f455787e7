package dev.spotlight.cli.render;

import dev.spotlight.cli.render.ReportContent.MetricInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's metrics by id, so tables and charts can find each result's label and unit. */
public final class MetricLookup {

  private final Map<String, MetricInfo> byId = new LinkedHashMap<>();

  public MetricLookup(List<MetricInfo> metrics) {
    metrics.forEach(m -> byId.putIfAbsent(m.id(), m));
  }

  /**
   * The metric with this id; a metric a section names but the report does not describe still gets a
   * row or series, labelled by its id, rather than vanishing from the output.
   */
  public MetricInfo get(String id) {
    MetricInfo info = byId.get(id);
    return info != null ? info : new MetricInfo(id, id, "", "", "", "", "");
  }
}
