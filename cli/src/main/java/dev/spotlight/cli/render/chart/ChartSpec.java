package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.DisplayValue;
import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.SectionTable;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What one section's chart shows, whatever its kind: titles, the categories (dimension values) and
 * one panel per unit. A value that cannot be shown is a gap in its series, and its category label
 * carries the mark (e.g. {@code grantee-x (<5)}).
 *
 * @param footnote explains the marks, or null when no category carries one
 */
record ChartSpec(
    String title,
    String categoryLabel,
    List<String> categories,
    List<UnitPanel> panels,
    String noDataMessage,
    String footnote,
    String source) {

  static ChartSpec of(ReportContent content, SectionContent section, MetricLookup lookup) {
    SectionTable table = SectionTable.of(section.forChart());
    StatusMarks marks = new StatusMarks(content.minCell());
    List<MetricInfo> metrics = table.metricIds().stream().map(lookup::get).toList();
    List<String> groups = table.groups();
    List<String> categories = groups.stream().map(g -> content.groupLabel(section.dimension(), g) + markSuffix(table, g, marks)).toList();

    Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      // With nothing to draw, one panel carries the no-data message instead of one per unit.
      String unit = groups.isEmpty() ? "" : unitLabel(metrics.get(i));
      byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(i);
    }
    List<UnitPanel> panels = new ArrayList<>();
    byUnit.forEach(
        (unit, indexes) -> {
          List<MetricInfo> panelMetrics = indexes.stream().map(metrics::get).toList();
          List<Color> colours = indexes.stream().map(i -> OkabeItoPalette.SERIES.get(i % OkabeItoPalette.SERIES.size())).toList();
          DefaultCategoryDataset dataset = new DefaultCategoryDataset();
          for (int g = 0; g < groups.size(); g++) {
            for (MetricInfo metric : panelMetrics) {
              dataset.addValue(DisplayValue.of(table.cell(groups.get(g), metric.id())), metric.label(), categories.get(g));
            }
          }
          panels.add(new UnitPanel(unit, panelMetrics, colours, dataset));
        });

    Set<String> units = new LinkedHashSet<>();
    metrics.forEach(m -> units.add(unitLabel(m)));
    units.remove("");
    Period period = section.results().period() != null ? section.results().period() : content.period();
    String title = section.title() + (units.isEmpty() ? "" : " (" + String.join(", ", units) + ")") + ", " + period.label();
    String note = section.note() == null || section.note().isBlank() ? "No results for this period." : section.note();
    boolean marked = groups.stream().anyMatch(g -> !markSuffix(table, g, marks).isEmpty());
    return new ChartSpec(
        title,
        capitalise(section.dimension()),
        categories,
        panels,
        note,
        marked ? marks.footnote() : null,
        "Source: Spotlight, " + content.projectName());
  }

  /** " (<5)", " (–)" or " (<5, –)" after a group some of whose values are hidden; empty otherwise. */
  private static String markSuffix(SectionTable table, String group, StatusMarks marks) {
    Set<String> found = new LinkedHashSet<>();
    for (MetricStatus status : List.of(MetricStatus.SUPPRESSED, MetricStatus.UNDEFINED)) {
      for (String metricId : table.metricIds()) {
        ResultRow result = table.cell(group, metricId);
        if (result != null && result.status() == status) {
          found.add(marks.of(status));
        }
      }
    }
    return found.isEmpty() ? "" : " (" + String.join(", ", found) + ")";
  }

  /** A metric's unit as a reader reads it: the currency code, "%" for fractions, else the unit word. */
  private static String unitLabel(MetricInfo metric) {
    if (metric.isPercent()) {
      return "%";
    }
    return metric.unit() == null ? "" : metric.unit().strip();
  }

  private static String capitalise(String word) {
    if (word == null || word.isBlank()) {
      return "";
    }
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
