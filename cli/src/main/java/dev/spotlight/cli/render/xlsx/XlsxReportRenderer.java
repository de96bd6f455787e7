package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.Renderer;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.common.io.AtomicFiles;
import dev.spotlight.metrics.model.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;

/** Writes the report workbook {@code impact-PERIOD.xlsx}: Summary, one sheet per section, Data quality, Method. */
public final class XlsxReportRenderer implements Renderer {

  public static final String SUMMARY = "Summary";
  public static final String DATA_QUALITY = "Data quality";
  public static final String METHOD = "Method";

  private final int maxRows;

  public XlsxReportRenderer() {
    this(SpreadsheetVersion.EXCEL2007.getMaxRows());
  }

  /** @param maxRows rows a worksheet may hold; a section table that needs more is written to CSV */
  XlsxReportRenderer(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The workbook's file name for a period, e.g. {@code impact-2026-10.xlsx}. */
  public static String fileName(Period period) {
    return baseName(period) + ".xlsx";
  }

  @Override
  public void render(ReportContent content, Path reportDir) {
    writeFiles(content, reportDir);
  }

  /**
   * Writes the workbook, and beside it a CSV file for each section table too long for a worksheet.
   *
   * @return the files written, the workbook first
   */
  public List<Path> writeFiles(ReportContent content, Path reportDir) {
    try {
      Files.createDirectories(reportDir);
      Path tempDir = Files.createTempDirectory(reportDir, ".xlsx-");
      try {
        return write(content, reportDir, tempDir);
      } finally {
        deleteTree(tempDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the workbook in " + reportDir + ": " + e.getMessage(), e);
    }
  }

  private List<Path> write(ReportContent content, Path reportDir, Path tempDir) throws IOException {
    Path target = reportDir.resolve(fileName(content.period()));
    CsvSpill spill = new CsvSpill(reportDir, baseName(content.period()));
    try (StreamingWorkbook workbook = new StreamingWorkbook(tempDir)) {
      CellStyles styles = new CellStyles(workbook);
      SheetNames names = new SheetNames(SUMMARY, DATA_QUALITY, METHOD);
      List<String> sectionNames = content.sections().stream().map(s -> names.unique(s.title())).toList();

      // Sheets are created up front so they appear in report order and the Summary can link to all of them.
      Sheet summary = workbook.createSheet(SUMMARY);
      List<Sheet> sectionSheets = sectionNames.stream().<Sheet>map(workbook::createSheet).toList();
      Sheet quality = workbook.createSheet(DATA_QUALITY);
      Sheet method = workbook.createSheet(METHOD);

      List<String> contents = new ArrayList<>(sectionNames);
      contents.add(DATA_QUALITY);
      contents.add(METHOD);
      new SummarySheet(content).write(new SheetWriter(summary, styles), contents);

      MetricLookup metrics = new MetricLookup(content.metrics());
      StatusMarks marks = new StatusMarks(content.minCell());
      for (int i = 0; i < sectionSheets.size(); i++) {
        new SectionSheet(content.sections().get(i), metrics, marks, spill, maxRows, content::groupLabel)
            .write(new SheetWriter(sectionSheets.get(i), styles));
      }
      new DataQualitySheet(content.quality()).write(new SheetWriter(quality, styles));
      new MethodSheet(content).write(new SheetWriter(method, styles));

      if (content.reportTitle() != null) {
        String heading = ReportHeading.of(content);
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
          new SheetWriter(workbook.getSheetAt(i), styles).printHeader(heading);
        }
      }

      // The template part is small; building it in memory keeps POI from using the system temp folder.
      AtomicFiles.write(target, workbook::writeAvoidingTempFiles);
    }
    List<Path> files = new ArrayList<>();
    files.add(target);
    files.addAll(spill.files());
    return files;
  }

  private static String baseName(Period period) {
    return "impact-" + period.label();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
