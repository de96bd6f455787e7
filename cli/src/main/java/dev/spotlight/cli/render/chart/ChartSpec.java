package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.DisplayValue;
import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.SectionTable;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.cli.render.chart.UnitPanel.Cell;
import dev.spotlight.cli.render.chart.UnitPanel.Interval;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What one section's chart shows, whatever its kind: titles, the categories (dimension values) and
 * one panel per unit (and scale). A value that cannot be shown is a gap in its series with its mark
 * ({@code <5}, {@code –}) at the baseline, explained by the footnote.
 *
 * @param footnote explains the marks and whiskers, or null when the chart has neither
 * @param source the source line (see {@link ChartRenderer#sourceLine})
 */
record ChartSpec(
    String title,
    String categoryLabel,
    List<String> categories,
    List<UnitPanel> panels,
    String noDataMessage,
    String footnote,
    String source) {

  static final String WHISKERS = "Whiskers show the interval (low to high) of values that have one.";

  static ChartSpec of(ReportContent content, SectionContent section, MetricLookup lookup) {
    return of(content, section, lookup, false);
  }

  /** @param medians whether each one-metric panel carries the median of its shown values (compare's reference line) */
  static ChartSpec of(ReportContent content, SectionContent section, MetricLookup lookup, boolean medians) {
    SectionTable table = SectionTable.of(section.forChart());
    StatusMarks marks = new StatusMarks(content.minCell());
    List<MetricInfo> metrics = table.metricIds().stream().map(lookup::get).toList();
    List<String> groups = table.groups();
    List<String> categories = groups.stream().map(g -> content.groupLabel(section.dimension(), g)).toList();

    double[] largest = new double[metrics.size()];
    Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      for (String g : groups) {
        Double v = DisplayValue.of(table.cell(g, metrics.get(i).id()));
        largest[i] = Math.max(largest[i], v == null ? 0 : Math.abs(v));
      }
      // With nothing to draw, one panel carries the no-data message instead of one per unit.
      String unit = groups.isEmpty() ? "" : unitLabel(metrics.get(i));
      byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(i);
    }
    List<UnitPanel> panels = new ArrayList<>();
    boolean marked = false;
    boolean whiskers = false;
    for (Map.Entry<String, List<Integer>> unit : byUnit.entrySet()) {
      List<List<Integer>> bands =
          unit.getKey().equals("%") ? List.of(unit.getValue()) : PanelBands.split(largest, unit.getValue());
      for (List<Integer> band : bands) {
        List<MetricInfo> panelMetrics = band.stream().map(metrics::get).toList();
        List<Color> colours = band.stream().map(OkabeItoPalette::series).toList();
        PanelBuilder panel = new PanelBuilder();
        for (int g = 0; g < groups.size(); g++) {
          for (MetricInfo metric : panelMetrics) {
            panel.add(metric.label(), categories.get(g), table.cell(groups.get(g), metric.id()), marks);
          }
        }
        marked |= !panel.marks.isEmpty();
        whiskers |= !panel.bounds.isEmpty();
        Double median = medians && panelMetrics.size() == 1 ? median(panel.dataset) : null;
        panels.add(new UnitPanel(unit.getKey(), panelMetrics, colours, panel.dataset, panel.marks, panel.bounds, median));
      }
    }

    Period period = section.results().period() != null ? section.results().period() : content.period();
    String note = section.note() == null || section.note().isBlank() ? "No results for this period." : section.note();
    List<String> footnotes = new ArrayList<>();
    if (marked) {
      footnotes.add(markFootnote(panels, marks));
    }
    if (whiskers) {
      footnotes.add(WHISKERS);
    }
    return new ChartSpec(
        section.title() + ", " + period.label(),
        axisWords(section.dimension()),
        categories,
        panels,
        note,
        footnotes.isEmpty() ? null : String.join(" ", footnotes),
        sourceLine(content));
  }

  /** The source line, naming the report by its template title when it has one, so a chart used on its own says where it is from. */
  static String sourceLine(ReportContent content) {
    String project = content.reportTitle() == null ? content.projectName() : content.projectName() + ", " + content.reportTitle();
    return ChartRenderer.sourceLine(content.toolVersion(), project);
  }

  /** The footnote sentences for the marks the chart shows: a chart with only {@code <5} marks does not explain {@code –}. */
  private static String markFootnote(List<UnitPanel> panels, StatusMarks marks) {
    boolean undefined = panels.stream().anyMatch(p -> p.marks().containsValue(StatusMarks.UNDEFINED));
    boolean suppressed = panels.stream().anyMatch(p -> p.marks().containsValue(marks.suppressed()));
    String undefinedOnly = new StatusMarks(1).footnote();
    if (!suppressed) {
      return undefinedOnly;
    }
    return undefined ? marks.footnote() : marks.footnote().replace(" " + undefinedOnly, "");
  }

  /** Fewer shown values than this and a median line says nothing the bars do not. */
  static final int MEDIAN_MIN_VALUES = 3;

  /**
   * The median of a one-series dataset's shown values (the mean of the middle two for an even count),
   * or null when it has fewer than {@link #MEDIAN_MIN_VALUES}.
   */
  static Double median(DefaultCategoryDataset dataset) {
    List<Double> values = new ArrayList<>();
    for (int c = 0; c < dataset.getColumnCount(); c++) {
      Number v = dataset.getValue(0, c);
      if (v != null) {
        values.add(v.doubleValue());
      }
    }
    if (values.size() < MEDIAN_MIN_VALUES) {
      return null;
    }
    values.sort(null);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  /** A panel's dataset, marks and whiskers as they are filled in. */
  private static final class PanelBuilder {
    final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    final Map<Cell, String> marks = new LinkedHashMap<>();
    final Map<Cell, Interval> bounds = new LinkedHashMap<>();

    void add(String series, String category, ResultRow result, StatusMarks statusMarks) {
      Double value = DisplayValue.of(result);
      dataset.addValue(value, series, category);
      Cell cell = new Cell(series, category);
      if (result != null && value == null) {
        // An ok row without a finite number reads as undefined, as in the tables.
        MetricStatus status = result.status() == MetricStatus.SUPPRESSED ? MetricStatus.SUPPRESSED : MetricStatus.UNDEFINED;
        marks.put(cell, statusMarks.of(status));
      }
      if (value != null && result.low() != null && result.high() != null
          && Double.isFinite(result.low()) && Double.isFinite(result.high())) {
        bounds.put(cell, new Interval(result.low(), result.high()));
      }
    }
  }

  /** A metric's unit as a reader reads it: the currency code, "%" for fractions, else the unit word. */
  private static String unitLabel(MetricInfo metric) {
    if (metric.isPercent()) {
      return "%";
    }
    return metric.unit() == null ? "" : metric.unit().strip();
  }

  /** A dimension name as an axis title: {@code deprivation_decile} reads "Deprivation decile". */
  static String axisWords(String dimension) {
    if (dimension == null || dimension.isBlank()) {
      return "";
    }
    String words = dimension.replace('_', ' ').strip();
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
