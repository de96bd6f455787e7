package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.ReportContent.MetricInfo;
import java.awt.Color;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The metrics of one chart that share a unit, drawn against one value axis. Metrics in different
 * units get separate panels, so a percentage is never plotted on a scale of pounds or people.
 *
 * @param unitLabel the value axis label, e.g. {@code GBP}, {@code %} or {@code people}
 * @param colours one per metric, fixed by the metric's place in the section so it keeps its colour across panels
 * @param dataset one series per metric (keyed by label), one category per dimension value
 */
record UnitPanel(String unitLabel, List<MetricInfo> metrics, List<Color> colours, DefaultCategoryDataset dataset) {}
