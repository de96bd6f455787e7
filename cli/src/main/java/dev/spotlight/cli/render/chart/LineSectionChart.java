package dev.spotlight.cli.render.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;

/**
 * A trend section as a line chart: one line per metric across the dimension's values, one panel per
 * unit stacked over a shared axis, broken where a value cannot be shown and marked there.
 */
final class LineSectionChart {

  /** More categories than this and their labels are turned 45° so they do not collide. */
  private static final int LEVEL_LABELS = 12;

  /** Panels that fit in the standard height; each one more adds {@link #POINTS_PER_PANEL}. */
  static final int PANELS_IN_STANDARD_HEIGHT = 3;

  static final int POINTS_PER_PANEL = 80;

  private LineSectionChart() {}

  /** The chart's height in points: {@link ChartFiles#HEIGHT}, plus room for each panel past three. */
  static int height(ChartSpec spec) {
    return ChartFiles.HEIGHT + POINTS_PER_PANEL * Math.max(0, spec.panels().size() - PANELS_IN_STANDARD_HEIGHT);
  }

  static JFreeChart create(ChartSpec spec) {
    CategoryAxis axis = ChartStyle.categoryAxis(spec.categoryLabel());
    axis.setCategoryMargin(0.0);
    axis.setLowerMargin(0.02);
    axis.setUpperMargin(0.02);
    if (spec.categories().size() > LEVEL_LABELS) {
      axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(axis);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setGap(16);
    for (UnitPanel panel : spec.panels()) {
      // Null values leave gaps: the renderer joins only neighbouring points that both have a value.
      LineAndShapeRenderer renderer = new MarkedLineRenderer(new ValueMarks(panel.marks(), panel.bounds()));
      for (int i = 0; i < panel.colours().size(); i++) {
        renderer.setSeriesPaint(i, panel.colours().get(i));
        renderer.setSeriesStroke(i, ChartStyle.LINE);
        renderer.setSeriesShape(i, ChartStyle.DOT);
      }
      plot.add(new CategoryPlot(panel.dataset(), null, ChartStyle.valueAxis(panel), renderer));
    }
    return ChartStyle.chart(spec, plot);
  }
}
