package dev.spotlight.cli.render.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Lines with dots, broken where a value is hidden; the gap carries the value's mark at the baseline
 * (stacked when several series are hidden in one month), and a value with an interval a whisker.
 */
final class MarkedLineRenderer extends LineAndShapeRenderer {

  private static final long serialVersionUID = 1L;

  private final transient ValueMarks marks;

  MarkedLineRenderer(ValueMarks marks) {
    super(true, true);
    this.marks = marks;
  }

  ValueMarks valueMarks() {
    return marks;
  }

  @Override
  public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
      ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
    super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    if (pass != getPassCount() - 1) {
      return;
    }
    double middle = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
    if (dataset.getValue(row, column) == null) {
      int below = 0;
      for (int r = 0; r < row; r++) {
        if (dataset.getValue(r, column) == null && marks.marks().containsKey(ValueMarks.cell(dataset, r, column))) {
          below++;
        }
      }
      marks.drawMark(g2, plot, dataArea, rangeAxis, dataset, row, column, middle, below, Double.MAX_VALUE);
    } else {
      marks.drawWhisker(g2, plot, dataArea, rangeAxis, dataset, row, column, middle, 4);
    }
  }

  @Override
  public Range findRangeBounds(CategoryDataset dataset) {
    Range range = super.findRangeBounds(dataset);
    return range == null ? null : marks.include(range);
  }
}
