package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spotlight compare} on a four-grantee project, October 2026, with {@code min_cell: 3}:
 *
 * <pre>
 * grantee  people  loans  grant rows in October                       funding
 * alpha    6       6      £3,000 for 1-31 Oct                         3,000
 * beta     4       4      £4,000 for 17 Oct-15 Nov: 15 of 30 days     2,000   (+ £999 staff, not a grant)
 * gamma    4       2      £1,000 for 1-31 Oct                         1,000   (2 loans: suppressed)
 * delta    8       8      none (£500 staff only)                      —
 * </pre>
 */
class CompareCommandTest {

  @TempDir Path dir;
  InitProject p;

  @BeforeEach
  void project() throws IOException {
    p = InitProject.create(dir);
    p.edit(p.yaml(), "min_cell: 5", "min_cell: 3");
    p.edit(p.yaml(), "        event_id: id\n", "        event_id: id\n        grantee: org\n");
    p.edit(p.yaml(), "\nmetrics:\n", "\n  - name: costs\n    connector: mapped\n    options:\n      files: costs/costs.csv\n"
        + "      table: costs\n      mapping:\n        cost_id: cost_id\n        grantee: grantee\n        period_start: period_start\n"
        + "        period_end: period_end\n        amount: amount\n        currency: currency\n        category: category\n\nmetrics:\n");
    Files.writeString(p.metrics(), Files.readString(p.metrics()) + "  programme_cost:\n    label: Programme cost\n    type: sum\n"
        + "    table: costs\n    of: amount\n    unit: GBP\n");
    StringBuilder activity = new StringBuilder("id,happened_at,member_email,lsoa,kind,org\n");
    int id = 1;
    id = events(activity, id, "alpha", 6, 6);
    id = events(activity, id, "beta", 4, 4);
    id = events(activity, id, "gamma", 4, 2);
    events(activity, id, "delta", 8, 8);
    Files.writeString(p.export(), activity.toString());
    Files.createDirectories(dir.resolve("costs"));
    Files.writeString(dir.resolve("costs/costs.csv"), "cost_id,grantee,period_start,period_end,amount,currency,category\n"
        + "C1,alpha,2026-10-01,2026-10-31,3000.00,GBP,grant\n"
        + "C2,beta,2026-10-17,2026-11-15,4000.00,GBP,grant\n"
        + "C3,beta,2026-10-01,2026-10-31,999.00,GBP,staff\n"
        + "C4,gamma,2026-10-01,2026-10-31,1000.00,GBP,grant\n"
        + "C5,delta,2026-10-01,2026-10-31,500.00,GBP,staff\n");
    Cli.Result pull = Cli.run("pull", "-p", p.file());
    assertThat(pull.exit()).as(pull.toString()).isZero();
  }

  /** {@code people} distinct people of {@code org}, the first {@code loans} of them with a loan, the rest a request. */
  private static int events(StringBuilder csv, int id, String org, int people, int loans) {
    for (int i = 0; i < people; i++) {
      csv.append(id++).append(",2026-10-0").append(1 + i % 9).append(" 10:00,").append(org).append(i).append("@example.org,E01000001,")
          .append(i < loans ? "loan" : "request").append(',').append(org).append('\n');
    }
    return id;
  }

  private static final String CSV = "metric,period,grantee,value,low,high,status,rank,diff_from_median,per_1000_funding\r\n"
      // people 6, 4, 8, 4: ranks 8 -> 1, 6 -> 2, the two 4s share 3; median of 4,4,6,8 = (4 + 6) / 2 = 5;
      // per 1,000: alpha 6 / 3 = 2, beta 4 / 2 = 2, gamma 4 / 1 = 4, delta has no grant funding
      + "participants,2026-10,alpha,6,,,ok,2,1,2\r\n"
      + "participants,2026-10,beta,4,,,ok,3,-1,2\r\n"
      + "participants,2026-10,delta,8,,,ok,1,3,\r\n"
      + "participants,2026-10,gamma,4,,,ok,3,-1,4\r\n"
      // loans 6, 4, 8 (gamma's 2 suppressed, left out of rank and median): median 6
      + "items_shared,2026-10,alpha,6,,,ok,2,0,2\r\n"
      + "items_shared,2026-10,beta,4,,,ok,3,-2,2\r\n"
      + "items_shared,2026-10,delta,8,,,ok,1,2,\r\n"
      + "items_shared,2026-10,gamma,,,,suppressed,,,\r\n"
      // every cost in October: 3000, 2000 + 999, 500, 1000; median (1000 + 2999) / 2 = 1999.5; money has no per 1,000
      + "programme_cost,2026-10,alpha,3000,,,ok,1,1000.5,\r\n"
      + "programme_cost,2026-10,beta,2999,,,ok,2,999.5,\r\n"
      + "programme_cost,2026-10,delta,500,,,ok,4,-1499.5,\r\n"
      + "programme_cost,2026-10,gamma,1000,,,ok,3,-999.5,\r\n";

