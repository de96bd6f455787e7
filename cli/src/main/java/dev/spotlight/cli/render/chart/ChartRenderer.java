package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.Renderer;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.SafeFileName;
import dev.spotlight.common.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Writes {@code charts/<section id>.png} for every section whose template asks for a line or bar chart. */
public final class ChartRenderer implements Renderer {

  /** Chart size in points; the PNG has {@link #SCALE} pixels per point for sharp text on high-density screens and in print. */
  public static final int WIDTH = 800;

  public static final int HEIGHT = 450;
  public static final int SCALE = 2;

  public ChartRenderer() {
    // Charts are drawn off screen; without this a machine with no display fails on the first font lookup.
    // An explicit setting by the caller wins.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  @Override
  public void render(ReportContent content, Path reportDir) {
    writeFiles(content, reportDir);
  }

  /**
   * Writes one PNG per charted section, in section order.
   *
   * @return the files written
   */
  public List<Path> writeFiles(ReportContent content, Path reportDir) {
    Path chartDir = reportDir.resolve("charts");
    MetricLookup metrics = new MetricLookup(content.metrics());
    SafeFileName names = new SafeFileName();
    List<Path> files = new ArrayList<>();
    for (SectionContent section : content.sections()) {
      String kind = section.chart() == null ? "none" : section.chart().toLowerCase(Locale.ROOT);
      JFreeChart chart =
          switch (kind) {
            case "line" -> LineSectionChart.create(ChartSpec.of(content, section, metrics));
            case "bar" -> BarSectionChart.create(ChartSpec.of(content, section, metrics));
            default -> null;
          };
      if (chart == null) {
        continue;
      }
      Path file = chartDir.resolve(names.next(section.id()) + ".png");
      AtomicFiles.write(file, out -> ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, SCALE, SCALE));
      files.add(file);
    }
    return files;
  }
}
