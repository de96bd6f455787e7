package dev.spotlight.cli.render.chart;

import dev.spotlight.common.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Writes one chart as {@code STEM.png} (at {@link #SCALE}× its nominal size, for sharp text on
 * high-density screens and in print) and {@code STEM.svg} (through Apache Batik), each atomically.
 */
public final class ChartFiles {

  /** Chart size in points (SVG user units); the PNG has {@link #SCALE} pixels per point. */
  public static final int WIDTH = 800;

  public static final int HEIGHT = 450;
  public static final int SCALE = 2;

  private ChartFiles() {}

  /** Charts are drawn off screen; without this a machine with no display fails on the first font lookup. */
  static void headless() {
    // An explicit setting by the caller wins.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** @return the PNG then the SVG file */
  public static List<Path> write(JFreeChart chart, Path folder, String stem) {
    return write(chart, folder, stem, HEIGHT);
  }

  /**
   * As {@link #write(JFreeChart, Path, String)}, {@code height} points tall (a chart with many
   * grantees or panels needs more than {@link #HEIGHT}); always {@link #WIDTH} wide.
   */
  public static List<Path> write(JFreeChart chart, Path folder, String stem, int height) {
    Path png = folder.resolve(stem + ".png");
    Path svg = folder.resolve(stem + ".svg");
    AtomicFiles.write(png, out -> ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, height, SCALE, SCALE));
    AtomicFiles.write(
        svg,
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          try {
            SvgChart.write(chart, WIDTH, height, writer);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          writer.flush();
        });
    return List.of(png, svg);
  }
}
