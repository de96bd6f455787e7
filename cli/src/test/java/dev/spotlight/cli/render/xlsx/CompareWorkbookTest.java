package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.CompareContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.ReportFixtures;
import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built comparison of three grantees on a rate with Wilson bounds and a count: one grantee
 * has a name from data that looks like a formula, one an undefined rate and a suppressed count.
 */
class CompareWorkbookTest {

  private static final String HOSTILE = "@SUM(A1:A9)";
  private static final MetricInfo RATE = new MetricInfo("rate", "Repair rate", "Items fixed of items brought.", "percent", "ratio", "", null);
  private static final MetricInfo PEOPLE = new MetricInfo("people", "People, all ages", "", "people", "count_distinct", "", null);

  @TempDir Path dir;

  private XSSFWorkbook book;
  private CompareContent content;

  @BeforeEach
  void write() throws IOException {
    List<ResultRow> rows = List.of(
        row("rate", "g1", 0.5, 0.4, 0.6, MetricStatus.OK),
        row("rate", "g2", null, null, null, MetricStatus.UNDEFINED),
        row("rate", HOSTILE, 0.3, 0.2, 0.4, MetricStatus.OK),
        row("people", "g1", 10.0, null, null, MetricStatus.OK),
        row("people", "g2", null, null, null, MetricStatus.SUPPRESSED),
        row("people", HOSTILE, 20.0, null, null, MetricStatus.OK));
    // rank, diff_from_median, per_1000_funding as compare computes them (medians 0.4 and 15; g1 has £2,000 of grants)
    ExtraFields extra = new ExtraFields(List.of("rank", "diff_from_median", "per_1000_funding"), List.of(
        Arrays.asList(1.0, 0.1, null),
        Arrays.asList(null, null, null),
        Arrays.asList(2.0, -0.1, null),
        Arrays.asList(2.0, -5.0, 5.0),
        Arrays.asList(null, null, null),
        Arrays.asList(1.0, 5.0, null)));
    content = new CompareContent("Fund", "GBP", Map.of("g1", "Grantee One"), 5, "duckdb", "0.1.0-test",
        List.of(RATE, PEOPLE), new ResultTable(ReportFixtures.OCTOBER, List.of("grantee"), rows), extra);
    Path file = CompareWorkbook.write(content, dir);
    assertThat(file).isEqualTo(dir.resolve("compare-2026-10.xlsx"));
    try (InputStream in = Files.newInputStream(file)) {
      book = new XSSFWorkbook(in);
    }
  }

  private static ResultRow row(String metric, String grantee, Double value, Double low, Double high, MetricStatus status) {
    return new ResultRow(metric, "2026-10", Map.of("grantee", grantee), value, low, high, status);
  }

