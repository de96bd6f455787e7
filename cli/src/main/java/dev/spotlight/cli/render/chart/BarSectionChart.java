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

  /** Above this many bars in a panel their value labels would overlap, and the gridlines have to do. */
  static final int MAX_LABELLED_BARS = 18;

  private BarSectionChart() {}

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
      if (panel.dataset().getRowCount() * panel.dataset().getColumnCount() <= MAX_LABELLED_BARS) {
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartStyle.valueLabelFormat(panel)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        // Room past the longest bar for its label; panels share the width, so narrower panels need a larger share.
        valueAxis.setUpperMargin(0.2 + 0.15 * (spec.panels().size() - 1));
      }
      CategoryPlot subplot = new CategoryPlot(panel.dataset(), null, valueAxis, renderer);
      if (panel.median() != null) {
        // Behind the bars and their labels, so it never hides a value.
        subplot.addRangeMarker(ChartStyle.medianLine(panel.median(), ChartStyle.valueLabelFormat(panel)), Layer.BACKGROUND);
      }
      plot.add(subplot);
    }
    return ChartStyle.chart(spec, plot);
  }
}
