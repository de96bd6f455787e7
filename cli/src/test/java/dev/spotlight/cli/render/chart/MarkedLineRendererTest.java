package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportFixtures;
import java.io.StringWriter;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkedLineRendererTest {

  private final ReportContent content = ReportFixtures.content();

  @BeforeAll
  static void headless() {
    ChartFiles.headless();
  }

  @Test
  void theSuppressedMonthIsAGapWithItsMarkAndNothingElseIsMarked() throws Exception {
    JFreeChart chart = LineSectionChart.create(ChartSpec.of(content, ReportFixtures.trend(), new MetricLookup(content.metrics())));
    @SuppressWarnings("unchecked")
    List<CategoryPlot> panels = ((CombinedDomainCategoryPlot) chart.getPlot()).getSubplots();

    assertThat(panels).hasSize(2);
    assertThat(((MarkedLineRenderer) panels.get(0).getRenderer()).valueMarks().marks()).hasSize(1);
    assertThat(((MarkedLineRenderer) panels.get(1).getRenderer()).valueMarks().marks()).isEmpty();
    StringWriter svg = new StringWriter();
    SvgChart.write(chart, 800, 450, svg);
    String text = svg.toString();
    assertThat(text.split(">&lt;5</text", -1)).hasSize(2);
    assertThat(text).contains(">2026-03</text");
  }
}
