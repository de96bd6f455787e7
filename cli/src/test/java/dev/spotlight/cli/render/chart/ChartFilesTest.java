package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartFilesTest {

  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    ChartFiles.headless();
  }

  /** Three bars of a known colour, so the SVG's bars can be counted by their fill. */
  private static JFreeChart threeBars() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(3, "Loans", "Alpha");
    data.addValue(5, "Loans", "Beta");
    data.addValue(8, "Loans", "Gamma");
    JFreeChart chart = ChartFactory.createBarChart("Loans & returns", "Grantee", "loans", data, PlotOrientation.VERTICAL, false, false, false);
    chart.getCategoryPlot().getRenderer().setSeriesPaint(0, OkabeItoPalette.VERMILLION);
    return chart;
  }

  @Test
  void pngIsTwiceTheNominalSize() throws IOException {
    List<Path> files = ChartFiles.write(threeBars(), dir, "loans");

    assertThat(files).containsExactly(dir.resolve("loans.png"), dir.resolve("loans.svg"));
    BufferedImage image = ImageIO.read(files.get(0).toFile());
    assertThat(image.getWidth()).isEqualTo(2 * 800);
    assertThat(image.getHeight()).isEqualTo(2 * 450);
  }

  @Test
  void svgIsXmlWithItsSizeTitleTextAndOneRectanglePerBar() throws Exception {
    Path svg = ChartFiles.write(threeBars(), dir, "loans").get(1);

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = factory.newDocumentBuilder().parse(svg.toFile());
    assertThat(Files.readString(svg)).doesNotContain("DOCTYPE");
    Element root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 800 450");
    assertThat(texts(doc)).contains("Loans & returns", "Grantee", "loans", "Alpha", "Beta", "Gamma");
    assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("Loans & returns");
    assertThat(filledWith(doc, "rect", "rgb(213,94,0)")).isEqualTo(3);
  }

  @Test
  void theSameChartGivesTheSameBytes() throws IOException {
    List<Path> first = ChartFiles.write(threeBars(), dir.resolve("a"), "loans");
    List<Path> second = ChartFiles.write(threeBars(), dir.resolve("b"), "loans");

    for (int i = 0; i < 2; i++) {
      assertThat(Files.readAllBytes(second.get(i))).as(second.get(i).toString()).isEqualTo(Files.readAllBytes(first.get(i)));
    }
  }

  @Test
  void aTallerChartKeepsItsWidth() throws IOException {
    List<Path> files = ChartFiles.write(threeBars(), dir, "tall", 700);

    BufferedImage image = ImageIO.read(files.get(0).toFile());
    assertThat(image.getWidth()).isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(1400);
    assertThat(Files.readString(files.get(1))).contains("viewBox=\"0 0 800 700\"");
  }

  static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("*", "text");
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  /** Elements named {@code tag} whose own or inherited style fills them with {@code rgb}. */
  static int filledWith(Document doc, String tag, String rgb) {
    NodeList nodes = doc.getElementsByTagNameNS("*", tag);
    int count = 0;
    for (int i = 0; i < nodes.getLength(); i++) {
      for (org.w3c.dom.Node n = nodes.item(i); n instanceof Element; n = n.getParentNode()) {
        String style = ((Element) n).getAttribute("style") + ";" + ((Element) n).getAttribute("fill");
        if (style.contains("fill:")) {
          if (style.contains("fill:" + rgb)) {
            count++;
          }
          break;
        }
      }
    }
    return count;
  }
}
