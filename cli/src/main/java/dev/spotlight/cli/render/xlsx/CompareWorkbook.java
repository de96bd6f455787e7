package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.CompareContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.common.io.AtomicFiles;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.ResultRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes {@code compare-PERIOD.xlsx}: a Grantees sheet with every grantee side by side on every
 * metric, then one sheet per metric with its value, interval, rank, difference from the portfolio
 * median and value per 1,000 of funding, and a native bar chart of the grantees.
 */
public final class CompareWorkbook {

  public static final String OVERVIEW = "Grantees";
  public static final String CHARTS = "Charts";

  private CompareWorkbook() {}

  /** The workbook's file name for a period, e.g. {@code compare-2026-10.xlsx}. */
  public static String fileName(Period period) {
    return "compare-" + period.label() + ".xlsx";
  }

  /** Writes the workbook into {@code folder}, atomically, and returns its path. */
  public static Path write(CompareContent content, Path folder) {
    return write(content, folder, List.of());
  }

  /**
   * Writes the workbook, with the PNG files among {@code pictures} (compare's picture charts, such as
   * the funnel plot) on a Charts sheet after the Grantees sheet.
   */
  public static Path write(CompareContent content, Path folder, List<Path> pictures) {
    try {
      Files.createDirectories(folder);
      Path tempDir = Files.createTempDirectory(folder, ".xlsx-");
      try {
        Path target = folder.resolve(fileName(content.results().period()));
        try (StreamingWorkbook workbook = new StreamingWorkbook(tempDir)) {
          CellStyles styles = new CellStyles(workbook);
          List<Path> pngs = pictures.stream().filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
              .toList();
          SheetNames names = pngs.isEmpty() ? new SheetNames(OVERVIEW) : new SheetNames(OVERVIEW, CHARTS);
          Map<MetricInfo, List<Integer>> rowsByMetric = rowsByMetric(content);
          Sheet overview = workbook.createSheet(OVERVIEW);
          if (!pngs.isEmpty()) {
            new PictureSheet(pngs).write(new SheetWriter(workbook.createSheet(CHARTS), styles));
          }
          Map<MetricInfo, String> sheetNames = new LinkedHashMap<>();
          List<Sheet> metricSheets = new ArrayList<>();
          for (MetricInfo metric : rowsByMetric.keySet()) {
            String name = names.unique(metric.label());
            sheetNames.put(metric, name);
            metricSheets.add(workbook.createSheet(name));
          }
          new CompareOverviewSheet(content, rowsByMetric, sheetNames).write(new SheetWriter(overview, styles));
          int i = 0;
          for (Map.Entry<MetricInfo, List<Integer>> e : rowsByMetric.entrySet()) {
            new CompareMetricSheet(content, e.getKey(), e.getValue()).write(new SheetWriter(metricSheets.get(i++), styles));
          }
          AtomicFiles.write(target, workbook::writeAvoidingTempFiles);
        }
        return target;
      } finally {
        try (Stream<Path> paths = Files.walk(tempDir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the comparison workbook in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The indexes of each metric's rows, metrics in the order the content lists them. */
  private static Map<MetricInfo, List<Integer>> rowsByMetric(CompareContent content) {
    Map<MetricInfo, List<Integer>> out = new LinkedHashMap<>();
    List<ResultRow> rows = content.results().rows();
    for (MetricInfo metric : content.metrics()) {
      List<Integer> mine = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).metric().equals(metric.id())) {
          mine.add(i);
        }
      }
      out.put(metric, mine);
    }
    return out;
  }

  static StatusMarks marks(CompareContent content) {
    return new StatusMarks(content.minCell());
  }
}
