package dev.spotlight.cli.render.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/** Bars as JFreeChart draws them, plus a mark where a value is hidden and a whisker where a value has an interval. */
final class MarkedBarRenderer extends BarRenderer {

  private static final long serialVersionUID = 1L;

  private final transient ValueMarks marks;

  MarkedBarRenderer(ValueMarks marks) {
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
    int visibleRow = state.getVisibleSeriesIndex(row);
    if (visibleRow < 0) {
      return;
    }
    // Where the bar is (or would be): the renderer's own placement, which honours the maximum bar width.
    double middle = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column) + state.getBarWidth() / 2;
    if (dataset.getValue(row, column) == null) {
      marks.drawMark(g2, plot, dataArea, rangeAxis, dataset, row, column, middle, 0, state.getBarWidth());
    } else {
      marks.drawWhisker(g2, plot, dataArea, rangeAxis, dataset, row, column, middle, Math.min(6, state.getBarWidth() / 3));
      if (super.isItemLabelVisible(row, column) && hasBounds(dataset, row, column)) {
        String label = getItemLabelGenerator(row, column).generateLabel(dataset, row, column);
        marks.drawPastWhisker(g2, plot, dataArea, rangeAxis, dataset, row, column, middle, label, getItemLabelFont(row, column));
      }
    }
  }

  /** A value with a whisker has its label past the whisker's end (drawn above), not on it. */
  @Override
  public boolean isItemLabelVisible(int row, int column) {
    CategoryPlot plot = getPlot();
    return super.isItemLabelVisible(row, column) && (plot == null || !hasBounds(plot.getDataset(plot.getIndexOf(this)), row, column));
  }

  private boolean hasBounds(CategoryDataset dataset, int row, int column) {
    return dataset != null && marks.bounds().containsKey(ValueMarks.cell(dataset, row, column));
  }

  @Override
  public Range findRangeBounds(CategoryDataset dataset) {
    Range range = super.findRangeBounds(dataset);
    return range == null ? null : marks.include(range);
  }
}
