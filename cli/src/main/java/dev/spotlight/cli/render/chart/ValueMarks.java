package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.chart.UnitPanel.Cell;
import dev.spotlight.cli.render.chart.UnitPanel.Interval;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Draws what stands in for a value (its {@code <5} or {@code –} mark at the baseline, in the bar's
 * place) and a value's interval (a whisker with caps). Shared by the bar and line renderers, which
 * place items differently but mark them the same way.
 */
final class ValueMarks {

  static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
  private static final float MIN_FONT_SIZE = 8;

  /** Marks are dark whatever the series colour: a yellow {@code <5} would not read on white. */
  private static final Color TEXT = new Color(0x222222);

  private static final Color WHISKER = new Color(0x333333);
  private static final double GAP = 3;

  private final Map<Cell, String> marks;
  private final Map<Cell, Interval> bounds;

  ValueMarks(Map<Cell, String> marks, Map<Cell, Interval> bounds) {
    this.marks = marks;
    this.bounds = bounds;
  }

  Map<Cell, String> marks() {
    return marks;
  }

  Map<Cell, Interval> bounds() {
    return bounds;
  }

  static Cell cell(CategoryDataset dataset, int row, int column) {
    return new Cell(dataset.getRowKey(row).toString(), dataset.getColumnKey(column).toString());
  }

  /** The data range widened to every whisker, so none runs off the axis. */
  Range include(Range range) {
    Range out = range;
    for (Interval i : bounds.values()) {
      out = Range.expandToInclude(Range.expandToInclude(out, i.low()), i.high());
    }
    return out;
  }

  /**
   * Draws the mark of item (row, column), if it has one, just off the baseline (value 0).
   *
   * @param middle the item's centre across the category axis, in Java2D space
   * @param stack how many marks already stand at this place (line charts stack them)
   * @param room the item's thickness across the category axis: a thin bar gets a smaller mark, so it keeps to its own slot
   */
  void drawMark(Graphics2D g2, CategoryPlot plot, Rectangle2D dataArea, ValueAxis rangeAxis, CategoryDataset dataset, int row,
      int column, double middle, int stack, double room) {
    String mark = marks.get(cell(dataset, row, column));
    if (mark == null) {
      return;
    }
    double base = rangeAxis.valueToJava2D(Math.max(0, rangeAxis.getLowerBound()), dataArea, plot.getRangeAxisEdge());
    // Text a little smaller than its slot, so it stays clear of the bars and labels either side.
    float size = (float) Math.max(MIN_FONT_SIZE, Math.min(FONT.getSize(), 0.8 * room));
    g2.setFont(FONT.deriveFont(size));
    g2.setPaint(TEXT);
    double stacked = stack * (size + 2);
    if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
      TextUtils.drawAlignedString(mark, g2, (float) (base + GAP), (float) (middle + stacked), TextAnchor.CENTER_LEFT);
    } else {
      TextUtils.drawAlignedString(mark, g2, (float) middle, (float) (base - GAP - stacked), TextAnchor.BOTTOM_CENTER);
    }
  }

  /** Draws the whisker of item (row, column), if it has an interval, across {@code halfWidth} either side of its centre. */
  void drawWhisker(Graphics2D g2, CategoryPlot plot, Rectangle2D dataArea, ValueAxis rangeAxis, CategoryDataset dataset, int row,
      int column, double middle, double halfWidth) {
    Interval interval = bounds.get(cell(dataset, row, column));
    if (interval == null) {
      return;
    }
    RectangleEdge edge = plot.getRangeAxisEdge();
    double low = rangeAxis.valueToJava2D(interval.low(), dataArea, edge);
    double high = rangeAxis.valueToJava2D(interval.high(), dataArea, edge);
    g2.setPaint(WHISKER);
    g2.setStroke(new BasicStroke(1.5f));
    if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
      g2.draw(new Line2D.Double(low, middle, high, middle));
      g2.draw(new Line2D.Double(low, middle - halfWidth, low, middle + halfWidth));
      g2.draw(new Line2D.Double(high, middle - halfWidth, high, middle + halfWidth));
    } else {
      g2.draw(new Line2D.Double(middle, low, middle, high));
      g2.draw(new Line2D.Double(middle - halfWidth, low, middle + halfWidth, low));
      g2.draw(new Line2D.Double(middle - halfWidth, high, middle + halfWidth, high));
    }
  }

  /** Draws {@code label} just past the high end of the item's whisker, in the axis direction. */
  void drawPastWhisker(Graphics2D g2, CategoryPlot plot, Rectangle2D dataArea, ValueAxis rangeAxis, CategoryDataset dataset, int row,
      int column, double middle, String label, Font font) {
    Interval interval = bounds.get(cell(dataset, row, column));
    if (interval == null || label == null) {
      return;
    }
    double high = rangeAxis.valueToJava2D(interval.high(), dataArea, plot.getRangeAxisEdge());
    g2.setFont(font);
    g2.setPaint(TEXT);
    if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
      TextUtils.drawAlignedString(label, g2, (float) (high + 2 * GAP), (float) middle, TextAnchor.CENTER_LEFT);
    } else {
      TextUtils.drawAlignedString(label, g2, (float) middle, (float) (high - 2 * GAP), TextAnchor.BOTTOM_CENTER);
    }
  }
}
