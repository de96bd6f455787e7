package dev.spotlight.cli.render;

import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.metrics.result.ResultRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A section's tidy results pivoted for display: one row per value of its dimension, one cell per
 * metric. Groups keep the order the results list them in, except in a line section, whose dimension
 * is a time axis (ISO dates, months, weeks) and is sorted so the table reads like the chart.
 */
public final class SectionTable {

  /** The group name of a result row that has no value for the section's dimension. */
  public static final String ALL = "All";

  /** The group of rows whose dimension has no value (e.g. an area missing from the areas file). */
  public static final String NONE = "(none)";

  private final List<String> metricIds;
  private final List<String> groups;
  private final Map<String, Map<String, ResultRow>> cells = new LinkedHashMap<>();
  private final Set<String> metricsWithBounds = new HashSet<>();

  private SectionTable(SectionContent section) {
    this.metricIds = List.copyOf(section.metricIds());
    Set<String> shown = Set.copyOf(metricIds);
    for (ResultRow row : section.results().rows()) {
      if (!shown.contains(row.metric())) {
        continue;
      }
      String group = row.dims().containsKey(section.dimension())
          ? Objects.requireNonNullElse(row.dims().get(section.dimension()), NONE)
          : ALL;
      cells.computeIfAbsent(group, g -> new HashMap<>()).putIfAbsent(row.metric(), row);
      if (row.low() != null || row.high() != null) {
        metricsWithBounds.add(row.metric());
      }
    }
    List<String> ordered = new ArrayList<>(cells.keySet());
    if ("line".equalsIgnoreCase(section.chart())) {
      ordered.sort(null);
    }
    this.groups = List.copyOf(ordered);
  }

  public static SectionTable of(SectionContent section) {
    return new SectionTable(section);
  }

  /** Group values in display order. */
  public List<String> groups() {
    return groups;
  }

  public List<String> metricIds() {
    return metricIds;
  }

  /** The result for one group and metric, or null when the results have none. */
  public ResultRow cell(String group, String metricId) {
    Map<String, ResultRow> row = cells.get(group);
    return row == null ? null : row.get(metricId);
  }

  /** Whether any of the metric's rows carries interval bounds, so the table gives it low/high columns. */
  public boolean hasBounds(String metricId) {
    return metricsWithBounds.contains(metricId);
  }

  public boolean isEmpty() {
    return cells.isEmpty();
  }
}
