package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportFixtures;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkedBarRendererTest {

  private final ReportContent content = ReportFixtures.content();

  @BeforeAll
  static void headless() {
    ChartFiles.headless();
  }

  private JFreeChart chart() {
    return BarSectionChart.create(ChartSpec.of(content, ReportFixtures.byGrantee(), new MetricLookup(content.metrics())));
  }

  @SuppressWarnings("unchecked")
  private static List<CategoryPlot> panels(JFreeChart chart) {
    return ((CombinedDomainCategoryPlot) chart.getPlot()).getSubplots();
  }

  @Test
  void eachPanelRendererHoldsItsPanelsMarksAndBounds() {
    List<CategoryPlot> panels = panels(chart());

    assertThat(panels).hasSize(3);
    ValueMarks percent = ((MarkedBarRenderer) panels.get(2).getRenderer()).valueMarks();
    assertThat(percent.marks()).containsValues("<5", "–").hasSize(2);
    assertThat(percent.bounds()).hasSize(2);
  }

  @Test
  void theValueAxisReachesTheHighestWhiskerNotOnlyTheHighestBar() {
    CategoryPlot percent = panels(chart()).get(2);

    // Bars reach 0.5123; the highest bound is 0.55.
    Range range = percent.getRenderer().findRangeBounds(percent.getDataset());
    assertThat(range.getLowerBound()).isEqualTo(0.0);
    assertThat(range.getUpperBound()).isEqualTo(0.55);
  }

  @Test
  void theDrawnChartHasOneMarkPerHiddenValueAndAWhiskerPerInterval() throws Exception {
    StringWriter svg = new StringWriter();
    SvgChart.write(chart(), 800, 450, svg);

    String text = svg.toString();
    // grantee-x: participants and completion suppressed; grantee-y: completion undefined.
    assertThat(count(text, ">&lt;5</text")).isEqualTo(2);
    assertThat(count(text, ">–</text")).isEqualTo(1);
    // A whisker is three lines (the span and two caps) in the whisker colour, for 2 intervals.
    assertThat(Pattern.compile("<line [^>]*stroke:rgb\\(51,51,51\\)").matcher(text).results().count()).isEqualTo(6);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
