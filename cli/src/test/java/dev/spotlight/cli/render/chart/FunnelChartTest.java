package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.cli.render.chart.FunnelLimits.Point;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked example of docs/charts.md: A £40 × 100, B £120 × 25, C £40 × 25, D £40 × 50; average £50. */
class FunnelChartTest {

  @TempDir Path dir;

  private static final FunnelSpec SPEC = new FunnelSpec("Cost per person against the portfolio, 2026-10", "People taking part", "GBP",
      List.of(new Point("A", 100, 40), new Point("B", 25, 120), new Point("C", 25, 40), new Point("D", 50, 40)),
      List.of("E (<5)"), "Source: test");

  @BeforeAll
  static void headless() {
    ChartFiles.headless();
  }

  private static XYSeriesCollection lines(JFreeChart chart) {
    return (XYSeriesCollection) chart.getXYPlot().getDataset(0);
  }

  @Test
  void grantesAreThePointsAndTheAverageIsTotalCostOverTotalOutcomes() {
    JFreeChart chart = FunnelChart.create(SPEC);

    XYSeries grantees = ((XYSeriesCollection) chart.getXYPlot().getDataset(1)).getSeries(0);
    assertThat(grantees.getItemCount()).isEqualTo(4);
    assertThat(grantees.getY(1)).isEqualTo(120.0);
    XYSeries average = lines(chart).getSeries(0);
    assertThat((String) average.getKey()).isEqualTo("Portfolio average £50");
    assertThat(average.getY(0).doubleValue()).isEqualTo(50.0);
    assertThat(average.getY(1).doubleValue()).isEqualTo(50.0);
  }

  @Test
  void limitCurvesFollowTheFormula() {
    XYSeriesCollection lines = lines(FunnelChart.create(SPEC));

    // Curves run from x = max(1, 110 / 100) = 1.1 to 110 (the largest count × 1.1) in 120 steps; check the last point,
    // x = 110: z/√110 = 0.186875 (95%) and 0.294642 (99.8%); 50 × e^0.186875 = 60.2738, 50 × e^-0.294642 = 37.2399.
    assertThat(lines.getSeriesCount()).isEqualTo(5);
    XYSeries upper95 = lines.getSeries(1);
    XYSeries lower998 = lines.getSeries(4);
    assertThat(upper95.getItemCount()).isEqualTo(FunnelChart.CURVE_POINTS + 1);
    assertThat(upper95.getX(FunnelChart.CURVE_POINTS).doubleValue()).isCloseTo(110.0, within(1e-9));
    assertThat(upper95.getY(FunnelChart.CURVE_POINTS).doubleValue()).isCloseTo(60.2738, within(1e-3));
    assertThat(lower998.getY(FunnelChart.CURVE_POINTS).doubleValue()).isCloseTo(37.2399, within(1e-3));
  }

