package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.cli.render.chart.FunnelLimits.Point;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
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

    List<String> labels = plot.getAnnotations().stream().map(a -> ((XYTextAnnotation) (XYAnnotation) a).getText().strip()).toList();
    assertThat(labels).containsExactlyInAnyOrder("A", "B");
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