  private Cli.Result compare(String... args) {
    String[] all = new String[args.length + 5];
    System.arraycopy(new String[] {"compare", "-p", p.file(), "--period", "2026-10"}, 0, all, 0, 5);
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  @Test
  void csvAddsRankDifferenceFromMedianAndValuePerThousandOfFundingToEachRow() {
    Cli.Result r = compare("--metric", "participants", "--metric", "items_shared", "--metric", "programme_cost", "--format", "csv");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(CSV);
  }

  @Test
  void jsonIsTheTidyDocumentWithTheThreeFieldsOnEachResultAndNullsForTheSuppressedGrantee() throws IOException {
    Cli.Result r = compare("--metric", "items_shared", "--format", "json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("{\n"
        + "  \"project\" : \"My platform impact report\",\n"
        + "  \"period\" : {\n    \"start\" : \"2026-10-01\",\n    \"end\" : \"2026-10-31\",\n    \"label\" : \"2026-10\"\n  },\n"
        + "  \"engine\" : \"duckdb\",\n"
        + "  \"results\" : [ "
        + row("alpha", "6", "ok", "2", "0", "2") + ", "
        + row("beta", "4", "ok", "3", "-2", "2") + ", "
        + row("delta", "8", "ok", "1", "2", "null") + ", "
        + row("gamma", "null", "suppressed", "null", "null", "null") + " ]\n}\n");
    com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(doc.get("results").get(0).fieldNames()).toIterable()
        .containsExactly("metric", "period", "dims", "value", "low", "high", "status", "rank", "diff_from_median", "per_1000_funding");
  }

  private static String row(String grantee, String value, String status, String rank, String diff, String per1000) {
    return "{\n    \"metric\" : \"items_shared\",\n    \"period\" : \"2026-10\",\n    \"dims\" : {\n      \"grantee\" : \"" + grantee
        + "\"\n    },\n    \"value\" : " + value + ",\n    \"low\" : null,\n    \"high\" : null,\n    \"status\" : \"" + status
        + "\",\n    \"rank\" : " + rank + ",\n    \"diff_from_median\" : " + diff + ",\n    \"per_1000_funding\" : " + per1000
        + "\n  }";
  }

  @Test
  void tableShowsTheExtraColumnsRoundedForDisplay() {
    Cli.Result r = compare("--metric", "items_shared", "--metric", "programme_cost");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(
        "metric          period   grantee     value  low  high  status      rank  diff_from_median  per_1000_funding\n"
            + "--------------  -------  -------  --------  ---  ----  ----------  ----  ----------------  ----------------\n"
            + "items_shared    2026-10  alpha           6             ok             2                 0                 2\n"
            + "items_shared    2026-10  beta            4             ok             3                -2                 2\n"
            + "items_shared    2026-10  delta           8             ok             1                 2\n"
            + "items_shared    2026-10  gamma          <3             suppressed\n"
            + "programme_cost  2026-10  alpha    3,000.00             ok             1          1,000.50\n"
            + "programme_cost  2026-10  beta     2,999.00             ok             2            999.50\n"
            + "programme_cost  2026-10  delta      500.00             ok             4         -1,499.50\n"
            + "programme_cost  2026-10  gamma    1,000.00             ok             3           -999.50\n"
            + "<3 = suppressed: counts from 1 to 2 are not shown (small-number rule)\n");
  }

  @Test
  void tableShowsGranteeNamesWhereTheProjectGivesThemAndCsvKeepsTheIds() throws IOException {
    p.edit(p.yaml(), "\nsources:\n", "\ngrantees:\n  - id: alpha\n    name: Alpha Lending Library\n  - id: beta\n    name: Béta Repair Café\n"
        + "  - id: gamma\n\nsources:\n");

    Cli.Result r = compare("--metric", "items_shared");

    assertThat(r.exit()).as(r.toString()).isZero();
    // gamma is listed without a name and delta not at all: both show their ids.
    assertThat(r.out()).isEqualTo(
        "metric        period   grantee                value  low  high  status      rank  diff_from_median  per_1000_funding\n"
            + "------------  -------  ---------------------  -----  ---  ----  ----------  ----  ----------------  ----------------\n"
            + "items_shared  2026-10  Alpha Lending Library      6             ok             2                 0                 2\n"
            + "items_shared  2026-10  Béta Repair Café           4             ok             3                -2                 2\n"
            + "items_shared  2026-10  delta                      8             ok             1                 2\n"
            + "items_shared  2026-10  gamma                     <3             suppressed\n"
            + "<3 = suppressed: counts from 1 to 2 are not shown (small-number rule)\n");
    Cli.Result csv = compare("--metric", "items_shared", "--format", "csv");
    assertThat(csv.out()).contains("items_shared,2026-10,alpha,6,,,ok,2,0,2\r\n").doesNotContain("Alpha Lending Library");
  }

  @Test
  void writesCompareFilesBesideTheReportsFilesWithoutRemovingThem() throws IOException {
    Path folder = dir.resolve("reports/2026-10");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("metrics.csv"), "kept");
    Cli.Result r = compare("--metric", "participants", "--metric", "items_shared", "--metric", "programme_cost", "--format", "json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.readString(folder.resolve("compare-2026-10.csv"))).isEqualTo(CSV);
    assertThat(Files.readString(folder.resolve("compare-2026-10.json"))).isEqualTo(r.out());
    assertThat(Files.readString(folder.resolve("metrics.csv"))).isEqualTo("kept");
    try (var files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("compare-2026-10.csv", "compare-2026-10.json", "compare-2026-10.xlsx", "compare-charts", "metrics.csv");
    }
  }

  @Test
  void drawsABarChartPerMetricAndAFunnelPerCostPerOutcome() throws IOException {
    Files.writeString(p.metrics(), Files.readString(p.metrics()) + "  cost_per_participant:\n    label: Cost per person\n    type: ratio\n"
        + "    numerator: programme_cost\n    denominator: participants\n    unit: GBP\n");
    Cli.Result r = compare("--metric", "participants", "--metric", "cost_per_participant");
    assertThat(r.exit()).as(r.toString()).isZero();

    Path charts = dir.resolve("reports/2026-10/compare-charts");
    try (var files = Files.list(charts)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("participants.png", "participants.svg",
          "cost_per_participant.png", "cost_per_participant.svg", "funnel-cost_per_participant.png", "funnel-cost_per_participant.svg");
    }
    // Cost per person: alpha 3,000 / 6 = 500, beta 2,999 / 4 = 749.75, delta 500 / 8 = 62.5, gamma 1,000 / 4 = 250;
    // average 7,499 / 22 = 340.86. 95% limits at 8 people: 340.86 × e^(±1.96/√8) = 681.6 and 170.5, so only delta (62.5) is
    // outside and named; alpha (6: 153.1 to 758.7), beta and gamma (4: 127.9 to 908.2) are inside.
    String funnel = Files.readString(charts.resolve("funnel-cost_per_participant.svg"));
    assertThat(funnel).contains(">Portfolio average £340.86</text").containsPattern(">\\s*delta\\s*</text")
        .doesNotContainPattern(">\\s*(alpha|beta|gamma)\\s*</text");
    // The bar chart of participants carries the per-£1,000 panel, with delta (no grant) marked undefined.
    String bars = Files.readString(charts.resolve("participants.svg"));
    assertThat(bars).contains(">People taking part per £1,000 of funding</text", ">people per £1,000</text", ">–</text");
  }

  @Test
  void aSecondComparisonReplacesTheChartsOfTheFirst() throws IOException {
    assertThat(compare("--metric", "participants").exit()).isZero();
    assertThat(compare("--metric", "items_shared").exit()).isZero();

    try (var files = Files.list(dir.resolve("reports/2026-10/compare-charts"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("items_shared.png", "items_shared.svg");
    }
    try (var files = Files.list(dir.resolve("reports/2026-10"))) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
  }

  @Test
  void theWorkbookPutsGranteesSideBySideThenRanksEachMetricWithItsChart() throws IOException {
    Cli.Result r = compare("--metric", "items_shared", "--metric", "programme_cost");
    assertThat(r.exit()).as(r.toString()).isZero();
    try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(dir.resolve("reports/2026-10/compare-2026-10.xlsx")))) {
      // Grantees, Charts (the PNGs of compare-charts/: one bar chart per metric), then one sheet per metric
      assertThat(book.getNumberOfSheets()).isEqualTo(4);
      assertThat(book.getSheetName(1)).isEqualTo("Charts");
      assertThat(book.getSheetAt(1).getDrawingPatriarch().getShapes()).hasSize(2);
      XSSFSheet overview = book.getSheetAt(0);
      assertThat(overview.getSheetName()).isEqualTo("Grantees");
      int header = rowStarting(overview, "Grantee");
      // one row per grantee in result order, one column per metric; gamma's 2 loans read <3
      assertThat(text(overview, header + 1, 0)).isEqualTo("alpha");
      assertThat(overview.getRow(header + 1).getCell(1).getNumericCellValue()).isEqualTo(6.0);
      assertThat(overview.getRow(header + 1).getCell(2).getNumericCellValue()).isEqualTo(3000.0);
      assertThat(overview.getRow(header + 1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("\"£\"#,##0.00");
      assertThat(text(overview, header + 4, 0)).isEqualTo("gamma");
      assertThat(text(overview, header + 4, 1)).isEqualTo("<3");
      assertThat(overview.getRow(header + 4).getCell(2).getNumericCellValue()).isEqualTo(1000.0);

      // items_shared ranked: delta 8 (1st, +2 on the median 6, no grant), alpha 6 (2nd, 0, 6 / £3k = 2),
      // beta 4 (3rd, -2, 4 / £2k = 2), then gamma suppressed with nothing else shown
      XSSFSheet items = book.getSheetAt(2);
      int h = rowStarting(items, "Grantee");
      assertThat(items.getRow(h).getCell(2).getStringCellValue()).isEqualTo("Rank");
      assertThat(items.getRow(h).getCell(5).getStringCellValue()).isEqualTo("Status");
      double[][] expected = {{8, 1, 2, Double.NaN}, {6, 2, 0, 2}, {4, 3, -2, 2}};
      String[] names = {"delta", "alpha", "beta"};
      for (int i = 0; i < 3; i++) {
        var row = items.getRow(h + 1 + i);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(names[i]);
        assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(expected[i][0]);
        assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(expected[i][1]);
        assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(expected[i][2]);
        if (Double.isNaN(expected[i][3])) {
          assertThat(row.getCell(4)).isNull();
        } else {
          assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(expected[i][3]);
        }
      }
      var gamma = items.getRow(h + 4);
      assertThat(gamma.getCell(0).getStringCellValue()).isEqualTo("gamma");
      assertThat(gamma.getCell(1).getStringCellValue()).isEqualTo("<3");
      assertThat(gamma.getCell(2)).isNull();
      assertThat(gamma.getCell(5).getStringCellValue()).isEqualTo("suppressed");
      assertThat(rowStarting(items, "<3 suppressed: a count from 1 to 2, or a value built from one, is not shown to protect individuals."
          + " – undefined: no result is defined (e.g. a ratio over zero).")).isGreaterThan(h + 4);
      // a native bar chart of the four grantees, gamma a gap
      assertThat(items.getDrawingPatriarch().getCharts()).hasSize(1);
      var series = items.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0).getSeries(0);
      assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("'Items shared'!$B$" + (h + 2) + ":$B$" + (h + 5));
      assertThat(series.getValuesData().getPointAt(0).doubleValue()).isEqualTo(8.0);
      var cache = ((org.apache.poi.xddf.usermodel.chart.XDDFBarChartData.Series) series).getCTBarSer().getVal().getNumRef().getNumCache();
      assertThat(cache.getPtCount().getVal()).isEqualTo(4);
      assertThat(cache.getPtList()).extracting(pt -> pt.getIdx()).containsExactly(0L, 1L, 2L);
    }
  }

  private static int rowStarting(XSSFSheet sheet, String text) {
    for (var row : sheet) {
      if (row.getCell(0) != null && text.equals(row.getCell(0).getStringCellValue())) {
        return row.getRowNum();
      }
    }
    throw new AssertionError("no row starts with " + text);
  }

  private static String text(XSSFSheet sheet, int row, int column) {
    return sheet.getRow(row).getCell(column).getStringCellValue();
  }

  @Test
  void byDefaultComparesTheReportMetrics() {
    p.edit(p.yaml(), "  template: monthly-impact", "  template: monthly-impact\n  metrics: [participants]");
    Cli.Result r = compare("--format", "csv");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(CSV.substring(0, CSV.indexOf("items_shared")));
  }

  @Test
  void withoutReportMetricsComparesEveryMetric() {
    Cli.Result r = compare("--format", "csv");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines().map(l -> l.split(",")[0]).distinct())
        .containsExactly("metric", "participants", "items_shared", "deprived_reach_share", "programme_cost");
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli.assertFailed(compare("--format", "xlsx"), 2, "unknown format 'xlsx' (use table, csv or json)");
    assertThat(compare("--metric", "participant").exit()).isEqualTo(2);
    assertThat(compare("--by", "month").exit()).isEqualTo(2);
    assertThat(compare("--period", "2026-13").exit()).isEqualTo(2);
    Cli.assertFailed(compare("--engine", "sparky"), 2, "unknown engine 'sparky' (use duckdb or spark)");
    assertThat(dir.resolve("reports")).doesNotExist();
  }
}
