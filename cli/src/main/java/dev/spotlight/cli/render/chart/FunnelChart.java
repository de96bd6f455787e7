package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.chart.FunnelLimits.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A funnel plot (see {@link FunnelLimits}): each grantee's cost per outcome (y) against its number of
 * outcomes (x), the portfolio average as a line and the 95% and 99.8% limits as funnels around it.
 * Grantees outside the 95% limits carry their name; the rest are dots, listed in the legend as one
 * series, so the eye goes to the ones worth asking about.
 */
public final class FunnelChart {

  /** Points each limit curve is drawn through. */
  static final int CURVE_POINTS = 120;

  static final String GRANTEES = "Grantee";
  static final String AVERAGE = "Portfolio average";
  static final String LIMITS_95 = "95% limits";
  static final String LIMITS_998 = "99.8% limits";

  private FunnelChart() {}

  /** Writes the funnel plot as {@code STEM.png} and {@code STEM.svg} in {@code folder} (see {@link ChartFiles}). */
  public static List<Path> write(FunnelSpec spec, Path folder, String stem) {
    ChartFiles.headless();
    return ChartFiles.write(create(spec), folder, stem);
  }

  static JFreeChart create(FunnelSpec spec) {
    List<Point> points = spec.points();
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries grantees = new XYSeries(GRANTEES, false, true);
    points.forEach(p -> grantees.add(p.outcomes(), p.costPerOutcome()));
    data.addSeries(grantees);

    XYPlot plot = new XYPlot();
    NumberAxis x = new NumberAxis(spec.outcomeLabel() + " (outcomes)");
    x.setAutoRangeIncludesZero(true);
    x.setNumberFormatOverride(ChartStyle.moneyOrNumber(null));
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis("Cost per outcome (" + spec.currency() + ")");
    y.setNumberFormatOverride(ChartStyle.moneyOrNumber(spec.currency()));
    y.setAutoRangeIncludesZero(true);
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);

    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    plot.setDataset(1, data);
    plot.setRenderer(1, dots);
    XYLineAndShapeRenderer limits = new XYLineAndShapeRenderer(true, false);
    // One path per curve, so a dash pattern runs along it instead of restarting at every point.
    limits.setDrawSeriesLineAsPath(true);
    plot.setRenderer(0, limits);

    boolean withLimits = false;
    if (!points.isEmpty()) {
      double average = FunnelLimits.average(points);
      // Limits live on the log scale: only a positive average has them (refunds can make costs negative).
      withLimits = average > 0 && Double.isFinite(average);
      double maxX = points.stream().mapToDouble(Point::outcomes).max().orElse(1) * 1.1;
      // From near zero, so the funnel's shape shows even when every grantee is large.
      double minX = Math.max(1, maxX / 100);
      XYSeriesCollection lines = new XYSeriesCollection();
      XYSeries avg = new XYSeries(AVERAGE + " " + ChartStyle.moneyOrNumber(spec.currency()).format(average), false, true);
      avg.add(0, average);
      avg.add(maxX, average);
      lines.addSeries(avg);
      if (withLimits) {
        lines.addSeries(curve(LIMITS_95, average, FunnelLimits.Z95, minX, maxX, true));
        lines.addSeries(curve(LIMITS_998, average, FunnelLimits.Z998, minX, maxX, true));
        lines.addSeries(curve(LIMITS_95 + " (lower)", average, FunnelLimits.Z95, minX, maxX, false));
        lines.addSeries(curve(LIMITS_998 + " (lower)", average, FunnelLimits.Z998, minX, maxX, false));
        FunnelLabels labels = labels(points, average, maxX);
        if (!labels.labels().isEmpty()) {
          plot.addAnnotation(labels);
        }
      }
      plot.setDataset(0, lines);
      // The funnel's mouth runs off to the sky for tiny counts; the axis follows the grantees, not the curves.
      double top = Math.max(points.stream().mapToDouble(Point::costPerOutcome).max().orElse(average), average * 1.5);
      double bottom = Math.min(0, points.stream().mapToDouble(Point::costPerOutcome).min().orElse(0) * 1.15);
      y.setAutoRange(false);
      y.setRange(bottom, top > bottom ? top * 1.15 : bottom + 1);
      x.setAutoRange(false);
      x.setRange(0, maxX);
    }
    String footnote = footnote(spec, withLimits || points.isEmpty());
    JFreeChart chart = ChartStyle.dressed(new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true), footnote, spec.source());
    // After the theme, which would hand out palette colours and plain strokes in series order.
    dots.setSeriesPaint(0, OkabeItoPalette.BLUE);
    dots.setSeriesShape(0, ChartStyle.DOT);
    Stroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f);
    Stroke dotted = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {0.5f, 4f}, 0f);
    style(limits, 0, Color.BLACK, new BasicStroke(1.5f), true);
    style(limits, 1, OkabeItoPalette.ORANGE, dashed, true);
    style(limits, 2, OkabeItoPalette.VERMILLION, dotted, true);
    style(limits, 3, OkabeItoPalette.ORANGE, dashed, false);
    style(limits, 4, OkabeItoPalette.VERMILLION, dotted, false);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setNoDataMessage("No grantee has a cost per outcome to show for this period.");
    plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    return chart;
  }

  /** A name beside each grantee outside the 95% limits, on the side of its dot with more room. */
  static FunnelLabels labels(List<Point> points, double average, double maxX) {
    List<FunnelLabels.Label> out = new ArrayList<>();
    for (Point p : points) {
      if (FunnelLimits.outside(p, average, FunnelLimits.Z95)) {
        out.add(new FunnelLabels.Label(p.label(), p.outcomes(), p.costPerOutcome(), p.outcomes() < maxX / 2));
      }
    }
    return new FunnelLabels(out);
  }

  private static String footnote(FunnelSpec spec, boolean withLimits) {
    String note = withLimits
        ? "Limits: average × exp(±z/√outcomes), z = 1.96 (95%) and 3.09 (99.8%); named grantees lie outside the 95% limits."
        : "No limits: the portfolio average cost per outcome is not above zero.";
    if (!spec.leftOut().isEmpty()) {
      note += " Not shown: " + String.join(", ", spec.leftOut()) + ".";
    }
    return note;
  }

  private static XYSeries curve(String name, double average, double z, double from, double to, boolean upper) {
    XYSeries s = new XYSeries(name, false, true);
    for (int i = 0; i <= CURVE_POINTS; i++) {
      double n = from + (to - from) * i / CURVE_POINTS;
      s.add(n, upper ? FunnelLimits.upper(average, n, z) : FunnelLimits.lower(average, n, z));
    }
    return s;
  }

  private static void style(XYLineAndShapeRenderer r, int series, Color colour, Stroke stroke, boolean inLegend) {
    r.setSeriesPaint(series, colour);
    r.setSeriesStroke(series, stroke);
    r.setSeriesVisibleInLegend(series, inLegend);
  }
}
