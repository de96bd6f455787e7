package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.ReportContent.MetricInfo;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The metrics of one chart that share a unit (and a scale), drawn against one value axis. Metrics in
 * different units get separate panels, so a percentage is never plotted on a scale of pounds or
 * people; so do metrics of one unit whose sizes differ more than {@link PanelBands#MAX_RATIO}-fold.
 *
 * @param unitLabel the value axis label, e.g. {@code GBP}, {@code %} or {@code people}
 * @param colours one per metric, fixed by the metric's place in the section so it keeps its colour across panels
 * @param dataset one series per metric (keyed by label), one category per dimension value; null where nothing is drawn
 * @param marks what stands at the baseline in place of a value that is not drawn: {@code <5} or {@code –}
 * @param bounds the interval (low, high) of each value that has one, drawn as a whisker
 * @param median the median of the shown values, drawn as a line, when the chart asks for it and the panel has one metric; else null
 */
record UnitPanel(
    String unitLabel,
    List<MetricInfo> metrics,
    List<Color> colours,
    DefaultCategoryDataset dataset,
    Map<Cell, String> marks,
    Map<Cell, Interval> bounds,
    Double median) {

  /** One value's place: the series (metric label) and the category (dimension value's label). */
  record Cell(String series, String category) {}

  record Interval(double low, double high) {}

  UnitPanel(String unitLabel, List<MetricInfo> metrics, List<Color> colours, DefaultCategoryDataset dataset) {
    this(unitLabel, metrics, colours, dataset, Map.of(), Map.of(), null);
  }
}
