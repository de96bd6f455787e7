package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportFixtures;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReportRendererTest {

  private static final String EMPTY_SHEET = "Outcomes- -pilot--phase-1-";

  @TempDir Path reportDir;

  private XSSFWorkbook workbook;

  @BeforeEach
  void render() throws IOException {
    List<Path> files = new XlsxReportRenderer().writeFiles(ReportFixtures.content(), reportDir);
    assertThat(files).containsExactly(reportDir.resolve("impact-2026-10.xlsx"));
    workbook = open(files.get(0));
  }

  @Test
  void writesOnlyTheWorkbookAndLeavesNoTemporaryFiles() throws IOException {
    try (Stream<Path> left = Files.list(reportDir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("impact-2026-10.xlsx");
    }
  }

  @Test
  void sheetsComeInReportOrderWithSafeNames() {
    List<String> names = new ArrayList<>();
    workbook.forEach(sheet -> names.add(sheet.getSheetName()));
    assertThat(names).containsExactly("Summary", "By grantee", "Participants by month", EMPTY_SHEET, "Data quality", "Method");
  }

  @Test
  void aTemplateTitleHeadsTheSummaryAndEveryPrintedPage() throws IOException {
    ReportContent titled = ReportFixtures.content().withTitle("Board pack & minutes");
    Path dir = reportDir.resolve("titled");
    XSSFWorkbook book = open(new XlsxReportRenderer().writeFiles(titled, dir).get(0));

    Sheet summary = book.getSheet("Summary");
    assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Board pack & minutes — Kirklees Sharing, October 2026");
    assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Period 2026-10 (2026-10-01 to 2026-10-31)");
    assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Compared with 2026-09 (2026-09-01 to 2026-09-30)");
    for (Sheet sheet : book) {
      // In a header, "&&" is a literal ampersand and "&P"/"&N" the page number and count.
      assertThat(sheet.getHeader().getCenter()).as(sheet.getSheetName()).isEqualTo("Board pack && minutes — Kirklees Sharing, October 2026");
      assertThat(sheet.getHeader().getRight()).as(sheet.getSheetName()).isEqualTo("Page &P of &N");
    }
  }

  @Test
  void withoutATemplateTitleThePagesHaveNoPrintHeader() {
    for (Sheet sheet : workbook) {
      assertThat(sheet.getHeader().getCenter()).as(sheet.getSheetName()).isEmpty();
    }
  }

  @Test
  void summaryHasProjectPeriodAndHeadlineValuesAtFullPrecision() {
    Sheet summary = workbook.getSheet("Summary");
    assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kirklees Sharing");
    assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Impact report for 2026-10 (2026-10-01 to 2026-10-31)");
    assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Compared with 2026-09 (2026-09-01 to 2026-09-30)");
    assertThat(texts(summary.getRow(4))).containsExactly("Metric", "Value", "Previous", "Change", "Change %", "Unit", "Status");

    Row participants = rowStartingWith(summary, "Participants");
    assertNumber(participants.getCell(1), 1234, "#,##0");
    assertNumber(participants.getCell(2), 1000, "#,##0");
    assertNumber(participants.getCell(3), 234, "+#,##0;-#,##0;#,##0");
    assertNumber(participants.getCell(4), 0.234, "+0.0%;-0.0%;0.0%");
    assertThat(participants.getCell(5).getStringCellValue()).isEqualTo("people");
    assertThat(participants.getCell(6).getStringCellValue()).isEqualTo("ok");

    Row spend = rowStartingWith(summary, "Grant spend");
    assertNumber(spend.getCell(1), 15234.567, "\"£\"#,##0.00");
    assertNumber(spend.getCell(2), 14000.25, "\"£\"#,##0.00");
    assertNumber(spend.getCell(3), 15234.567 - 14000.25, "+\"£\"#,##0.00;-\"£\"#,##0.00;\"£\"#,##0.00");
    assertThat(new DataFormatter().formatCellValue(spend.getCell(1))).isEqualTo("£15,234.57");

    Row completion = rowStartingWith(summary, "Completion rate");
    assertNumber(completion.getCell(1), 0.4567, "0.0%");
    assertNumber(completion.getCell(4), (0.4567 - 0.5) / 0.5, "+0.0%;-0.0%;0.0%");
    assertThat(new DataFormatter().formatCellValue(completion.getCell(1))).isEqualTo("45.7%");

    assertThat(summary.getRow(completion.getRowNum() + 2).getCell(0).getStringCellValue()).startsWith("<5 suppressed:");
    assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
  }

  @Test
  void summaryChangeIsSuppressedWithEitherCountAndUndefinedWithoutBothValues() throws IOException {
    ReportContent base = ReportFixtures.content();
    ResultTable previous =
        new ResultTable(
            ReportFixtures.SEPTEMBER,
            List.of(),
            List.of(
                new ResultRow("participants", "2026-09", Map.of(), null, null, null, MetricStatus.SUPPRESSED),
                new ResultRow("grant_spend", "2026-09", Map.of(), 0.0, null, null, MetricStatus.OK),
                new ResultRow("completion_rate", "2026-09", Map.of(), null, null, null, MetricStatus.UNDEFINED)));
    ReportContent content =
        new ReportContent(
            base.projectName(), base.currency(), base.fx(), base.granteeNames(), base.minCell(), base.rounding(), base.engine(), base.toolVersion(),
            base.period(), base.previousPeriod(), base.metrics(), base.headline(), previous, base.sections(),
            base.quality(), base.inputs());
    Path dir = reportDir.resolve("changes");
    try (XSSFWorkbook changed = open(new XlsxReportRenderer().writeFiles(content, dir).get(0))) {
      Sheet summary = changed.getSheet("Summary");

      Row participants = rowStartingWith(summary, "Participants");
      assertNumber(participants.getCell(1), 1234, "#,##0");
      assertThat(List.of(participants.getCell(2), participants.getCell(3), participants.getCell(4)))
          .extracting(Cell::getStringCellValue)
          .containsExactly("<5", "<5", "<5");

      Row spend = rowStartingWith(summary, "Grant spend");
      assertNumber(spend.getCell(3), 15234.567, "+\"£\"#,##0.00;-\"£\"#,##0.00;\"£\"#,##0.00");
      assertThat(spend.getCell(4)).as("relative change from zero").isNull();

      Row completion = rowStartingWith(summary, "Completion rate");
      assertThat(completion.getCell(2).getStringCellValue()).isEqualTo("–");
      assertThat(completion.getCell(3).getStringCellValue()).isEqualTo("–");
      assertThat(completion.getCell(4)).isNull();
    }
  }

  @Test
  void summaryComparesWithTheSamePeriodAYearEarlier() throws IOException {
    ReportContent base = ReportFixtures.content();
    Period october2025 = new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31), "2025-10");
    ResultTable yearAgo =
        new ResultTable(
            october2025,
            List.of(),
            List.of(
                new ResultRow("participants", "2025-10", Map.of(), 1000.0, null, null, MetricStatus.OK),
                new ResultRow("grant_spend", "2025-10", Map.of(), 20000.0, null, null, MetricStatus.OK),
                new ResultRow("completion_rate", "2025-10", Map.of(), null, null, null, MetricStatus.SUPPRESSED)));
    ReportContent content =
        new ReportContent(
            base.projectName(), base.currency(), base.fx(), base.granteeNames(), base.minCell(), base.rounding(), base.engine(),
            base.toolVersion(), base.period(), base.previousPeriod(), base.metrics(), base.headline(), base.headlinePrevious(),
            october2025, yearAgo, base.sections(), base.quality(), base.inputs());
    try (XSSFWorkbook book = open(new XlsxReportRenderer().writeFiles(content, reportDir.resolve("year")).get(0))) {
      Sheet summary = book.getSheet("Summary");
      assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("and with 2025-10 (2025-10-01 to 2025-10-31), a year earlier");
      assertThat(texts(summary.getRow(5))).containsExactly("Metric", "Value", "Previous", "Change", "Change %", "A year earlier",
          "Change on a year", "Change % on a year", "Unit", "Status");

      // 1,234 people now against 1,000 a year earlier: +234, +23.4%
      Row participants = rowStartingWith(summary, "Participants");
      assertNumber(participants.getCell(5), 1000, "#,##0");
      assertNumber(participants.getCell(6), 234, "+#,##0;-#,##0;#,##0");
      assertNumber(participants.getCell(7), 0.234, "+0.0%;-0.0%;0.0%");
      assertThat(participants.getCell(8).getStringCellValue()).isEqualTo("people");

      // £15,234.567 against £20,000: -£4,765.433, -23.83%
      Row spend = rowStartingWith(summary, "Grant spend");
      assertNumber(spend.getCell(6), 15234.567 - 20000, "+\"£\"#,##0.00;-\"£\"#,##0.00;\"£\"#,##0.00");
      assertThat(spend.getCell(7).getNumericCellValue()).isCloseTo(-0.23827165, org.assertj.core.data.Offset.offset(1e-8));

      // a suppressed year-ago rate hides both changes on the year, not the previous-period ones
      Row completion = rowStartingWith(summary, "Completion rate");
      assertThat(List.of(completion.getCell(5), completion.getCell(6), completion.getCell(7)))
          .extracting(Cell::getStringCellValue)
          .containsExactly("<5", "<5", "<5");
      assertNumber(completion.getCell(1), 0.4567, "0.0%");
    }
  }

  @Test
  void summaryShowsIntervalBoundsWhenAHeadlineMetricHasThem() throws IOException {
    ReportContent base = ReportFixtures.content();
    ResultTable headline =
        new ResultTable(
            ReportFixtures.OCTOBER,
            List.of(),
            List.of(
                new ResultRow("participants", "2026-10", Map.of(), 1234.0, null, null, MetricStatus.OK),
                new ResultRow("grant_spend", "2026-10", Map.of(), 15234.567, null, null, MetricStatus.OK),
                new ResultRow("completion_rate", "2026-10", Map.of(), 0.4567, 0.41, 0.50, MetricStatus.OK)));
    ReportContent content =
        new ReportContent(
            base.projectName(), base.currency(), base.fx(), base.granteeNames(), base.minCell(), base.rounding(), base.engine(),
            base.toolVersion(), base.period(), base.previousPeriod(), base.metrics(), headline, base.headlinePrevious(),
            base.sections(), base.quality(), base.inputs());
    try (XSSFWorkbook book = open(new XlsxReportRenderer().writeFiles(content, reportDir.resolve("bounds")).get(0))) {
      Sheet summary = book.getSheet("Summary");
      assertThat(texts(summary.getRow(4)))
          .containsExactly("Metric", "Value", "Low (95%)", "High (95%)", "Previous", "Change", "Change %", "Unit", "Status");
      Row completion = rowStartingWith(summary, "Completion rate");
      assertNumber(completion.getCell(2), 0.41, "0.0%");
      assertNumber(completion.getCell(3), 0.50, "0.0%");
      assertNumber(completion.getCell(4), 0.5, "0.0%");
      // 45.67% against 50%: -4.33 points, -8.66% relative
      assertThat(completion.getCell(5).getNumericCellValue()).isCloseTo(-0.0433, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(completion.getCell(6).getNumericCellValue()).isCloseTo(-0.0866, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(completion.getCell(7).getStringCellValue()).isEqualTo("percent");
      Row participants = rowStartingWith(summary, "Participants");
      assertThat(participants.getCell(2)).as("no interval, no bound").isNull();
      assertNumber(participants.getCell(4), 1000, "#,##0");
    }
  }

  @Test
  void sectionTablesHaveNativeChartsThatReadTheirCells() {
    XSSFSheet grantees = workbook.getSheet("By grantee");
    List<XSSFChart> charts = grantees.getDrawingPatriarch().getCharts();
    assertThat(charts).hasSize(1);
    XDDFChartData bars = charts.get(0).getChartSeries().get(0);
    assertThat(bars).isInstanceOf(XDDFBarChartData.class);
    // header on row 3, four grantees on rows 4 to 7; every metric of the table is a series, bounds are not
    assertThat(seriesRefs(bars)).containsExactly(
        "'By grantee'!$B$4:$B$7", "'By grantee'!$C$4:$C$7", "'By grantee'!$D$4:$D$7");
    assertThat(bars.getSeries(0).getCategoryData().getDataRangeReference()).isEqualTo("'By grantee'!$A$4:$A$7");
    assertThat(charts.get(0).getCTChart().isSetLegend()).as("several series need a legend").isTrue();
    // grantee-x's participants are suppressed: a gap in the cached values, not a zero
    assertThat(cachedIndexes(bars, 0)).containsExactly(0L, 2L, 3L);
    // beside the table: one column after the last (F), level with the header
    var from = grantees.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray(0).getFrom();
    assertThat(from.getCol()).isEqualTo(7);
    assertThat(from.getRow()).isEqualTo(2);

    XSSFSheet trend = workbook.getSheet("Participants by month");
    XDDFChartData lines = trend.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0);
    assertThat(lines).isInstanceOf(XDDFLineChartData.class);
    assertThat(seriesRefs(lines)).containsExactly("'Participants by month'!$B$5:$B$16", "'Participants by month'!$C$5:$C$16");
    assertThat(trend.getDrawingPatriarch().getCharts().get(0).getTitleText().getString()).isEqualTo("Participants by month");
    // months sorted: March 2026 is the fifth and suppressed
    assertThat(cachedIndexes(lines, 0)).hasSize(11).doesNotContain(4L);

    assertThat(workbook.getSheet(EMPTY_SHEET).getDrawingPatriarch()).as("no chart without data").isNull();
    assertThat(workbook.getSheet("Summary").getDrawingPatriarch()).isNull();
  }

  @Test
  void everySheetPrintsLandscapeOnePageWideWithItsHeaderRepeated() {
    for (Sheet sheet : workbook) {
      assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
      assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
      assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
      assertThat(sheet.getPrintSetup().getFitHeight()).as(sheet.getSheetName()).isEqualTo((short) 0);
    }
    assertThat(workbook.getSheet("Participants by month").getRepeatingRows().formatAsString()).isEqualTo("4:4");
    assertThat(workbook.getSheet("By grantee").getRepeatingRows().formatAsString()).isEqualTo("3:3");
    assertThat(workbook.getSheet("Summary").getRepeatingRows().formatAsString()).isEqualTo("5:5");
  }

  @Test
  void headersWrapAndNumberHeadersAlignRight() {
    Row header = workbook.getSheet("By grantee").getRow(2);
    assertThat(header.getCell(0).getCellStyle().getWrapText()).isTrue();
    assertThat(header.getCell(0).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.GENERAL);
    assertThat(header.getCell(1).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
    // "Completion rate high" wraps at 16 characters onto two lines rather than widening its column
    assertThat(header.getHeightInPoints()).isEqualTo(30f);
    assertThat(workbook.getSheet("By grantee").getColumnWidth(5)).isLessThan(22 * 256);
    Row summary = workbook.getSheet("Summary").getRow(4);
    assertThat(summary.getCell(1).getCellStyle().getAlignment()).as("Value").isEqualTo(HorizontalAlignment.RIGHT);
    assertThat(summary.getCell(5).getCellStyle().getAlignment()).as("Unit").isEqualTo(HorizontalAlignment.LEFT);
    assertThat(summary.getCell(5).getCellStyle().getIndention()).as("Unit").isEqualTo((short) 1);
    assertThat(rowStartingWith(workbook.getSheet("Summary"), "Participants").getCell(5).getCellStyle().getIndention()).isEqualTo((short) 1);
    assertThat(summary.getCell(6).getCellStyle().getAlignment()).as("Status").isEqualTo(HorizontalAlignment.LEFT);
  }

  @Test
  void dataThatLooksLikeFormulasIsWrittenAsText() throws IOException {
    List<String> names = List.of("=1+1", "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-2+3", "=HYPERLINK(\"http://x\",\"y\")");
    List<ResultRow> rows = new ArrayList<>();
    for (String name : names) {
      rows.add(new ResultRow("participants", "2026-10", Map.of("grantee", name), 7.0, null, null, MetricStatus.OK));
    }
    ReportContent base = ReportFixtures.content();
    ReportContent.SectionContent section = new ReportContent.SectionContent("hostile", "Hostile", "grantee", "bar",
        List.of("participants"), new ResultTable(ReportFixtures.OCTOBER, List.of("grantee"), rows), "=note(1)");
    ReportContent content = new ReportContent(base.projectName(), base.currency(), base.fx(), base.granteeNames(), base.minCell(),
        base.rounding(), base.engine(), base.toolVersion(), base.period(), base.previousPeriod(), base.metrics(), base.headline(),
        base.headlinePrevious(), List.of(section), base.quality(), base.inputs());
    try (XSSFWorkbook book = open(new XlsxReportRenderer().writeFiles(content, reportDir.resolve("hostile")).get(0))) {
      Sheet sheet = book.getSheet("Hostile");
      List<String> found = new ArrayList<>();
      for (Row row : sheet) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isNotEqualTo(CellType.FORMULA);
        }
      }
      for (String name : names) {
        Row row = rowStartingWith(sheet, name);
        assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
        found.add(row.getCell(0).getStringCellValue());
      }
      assertThat(found).containsExactlyElementsOf(names);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=note(1)");
    }
  }

  private static List<String> seriesRefs(XDDFChartData data) {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      refs.add(data.getSeries(i).getValuesData().getDataRangeReference());
    }
    return refs;
  }

  /** The point indexes a series caches; a hidden value leaves its index out. */
  private static List<Long> cachedIndexes(XDDFChartData data, int series) {
    XDDFChartData.Series s = data.getSeries(series);
    org.openxmlformats.schemas.drawingml.x2006.chart.CTNumData cache = s instanceof XDDFBarChartData.Series bar
        ? bar.getCTBarSer().getVal().getNumRef().getNumCache()
        : ((XDDFLineChartData.Series) s).getCTLineSer().getVal().getNumRef().getNumCache();
    return cache.getPtList().stream().map(pt -> pt.getIdx()).toList();
  }

  @Test
  void summaryLinksToEveryOtherSheet() {
    XSSFSheet summary = workbook.getSheet("Summary");
    assertThat(summary.getHyperlinkList())
        .extracting(XSSFHyperlink::getType, XSSFHyperlink::getAddress)
        .containsExactly(
            tuple(HyperlinkType.DOCUMENT, "'By grantee'!A1"),
            tuple(HyperlinkType.DOCUMENT, "'Participants by month'!A1"),
            tuple(HyperlinkType.DOCUMENT, "'" + EMPTY_SHEET + "'!A1"),
            tuple(HyperlinkType.DOCUMENT, "'Data quality'!A1"),
            tuple(HyperlinkType.DOCUMENT, "'Method'!A1"));
    Row contents = rowStartingWith(summary, "Contents");
    assertThat(summary.getRow(contents.getRowNum() + 1).getCell(0).getHyperlink().getAddress()).isEqualTo("'By grantee'!A1");
  }

  @Test
  void sectionSheetShowsValuesMarksBoundsAndFootnote() {
    XSSFSheet sheet = workbook.getSheet("By grantee");
    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("By grantee");
    assertThat(texts(sheet.getRow(2)))
        .containsExactly("Grantee", "Participants", "Grant spend", "Completion rate", "Completion rate low", "Completion rate high");

    Row kirklees = rowStartingWith(sheet, "kirklees-sharing");
    assertNumber(kirklees.getCell(1), 812, "#,##0");
    assertNumber(kirklees.getCell(2), 9000.5, "\"£\"#,##0.00");
    assertNumber(kirklees.getCell(3), 0.5123, "0.0%");
    assertNumber(kirklees.getCell(4), 0.47, "0.0%");
    assertNumber(kirklees.getCell(5), 0.55, "0.0%");

    Row suppressed = rowStartingWith(sheet, "grantee-x");
    assertThat(suppressed.getCell(1).getCellType()).isEqualTo(CellType.STRING);
    assertThat(suppressed.getCell(1).getStringCellValue()).isEqualTo("<5");
    assertNumber(suppressed.getCell(2), 1200.25, "\"£\"#,##0.00");
    assertThat(suppressed.getCell(3).getStringCellValue()).isEqualTo("<5");
    assertThat(suppressed.getCell(4)).isNull();

    Row undefined = rowStartingWith(sheet, "grantee-y");
    assertNumber(undefined.getCell(1), 0, "#,##0");
    assertThat(undefined.getCell(3).getStringCellValue()).isEqualTo("–");

    Row footnote = sheet.getRow(sheet.getLastRowNum());
    assertThat(footnote.getCell(0).getStringCellValue())
        .isEqualTo(
            "<5 suppressed: a count from 1 to 4, or a value built from one, is not shown to protect individuals. "
                + "– undefined: no result is defined (e.g. a ratio over zero).");
    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
    assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:F7");
  }

  @Test
  void textThatLooksLikeAFormulaStaysText() {
    Row row = rowStartingWith(workbook.getSheet("By grantee"), ReportFixtures.FORMULA_NAME);
    Cell cell = row.getCell(0);
    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
    assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
    assertNumber(row.getCell(2), 5033.817, "\"£\"#,##0.00");
  }

  @Test
  void emptySectionShowsItsNote() {
    Sheet sheet = workbook.getSheet(EMPTY_SHEET);
    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Outcomes: [pilot]/phase*1?");
    assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("No outcome data yet: the outcomes survey starts in 2027.");
    assertThat(sheet.getLastRowNum()).isEqualTo(1);
  }

  @Test
  void dataQualityListsSourcesAndHiddenCells() {
    Sheet sheet = workbook.getSheet("Data quality");
    assertThat(texts(sheet.getRow(2))).containsExactly("Source", "Connector", "Rows read", "Rows kept", "Rows skipped", "Skip reasons");
    Row source = rowStartingWith(sheet, "fixmystreet-kirklees");
    assertThat(source.getCell(2).getNumericCellValue()).isEqualTo(1200);
    assertThat(source.getCell(3).getNumericCellValue()).isEqualTo(1180);
    assertThat(source.getCell(4).getNumericCellValue()).isEqualTo(20);
    assertThat(source.getCell(5).getStringCellValue()).isEqualTo("missing date: 12\nunknown status: 8");
    assertThat(rowStartingWith(sheet, "Suppressed cells").getCell(1).getNumericCellValue()).isEqualTo(3);
    assertThat(rowStartingWith(sheet, "Undefined cells").getCell(1).getNumericCellValue()).isEqualTo(1);
    assertThat(rowStartingWith(sheet, "Grant amounts in USD were converted at 0.79.")).isNotNull();
  }

  @Test
  void methodHasDefinitionsSqlInputsAndSuppressionRule() {
    Sheet sheet = workbook.getSheet("Method");
    assertThat(rowStartingWith(sheet, "Tool version").getCell(1).getStringCellValue()).isEqualTo("0.1.0-test");
    assertThat(rowStartingWith(sheet, "Engine").getCell(1).getStringCellValue()).isEqualTo("duckdb");
    Row participants = rowStartingWith(sheet, "participants");
    assertThat(texts(participants))
        .containsExactly(
            "participants",
            "Participants",
            "count_distinct",
            "people",
            "People who took part at least once.",
            "id: participants\ntype: count_distinct\nof: person_id\nfrom: activity",
            ReportFixtures.PARTICIPANTS_SQL);
    Row input = rowStartingWith(sheet, "exports/fixmystreet.json");
    assertThat(input.getCell(1).getStringCellValue()).isEqualTo("a".repeat(64));
    assertThat(input.getCell(2).getNumericCellValue()).isEqualTo(1200);
    assertThat(allText(sheet))
        .contains(
            "Counts from 1 to 4 are shown as <5, and so is any ratio, change or other value built from such a count"
                + " (including the previous period's count in a change). Zero is shown as 0.")
        .contains("Suppression is primary only: a total shown beside suppressed cells can reveal one of them by subtraction.")
        .contains("Amounts in USD are converted at 0.79 GBP per USD (rate from the project file).")
        .contains("Amounts in any other currency are left out of money metrics");
  }

  @Test
  void disclosureRulesMentionRoundingOnlyWhenItIsOn() {
    assertThat(MethodSheet.disclosureRules(5, 0)).noneMatch(rule -> rule.contains("rounded"));
    assertThat(MethodSheet.disclosureRules(5, 5)).contains("Counts are rounded to the nearest multiple of 5.");
    assertThat(MethodSheet.disclosureRules(0, 0)).first().isEqualTo("No small-number suppression is applied: every count is shown.");
  }

  @Test
  void tableTooLongForASheetGoesToCsvBesideTheWorkbook() throws IOException {
    Path spillDir = reportDir.resolve("spill");
    List<Path> files = new XlsxReportRenderer(8).writeFiles(ReportFixtures.content(), spillDir);

    Path grantees = spillDir.resolve("impact-2026-10-by-grantee.csv");
    assertThat(files).containsExactly(spillDir.resolve("impact-2026-10.xlsx"), grantees, spillDir.resolve("impact-2026-10-trend-monthly.csv"));
    assertThat(Files.readString(grantees, StandardCharsets.UTF_8))
        .isEqualTo(
            "Grantee,Participants,Grant spend,Completion rate,Completion rate low,Completion rate high\r\n"
                + "kirklees-sharing,812,9000.5,0.5123,0.47,0.55\r\n"
                + "grantee-x,<5,1200.25,<5,,\r\n"
                + "grantee-y,0,0,–,,\r\n"
                + "\"=HYPERLINK(\"\"x\"\")\",422,5033.817,0.25,0.21,0.3\r\n");
    try (XSSFWorkbook spilled = open(files.get(0))) {
      assertThat(allText(spilled.getSheet("By grantee")))
          .contains("This table has 4 rows, more than a worksheet holds, so it is in impact-2026-10-by-grantee.csv beside this workbook.");
    }
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  private static void assertNumber(Cell cell, double expected, String format) {
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(cell.getNumericCellValue()).isEqualTo(expected);
    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(cell -> texts.add(cell.getStringCellValue()));
    return texts;
  }

  private static Row rowStartingWith(Sheet sheet, String text) {
    for (Row row : sheet) {
      Cell first = row.getCell(0);
      if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
        return row;
      }
    }
    throw new AssertionError("no row starts with " + text + " in " + sheet.getSheetName());
  }

  private static String allText(Sheet sheet) {
    StringBuilder text = new StringBuilder();
    sheet.forEach(row -> row.forEach(cell -> text.append(new DataFormatter().formatCellValue(cell)).append('\n')));
    return text.toString();
  }
}
