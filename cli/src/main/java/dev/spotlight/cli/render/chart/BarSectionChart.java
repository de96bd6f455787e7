package dev.spotlight.cli.render.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;

/**
 * A section as a bar chart: one group of bars per dimension value, one bar per metric, one panel per
 * unit (and scale) side by side. Bars run horizontally so long names (grantees, areas) stay readable,
 * and carry their value (when there is room) so a zero reads differently from a hidden value, which
 * has no bar but its mark ({@code <5}, {@code –}) at the baseline.
 */
final class BarSectionChart {

  /** With less room than this per bar, value labels would overlap, and the gridlines have to do. */
  static final int MIN_POINTS_PER_LABELLED_BAR = 14;

  /** Points each bar needs across its category to stay a bar, and what a category needs at least (its label). */
  static final int POINTS_PER_BAR = 9;

  static final int POINTS_PER_CATEGORY = 24;

  /** Title, legend, value axis, footnote and source line. */
  static final int FRAME_POINTS = 210;

  /** Taller than this and a chart is better split; it is drawn squeezed rather than as a scroll. */
  static final int MAX_HEIGHT = 2400;

  private BarSectionChart() {}

  /** Whether a panel's bars have room for their value labels at the chart's height. */
  static boolean labelled(ChartSpec spec, UnitPanel panel) {
    int bars = panel.dataset().getRowCount() * panel.dataset().getColumnCount();
    return bars == 0 || (height(spec) - FRAME_POINTS) / (double) bars >= MIN_POINTS_PER_LABELLED_BAR;
  }

  /**
   * The chart's height in points: {@link ChartFiles#HEIGHT} unless its categories need more room, e.g.
   * thirty grantees with three bars each.
   */
  static int height(ChartSpec spec) {
    int bars = spec.panels().stream().mapToInt(p -> p.dataset().getRowCount()).max().orElse(1);
    int perCategory = Math.max(POINTS_PER_CATEGORY, bars * POINTS_PER_BAR + 8);
    int needed = FRAME_POINTS + spec.categories().size() * perCategory;
    return Math.min(MAX_HEIGHT, Math.max(ChartFiles.HEIGHT, needed));
  }

  static JFreeChart create(ChartSpec spec) {
    CategoryAxis axis = ChartStyle.categoryAxis(spec.categoryLabel());
    axis.setMaximumCategoryLabelWidthRatio(0.3f);
    // A long grantee name wraps onto a second line rather than being cut short.
    axis.setMaximumCategoryLabelLines(2);
    axis.setCategoryMargin(0.25);
    CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(axis);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    // Wide enough that the last tick label of one panel does not run into the first of the next.
    plot.setGap(32);
    for (UnitPanel panel : spec.panels()) {
      BarRenderer renderer = new MarkedBarRenderer(new ValueMarks(panel.marks(), panel.bounds()));
      renderer.setDrawBarOutline(false);
      renderer.setItemMargin(0.05);
      renderer.setMaximumBarWidth(0.12);
      for (int i = 0; i < panel.colours().size(); i++) {
        renderer.setSeriesPaint(i, panel.colours().get(i));
      }
      NumberAxis valueAxis = ChartStyle.valueAxis(panel);
      if (labelled(spec, panel)) {
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartStyle.valueLabelFormat(panel)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        // Room past the longest bar for its label; panels share the width, so narrower panels need a larger share.
        valueAxis.setUpperMargin(0.2 + 0.15 * (spec.panels().size() - 1));
      }
      CategoryPlot subplot = new CategoryPlot(panel.dataset(), null, valueAxis, renderer);
      // A median of 0 would lie on the axis line and only clutter it.
      if (panel.median() != null && panel.median() != 0) {
        // Behind the bars and their labels, so it never hides a value.
        subplot.addRangeMarker(ChartStyle.medianLine(panel.median(), ChartStyle.valueLabelFormat(panel)), Layer.BACKGROUND);
      }
      plot.add(subplot);
    }
    return ChartStyle.chart(spec, plot);
  }
}
