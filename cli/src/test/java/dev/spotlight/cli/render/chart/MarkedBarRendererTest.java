package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.ReportFixtures;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
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
  void aValueWithAWhiskerHasItsLabelPastTheWhiskerNotOnTheBar() {
    CategoryPlot percent = panels(chart()).get(2);
    MarkedBarRenderer renderer = (MarkedBarRenderer) percent.getRenderer();

    // Columns: kirklees-sharing (bounds), grantee-x, grantee-y, the formula name (bounds).
    assertThat(renderer.isItemLabelVisible(0, 0)).isFalse();
    assertThat(renderer.isItemLabelVisible(0, 3)).isFalse();
    assertThat(((MarkedBarRenderer) panels(chart()).get(0).getRenderer()).isItemLabelVisible(0, 0)).isTrue();
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
    assertThat(strokedWith(text, "rgb(51,51,51)")).isEqualTo(6);
    // Their values are still written, past the whiskers: 51.2% and 25.0%.
    assertThat(text).contains(">51.2%</text", ">25.0%</text");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Lines whose own or nearest inherited stroke is {@code rgb}. */
  private static int strokedWith(String svg, String rgb) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    NodeList lines = doc.getElementsByTagNameNS("*", "line");
    int n = 0;
    for (int i = 0; i < lines.getLength(); i++) {
      for (Node e = lines.item(i); e instanceof Element; e = e.getParentNode()) {
        Matcher stroke = Pattern.compile("(?:^|[;\\s])stroke:([^;]+)").matcher(((Element) e).getAttribute("style"));
        if (stroke.find()) {
          n += stroke.group(1).strip().equals(rgb) ? 1 : 0;
          break;
        }
      }
    }
    return n;
  }

  @Test
  void aMarkStandsInItsOwnBarsSlotWhenACategoryHasSeveralBars() throws Exception {
    // Two metrics of one unit in one panel; b is suppressed for g2, so its mark belongs under g2's bar of a.
    List<ResultRow> rows = List.of(
        new ResultRow("a", "2026-10", Map.of("grantee", "g1"), 10.0, null, null, MetricStatus.OK),
        new ResultRow("b", "2026-10", Map.of("grantee", "g1"), 15.0, null, null, MetricStatus.OK),
        new ResultRow("a", "2026-10", Map.of("grantee", "g2"), 20.0, null, null, MetricStatus.OK),
        new ResultRow("b", "2026-10", Map.of("grantee", "g2"), null, null, null, MetricStatus.SUPPRESSED));
    SectionContent section = new SectionContent("two", "Two", "grantee", "bar", List.of("a", "b"),
        new ResultTable(ReportFixtures.OCTOBER, List.of("grantee"), rows), null);
    JFreeChart chart = BarSectionChart.create(ChartSpec.of(content, section, new MetricLookup(content.metrics())));
    StringWriter svg = new StringWriter();
    SvgChart.write(chart, 800, 450, svg);
    Document doc = parse(svg.toString());

    List<double[]> blue = rects(doc, "rgb(0,114,178)");
    List<double[]> orange = rects(doc, "rgb(230,159,0)");
    assertThat(blue).hasSize(2);
    assertThat(orange).hasSize(1);
    // Bars run horizontally: y and height place them. b's bar sits this far below a's in g1; so should the mark in g2.
    double step = centre(orange.get(0)) - centre(blue.get(0));
    double expected = centre(blue.get(1)) + step;
    double markY = markBaseline(doc, "<5");
    double height = orange.get(0)[1];
    assertThat(step).isPositive();
    // The baseline of centred text is a little below the centre: within the slot either way.
    assertThat(markY).isBetween(expected - height / 2, expected + height / 2 + 1);
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  /** {y, height} of each rect whose own or nearest inherited fill is {@code rgb}, top to bottom. */
  private static List<double[]> rects(Document doc, String rgb) {
    List<double[]> out = new java.util.ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS("*", "rect");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element rect = (Element) nodes.item(i);
      for (Node e = rect; e instanceof Element; e = e.getParentNode()) {
        Matcher fill = Pattern.compile("(?:^|[;\\s])fill:([^;]+)").matcher(((Element) e).getAttribute("style"));
        if (fill.find()) {
          if (fill.group(1).strip().equals(rgb)) {
            out.add(new double[] {Double.parseDouble(rect.getAttribute("y")), Double.parseDouble(rect.getAttribute("height"))});
          }
          break;
        }
      }
    }
    out.sort(java.util.Comparator.comparingDouble(r -> r[0]));
    return out;
  }

  private static double centre(double[] rect) {
    return rect[0] + rect[1] / 2;
  }

  private static double markBaseline(Document doc, String mark) {
    NodeList texts = doc.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < texts.getLength(); i++) {
      if (texts.item(i).getTextContent().equals(mark)) {
        return Double.parseDouble(((Element) texts.item(i)).getAttribute("y"));
      }
    }
    throw new AssertionError("no " + mark + " in the chart");
  }
}
