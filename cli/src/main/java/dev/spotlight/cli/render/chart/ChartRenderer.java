package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.Renderer;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.SafeFileName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Writes {@code charts/<section id>.png} and {@code .svg} for every section whose template asks for a
 * line or bar chart (see {@link ChartFiles}).
 */
public final class ChartRenderer implements Renderer {

  private final boolean medians;

  public ChartRenderer() {
    this(false);
  }

  private ChartRenderer(boolean medians) {
    ChartFiles.headless();
    this.medians = medians;
  }

  /** A renderer whose bar charts draw the median of each one-metric panel, as {@code compare} does. */
  public static ChartRenderer withMedianLines() {
    return new ChartRenderer(true);
  }

  /**
   * The line under every chart: the tool and its version, the project, and where the inputs are
   * listed. No clock time, so the same inputs draw the same chart.
   */
  public static String sourceLine(String toolVersion, String projectName) {
    return "Source: Spotlight " + toolVersion + ", " + projectName + " (inputs and checksums in manifest.json)";
  }

  @Override
  public void render(ReportContent content, Path reportDir) {
    writeFiles(content, reportDir);
  }

  /**
   * Writes one PNG and one SVG per charted section, in section order.
   *
   * @return the files written, PNG before SVG
   */
  public List<Path> writeFiles(ReportContent content, Path reportDir) {
    return writeCharts(content, reportDir.resolve("charts"));
  }

  /** As {@link #writeFiles}, straight into {@code chartDir}, one {@code <section id>.png|svg} pair per charted section. */
  public List<Path> writeCharts(ReportContent content, Path chartDir) {
    MetricLookup metrics = new MetricLookup(content.metrics());
    SafeFileName names = new SafeFileName();
    List<Path> files = new ArrayList<>();
    for (SectionContent section : content.sections()) {
      String kind = section.chart() == null ? "none" : section.chart().toLowerCase(Locale.ROOT);
      if (!kind.equals("line") && !kind.equals("bar")) {
        continue;
      }
      ChartSpec spec = ChartSpec.of(content, section, metrics, medians && kind.equals("bar"));
      JFreeChart chart = kind.equals("line") ? LineSectionChart.create(spec) : BarSectionChart.create(spec);
      int height = kind.equals("line") ? LineSectionChart.height(spec) : BarSectionChart.height(spec);
      files.addAll(ChartFiles.write(chart, chartDir, names.next(section.id()), height));
    }
    return files;
  }
}
