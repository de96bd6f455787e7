package dev.spotlight.cli.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The names beside a funnel plot's outlying grantees, drawn together so they never overlap: each sits
 * beside its dot, and where two would collide the later one is nudged down (or up, near the bottom of
 * the plot) by just enough, with a thin leader line back to its dot. Placement happens at draw time, in
 * the drawing's own units, so it holds at any size and in PNG and SVG alike.
 */
final class FunnelLabels extends AbstractXYAnnotation {

  static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
  /** Space between a dot's centre and its label, and between two labels, in drawing units. */
  static final double GAP = 8;
  static final double PAD = 2;

  /** One label: the grantee's name at its dot, on the right of the dot or on the left. */
  record Label(String text, double x, double y, boolean right) {}

  /** A label's box in drawing units: left, right, and its vertical centre and height. */
  record Box(double left, double right, double centre, double height) {

    Box at(double newCentre) {
      return new Box(left, right, newCentre, height);
    }

    boolean sharesColumnWith(Box other) {
      return left < other.right && other.left < right;
    }

    Rectangle2D rectangle() {
      return new Rectangle2D.Double(left, centre - height / 2, right - left, height);
    }
  }

  private final List<Label> labels;
  private List<Box> placed = List.of();

  FunnelLabels(List<Label> labels) {
    this.labels = List.copyOf(labels);
  }

  List<Label> labels() {
    return labels;
  }

  /** The boxes of the last drawing, in the order of {@link #labels()}. */
  List<Box> placed() {
    return placed;
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis, int rendererIndex,
      PlotRenderingInfo info) {
    g2.setFont(FONT);
    FontMetrics metrics = g2.getFontMetrics();
    double height = metrics.getAscent() + metrics.getDescent();
    List<Box> wanted = new ArrayList<>();
    List<double[]> dots = new ArrayList<>();
    for (Label label : labels) {
      double x = domainAxis.valueToJava2D(label.x(), dataArea, plot.getDomainAxisEdge());
      double y = rangeAxis.valueToJava2D(label.y(), dataArea, plot.getRangeAxisEdge());
      double width = metrics.stringWidth(label.text());
      wanted.add(label.right() ? new Box(x + GAP, x + GAP + width, y, height) : new Box(x - GAP - width, x - GAP, y, height));
      dots.add(new double[] {x, y});
    }
    placed = spread(wanted, dataArea.getMinY(), dataArea.getMaxY());
    for (int i = 0; i < placed.size(); i++) {
      Box box = placed.get(i);
      Box asked = wanted.get(i);
      if (Math.abs(box.centre() - asked.centre()) > height / 2) {
        g2.setPaint(Color.GRAY);
        g2.setStroke(new BasicStroke(0.75f));
        double edge = labels.get(i).right() ? box.left() - PAD : box.right() + PAD;
        g2.draw(new Line2D.Double(dots.get(i)[0], dots.get(i)[1], edge, box.centre()));
      }
      g2.setPaint(Color.BLACK);
      g2.drawString(labels.get(i).text(), (float) box.left(), (float) (box.centre() - height / 2 + metrics.getAscent()));
    }
  }

  /**
   * Moves boxes up or down, never sideways, until no two that share a column overlap: from the top
   * down each box goes just below any earlier one in its way, then from the bottom up each goes just
   * above any in its way and back inside {@code bottom}. Boxes keep their order; a box in nobody's way
   * stays where it is.
   *
   * @param top the smallest centre-minus-half-height wanted (drawing y grows downwards)
   * @param bottom the largest centre-plus-half-height wanted
   */
  static List<Box> spread(List<Box> boxes, double top, double bottom) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> boxes.get(i).centre()).thenComparing(i -> i));
    Box[] out = boxes.toArray(new Box[0]);
    List<Integer> done = new ArrayList<>();
    for (int i : order) {
      double centre = Math.max(out[i].centre(), top + out[i].height() / 2);
      for (int j : done) {
        if (out[i].sharesColumnWith(out[j])) {
          centre = Math.max(centre, out[j].centre() + (out[i].height() + out[j].height()) / 2 + PAD);
        }
      }
      out[i] = out[i].at(centre);
      done.add(i);
    }
    done.clear();
    for (int k = order.size() - 1; k >= 0; k--) {
      int i = order.get(k);
      double centre = Math.min(out[i].centre(), bottom - out[i].height() / 2);
      for (int j : done) {
        if (out[i].sharesColumnWith(out[j])) {
          centre = Math.min(centre, out[j].centre() - (out[i].height() + out[j].height()) / 2 - PAD);
        }
      }
      out[i] = out[i].at(centre);
      done.add(i);
    }
    return List.of(out);
  }
}
