package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.ReportFixtures;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarSectionChartTest {

  @TempDir Path dir;

  private final ReportContent content = ReportFixtures.content();

  @BeforeAll
  static void headless() {
    ChartFiles.headless();
  }

  /** {@code grantees} grantees, each with participants and grant spend; every seventh one's participants suppressed. */
  static SectionContent portfolio(int grantees) {
    List<ResultRow> rows = new ArrayList<>();
    for (int i = 1; i <= grantees; i++) {
      Map<String, String> dims = Map.of("grantee", "Community Grantee Number " + i);
      rows.add(i % 7 == 0
          ? new ResultRow("participants", "2026-10", dims, null, null, null, MetricStatus.SUPPRESSED)
          : new ResultRow("participants", "2026-10", dims, 20.0 * i, null, null, MetricStatus.OK));
      rows.add(new ResultRow("grant_spend", "2026-10", dims, 1000.0 + 150 * i, null, null, MetricStatus.OK));
    }
    return new SectionContent("portfolio", "Portfolio", "grantee", "bar", List.of("participants", "grant_spend"),
        new ResultTable(ReportFixtures.OCTOBER, List.of("grantee"), rows), null);
  }

  private ChartSpec spec(SectionContent section) {
    return ChartSpec.of(content, section, new MetricLookup(content.metrics()));
  }

  @Test
  void aFewGranteesFitTheStandardHeight() {
    assertThat(BarSectionChart.height(spec(ReportFixtures.byGrantee()))).isEqualTo(450);
    assertThat(BarSectionChart.height(spec(portfolio(8)))).isEqualTo(450);
  }

  @Test
  void manyGranteesMakeATallerChartWithRoomForEveryName() throws Exception {
    // 30 grantees, one bar per panel: max(24, 1 × 9 + 8) = 24 points each, plus 210 for the frame = 930.
    ChartSpec spec = spec(portfolio(30));
    assertThat(BarSectionChart.height(spec)).isEqualTo(930);

    Path png = ChartFiles.write(BarSectionChart.create(spec), dir, "portfolio", BarSectionChart.height(spec)).get(0);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(1860);
  }

  @Test
  void barsCarryTheirValueOnlyWhenEachHasFourteenPointsOrMore() {
    // 30 grantees at 930 points: (930 - 210) / 30 = 24 points a bar.
    ChartSpec tall = spec(portfolio(30));
    assertThat(BarSectionChart.labelled(tall, tall.panels().get(0))).isTrue();
    // The fixture: 4 grantees, one bar each per panel at 450 points: 240 / 4 = 60.
    ChartSpec few = spec(ReportFixtures.byGrantee());
    assertThat(few.panels()).allMatch(p -> BarSectionChart.labelled(few, p));
    // 500 grantees stop at 2,400 points: 2,190 / 500 = 4.4 points a bar, too few.
    ChartSpec huge = spec(portfolio(500));
    assertThat(BarSectionChart.labelled(huge, huge.panels().get(0))).isFalse();
  }

  @Test
  void theMedianIsADashedLineBehindTheBarsUnlessItIsZero() {
    ChartSpec compare = ChartSpec.of(content, portfolio(5), new MetricLookup(content.metrics()), true);
    @SuppressWarnings("unchecked")
    List<CategoryPlot> panels = ((CombinedDomainCategoryPlot) BarSectionChart.create(compare).getPlot()).getSubplots();

    // Participants 20, 40, 60, 80, 100 -> 60; grant spend 1,150 ... 1,750 -> 1,450.
    Collection<?> people = panels.get(0).getRangeMarkers(Layer.BACKGROUND);
    assertThat(people).hasSize(1);
    ValueMarker median = (ValueMarker) people.iterator().next();
    assertThat(median.getValue()).isEqualTo(60.0);
    assertThat(median.getLabel()).isEqualTo("median 60");
    assertThat(((ValueMarker) panels.get(1).getRangeMarkers(Layer.BACKGROUND).iterator().next()).getLabel()).isEqualTo("median £1,450");

    SectionContent zeros = new SectionContent("z", "Zeros", "grantee", "bar", List.of("participants"), new ResultTable(ReportFixtures.OCTOBER,
        List.of("grantee"), List.of(zero("a"), zero("b"), zero("c"))), null);
    @SuppressWarnings("unchecked")
    List<CategoryPlot> zeroPanels = ((CombinedDomainCategoryPlot) BarSectionChart.create(
        ChartSpec.of(content, zeros, new MetricLookup(content.metrics()), true)).getPlot()).getSubplots();
    assertThat(zeroPanels.get(0).getRangeMarkers(Layer.BACKGROUND)).isNull();
  }

  private static ResultRow zero(String grantee) {
    return new ResultRow("participants", "2026-10", Map.of("grantee", grantee), 0.0, null, null, MetricStatus.OK);
  }

  @Test
  void heightStopsAtTheMaximum() {
    assertThat(BarSectionChart.height(spec(portfolio(500)))).isEqualTo(BarSectionChart.MAX_HEIGHT);
  }
}