  @Test
  void onlyGranteesOutsideTheNinetyFivePercentLimitsAreNamed() {
    XYPlot plot = FunnelChart.create(SPEC).getXYPlot();

    assertThat(plot.getAnnotations()).hasSize(1);
    List<String> labels = ((FunnelLabels) plot.getAnnotations().get(0)).labels().stream().map(FunnelLabels.Label::text).toList();
    assertThat(labels).containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void namesOfOutlyingGranteesCloseTogetherDoNotOverlapWhenDrawn() {
    // Average (40 × 1000 + 30 × 120 + 31 × 118 + 29 × 121 + 32 × 119) / 1122 = £52.21; the 95% upper limit near
    // 30 outcomes is about 52.21 × e^(1.96/√30) = £74.7, so all four small grantees lie outside it, within £3 of
    // each other: on the drawing, far less than a line of text apart. The big one lies below its lower limit.
    FunnelSpec close = new FunnelSpec("Cost per person, 2026-10", "People", "GBP",
        List.of(new Point("Big grantee", 1000, 40), new Point("Bramley Bikes", 30, 120), new Point("Calder Tools", 31, 118),
            new Point("Dewsbury Makers", 29, 121), new Point("Elland Repair", 32, 119)),
        List.of(), "Source: test");
    JFreeChart chart = FunnelChart.create(close);
    BufferedImage image = new BufferedImage(ChartFiles.WIDTH, ChartFiles.HEIGHT, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g2 = image.createGraphics();
    ChartRenderingInfo info = new ChartRenderingInfo();

    chart.draw(g2, new Rectangle2D.Double(0, 0, ChartFiles.WIDTH, ChartFiles.HEIGHT), info);
    g2.dispose();

    FunnelLabels labels = (FunnelLabels) chart.getXYPlot().getAnnotations().get(0);
    assertThat(labels.labels()).extracting(FunnelLabels.Label::text)
        .containsExactly("Big grantee", "Bramley Bikes", "Calder Tools", "Dewsbury Makers", "Elland Repair");
    List<Rectangle2D> boxes = labels.placed().stream().map(FunnelLabels.Box::rectangle).toList();
    Rectangle2D dataArea = info.getPlotInfo().getDataArea();
    for (int i = 0; i < boxes.size(); i++) {
      assertThat(dataArea.contains(boxes.get(i))).as("%s inside the plot", labels.labels().get(i).text()).isTrue();
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(boxes.get(i).intersects(boxes.get(j)))
            .as("%s overlaps %s", labels.labels().get(i).text(), labels.labels().get(j).text()).isFalse();
      }
    }
    // Each label is still beside its own dot: within four lines of text of it.
    ValueAxis y = chart.getXYPlot().getRangeAxis();
    for (int i = 0; i < boxes.size(); i++) {
      double dotY = y.valueToJava2D(labels.labels().get(i).y(), dataArea, chart.getXYPlot().getRangeAxisEdge());
      assertThat(Math.abs(boxes.get(i).getCenterY() - dotY)).isLessThan(4 * boxes.get(i).getHeight() + 1);
    }
  }

  @Test
  void footnoteGivesTheFormulaAndTheGranteesLeftOut() {
    JFreeChart chart = FunnelChart.create(SPEC);

    List<String> lines = chart.getSubtitles().stream().filter(TextTitle.class::isInstance).map(t -> ((TextTitle) t).getText()).toList();
    assertThat(lines).contains("Source: test");
    assertThat(lines).anyMatch(l -> l.contains("exp(±z/√outcomes)") && l.endsWith("Not shown: E (<5)."));
  }

  @Test
  void noGranteeToDrawIsAnEmptyPlotWithItsMessage() {
    FunnelSpec empty = new FunnelSpec("Cost per person against the portfolio, 2026-10", "People", "GBP", List.of(), List.of("E (<5)"),
        "Source: test");

    XYPlot plot = FunnelChart.create(empty).getXYPlot();

    assertThat(plot.getDataset(0)).isNull();
    assertThat(((XYSeriesCollection) plot.getDataset(1)).getSeries(0).getItemCount()).isZero();
    assertThat(plot.getNoDataMessage()).isEqualTo("No grantee has a cost per outcome to show for this period.");
  }

  @Test
  void aPortfolioAverageNotAboveZeroHasNoLimitsAndSaysSo() throws Exception {
    // Refunds: -£10 × 20 + £5 × 20 = -£100 over 40 outcomes.
    FunnelSpec refunds = new FunnelSpec("Net cost per person, 2026-10", "People", "GBP",
        List.of(new Point("A", 20, -10), new Point("B", 20, 5)), List.of(), "Source: test");

    JFreeChart chart = FunnelChart.create(refunds);

    assertThat(lines(chart).getSeriesCount()).isEqualTo(1);
    assertThat(chart.getXYPlot().getAnnotations()).isEmpty();
    assertThat(chart.getXYPlot().getRangeAxis().getLowerBound()).isCloseTo(-11.5, within(1e-9));
    assertThat(chart.getSubtitles().stream().filter(TextTitle.class::isInstance).map(t -> ((TextTitle) t).getText()))
        .contains("No limits: the portfolio average cost per outcome is not above zero.");
    assertThat(ChartFiles.write(chart, dir, "refunds")).allMatch(java.nio.file.Files::isRegularFile);
  }
}
