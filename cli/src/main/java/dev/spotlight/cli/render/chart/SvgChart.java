package dev.spotlight.cli.render.chart;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A chart as SVG through Apache Batik's SVG generator (Apache-2.0). The DOM comes from the JDK, so
 * only batik-svggen and its small dependencies ship (no batik-dom, no xml-apis). Text stays text, so
 * the file is searchable and readable by screen readers, and scales without blur.
 */
final class SvgChart {

  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private SvgChart() {}

  static void write(JFreeChart chart, int width, int height, Writer out) throws IOException {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      document = factory.newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK has no DOM implementation", e);
    }
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
    context.setComment(null);
    context.setPrecision(3);
    SVGGraphics2D graphics = new SVGGraphics2D(context, false);
    graphics.setSVGCanvasSize(new Dimension(width, height));
    // JFreeChart draws rotated labels (a vertical axis title) as a TextLayout, which Batik can only
    // write as glyph outlines; a rotated drawString stays text. Charts are drawn one at a time.
    boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
    TextUtils.setUseDrawRotatedStringWorkaround(false);
    try {
      chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      TextUtils.setUseDrawRotatedStringWorkaround(workaround);
    }
    Element root = graphics.getRoot();
    root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
    if (chart.getTitle() != null) {
      // The accessible name of the image, read out by screen readers and shown as a tooltip.
      Element title = document.createElementNS(SVG_NS, "title");
      title.setTextContent(chart.getTitle().getText());
      root.insertBefore(title, root.getFirstChild());
    }
    StringWriter text = new StringWriter();
    graphics.stream(root, text, true, false);
    graphics.dispose();
    // Batik names the SVG 1.0 DTD on the web; SVG 1.1 and later advise against a DOCTYPE, and a
    // validating reader would otherwise go to the network for it.
    // The generator's default font is Java's logical "Dialog", which no SVG viewer knows; every
    // chart text names SansSerif, which Batik writes as the generic sans-serif.
    out.write(text.toString().replaceFirst("<!DOCTYPE[^>]*>\\s*", "").replace("font-family:'Dialog'", "font-family:sans-serif"));
  }
}
