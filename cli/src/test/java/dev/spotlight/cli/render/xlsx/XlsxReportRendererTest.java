package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportFixtures;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