  @Test
  void writesOnlyTheWorkbook() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("compare-2026-10.xlsx");
    }
  }

  @Test
  void overviewHasAGranteeRowAndAMetricColumnWithLinksToEachMetricSheet() {
    List<String> names = new ArrayList<>();
    book.forEach(s -> names.add(s.getSheetName()));
    // a comma in a label is dropped from its sheet name
    assertThat(names).containsExactly("Grantees", "Repair rate", "People all ages");
    Sheet overview = book.getSheet("Grantees");
    Row header = rowStartingWith(overview, "Grantee");
    assertThat(texts(header)).containsExactly("Grantee", "Repair rate", "People, all ages");
    Row one = overview.getRow(header.getRowNum() + 1);
    assertThat(one.getCell(0).getStringCellValue()).isEqualTo("Grantee One");
    assertThat(one.getCell(1).getNumericCellValue()).isEqualTo(0.5);
    assertThat(one.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    assertThat(one.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
    Row two = overview.getRow(header.getRowNum() + 2);
    assertThat(texts(two)).containsExactly("g2", "–", "<5");
    assertThat(overview.getHyperlinkList()).extracting(h -> h.getAddress()).containsExactly("'Repair rate'!A1", "'People all ages'!A1");
    assertThat(overview.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header.getRowNum() + 1));
  }

  @Test
  void aMetricWithAnIntervalShowsItsBoundsAndRanksTheGranteesItCanShow() {
    Sheet rate = book.getSheet("Repair rate");
    Row header = rowStartingWith(rate, "Grantee");
    assertThat(texts(header)).containsExactly(
        "Grantee", "Value", "Low (95%)", "High (95%)", "Rank", "Difference from median", "Per £1,000 of funding", "Status");
    Row first = rate.getRow(header.getRowNum() + 1);
    assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Grantee One");
    assertThat(numbers(first, 1, 5)).containsExactly(0.5, 0.4, 0.6, 1.0, 0.1);
    assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("+0.0%;-0.0%;0.0%");
    Row second = rate.getRow(header.getRowNum() + 2);
    assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.STRING);
    assertThat(second.getCell(0).getStringCellValue()).isEqualTo(HOSTILE);
    Row undefined = rate.getRow(header.getRowNum() + 3);
    assertThat(undefined.getCell(1).getStringCellValue()).isEqualTo("–");
    assertThat(undefined.getCell(2)).isNull();
    assertThat(undefined.getCell(7).getStringCellValue()).isEqualTo("undefined");
  }

  @Test
  void aCountHasNoBoundColumnsAndItsSuppressedGranteeShowsOnlyTheMark() {
    Sheet people = book.getSheet("People all ages");
    Row header = rowStartingWith(people, "Grantee");
    assertThat(texts(header)).containsExactly(
        "Grantee", "Value", "Rank", "Difference from median", "Per £1,000 of funding", "Status");
    Row first = people.getRow(header.getRowNum() + 1);
    assertThat(first.getCell(0).getStringCellValue()).isEqualTo(HOSTILE);
    assertThat(numbers(first, 1, 3)).containsExactly(20.0, 1.0, 5.0);
    assertThat(first.getCell(4)).isNull();
    Row second = people.getRow(header.getRowNum() + 2);
    assertThat(numbers(second, 1, 4)).containsExactly(10.0, 2.0, -5.0, 5.0);
    assertThat(second.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
    Row suppressed = people.getRow(header.getRowNum() + 3);
    assertThat(suppressed.getCell(1).getStringCellValue()).isEqualTo("<5");
    assertThat(suppressed.getCell(2)).isNull();
    assertThat(suppressed.getCell(3)).isNull();
    assertThat(suppressed.getCell(4)).isNull();
    assertThat(suppressed.getCell(5).getStringCellValue()).isEqualTo("suppressed");
    assertThat(rowStartingWith(people, "<5 suppressed: a count from 1 to 4, or a value built from one, is not shown to protect individuals."
        + " – undefined: no result is defined (e.g. a ratio over zero).")).isNotNull();
  }

  @Test
  void noCellIsAFormulaAndEveryMetricSheetHasItsBarChart() {
    for (Sheet sheet : book) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
        }
      }
    }
    assertThat(book.getSheet("Grantees").getDrawingPatriarch()).isNull();
    assertThat(book.getSheet("Repair rate").getDrawingPatriarch().getCharts()).hasSize(1);
    assertThat(book.getSheet("People all ages").getDrawingPatriarch().getCharts().get(0).getTitleText().getString())
        .isEqualTo("People, all ages");
    assertThat(book.getSheet("People all ages").getDrawingPatriarch().getCharts().get(0).getCTChart().isSetLegend())
        .as("one series named like the title needs no legend").isFalse();
  }

  @Test
  void pictureChartsFromTheChartsHookGoOnAChartsSheet() throws IOException {
    Path other = dir.resolve("with-pictures");
    Files.createDirectories(other.resolve("charts"));
    Path png = other.resolve("charts/compare-funnel.png");
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(160, 90, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    Path svg = other.resolve("charts/compare-funnel.svg");
    Files.writeString(svg, "<svg xmlns='http://www.w3.org/2000/svg'/>");

    Path file = CompareWorkbook.write(content, other, List.of(png, svg));

    try (InputStream in = Files.newInputStream(file); XSSFWorkbook withPictures = new XSSFWorkbook(in)) {
      List<String> names = new ArrayList<>();
      withPictures.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("Grantees", "Charts", "Repair rate", "People all ages");
      assertThat(withPictures.getAllPictures()).hasSize(1);
      assertThat(withPictures.getAllPictures().get(0).getData()).isEqualTo(Files.readAllBytes(png));
      assertThat(withPictures.getSheet("Charts").getRow(2).getCell(0).getStringCellValue()).isEqualTo("compare-funnel.png");
    }
  }

  private static List<Double> numbers(Row row, int from, int count) {
    List<Double> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(row.getCell(i).getNumericCellValue());
    }
    return out;
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
}
