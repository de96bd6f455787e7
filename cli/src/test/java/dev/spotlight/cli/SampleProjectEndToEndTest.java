package dev.spotlight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code spotlight run} on the committed ShareLab sample and checks the report's numbers
 * against hand-written DuckDB SQL that reads the raw exports directly, re-implementing each
 * source's mapping by hand (no Spotlight code involved).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleProjectEndToEndTest {

  private Path project;
  private JsonNode metrics;
  private Map<String, Double> expected;
  private int exitCode;
  private String stderr;

  @BeforeAll
  void runTheSampleReport(@TempDir Path work) throws Exception {
    Path sample = Path.of(System.getProperty("spotlight.root", "..")).resolve("sample-data/sharelab");
    project = work.resolve("sharelab");
    copy(sample, project);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AppContext ctx = new AppContext(new PrintWriter(out), new PrintWriter(err), Map.of("SPOTLIGHT_PSEUDONYM_KEY", "e2e-test-key"),
        Clock.fixed(Instant.parse("2026-11-05T09:00:00Z"), ZoneOffset.UTC), false);
    exitCode = Spotlight.execute(new String[] {"run", "-p", project.resolve("spotlight.yaml").toString(), "--period", "2026-10"}, ctx);
    stderr = err.toString();
    metrics = new ObjectMapper().readTree(project.resolve("reports/2026-10/metrics.json").toFile());
    expected = independentOctober(project);
  }

  @Test
  void runSucceedsQuietly() {
    assertThat(exitCode).as(stderr).isZero();
    assertThat(stderr).isEmpty();
    assertThat(project.resolve("reports/2026-10")).isDirectoryContaining("glob:**/impact-2026-10.xlsx")
        .isDirectoryContaining("glob:**/manifest.json").isDirectoryContaining("glob:**/metrics.csv");
  }

  @Test
  void headlineNumbersInMetricsJsonMatchAnIndependentComputation() {
    for (var e : expected.entrySet()) {
      JsonNode row = headline(e.getKey(), "2026-10");
      assertThat(row.get("status").asText()).as(e.getKey()).isEqualTo("ok");
      assertThat(row.get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue(), within(Math.abs(e.getValue()) * 1e-9 + 1e-9));
    }
  }

  @Test
  void summarySheetShowsTheSameNumbers() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(project.resolve("reports/2026-10/impact-2026-10.xlsx").toFile())) {
      Sheet summary = wb.getSheet("Summary");
      Map<String, Double> byLabel = new HashMap<>();
      for (Row r : summary) {
        Cell label = r.getCell(0);
        Cell value = r.getCell(1);
        if (label != null && value != null && label.getCellType() == CellType.STRING && value.getCellType() == CellType.NUMERIC) {
          byLabel.put(label.getStringCellValue(), value.getNumericCellValue());
        }
      }
      assertThat(byLabel.get("People taking part")).isEqualTo(expected.get("participants"));
      assertThat(byLabel.get("Items shared")).isEqualTo(expected.get("items_shared"));
      assertThat(byLabel.get("Programme cost")).isCloseTo(expected.get("programme_cost"), within(1e-6));
      assertThat(byLabel.get("Cost per person taking part")).isCloseTo(expected.get("cost_per_participant"), within(1e-9));
      assertThat(wb.getSheet("Method")).isNotNull();
      Sheet byGrantee = wb.getSheet("By grantee");
      java.util.List<String> firstColumn = new java.util.ArrayList<>();
      byGrantee.forEach(r -> {
        if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING) {
          firstColumn.add(r.getCell(0).getStringCellValue());
        }
      });
      assertThat(firstColumn).contains("Marsden Tool Library", "Kirklees Lend & Borrow").doesNotContain("marsden-tool-library");
      assertThat(wb.getSheet("Data quality")).isNotNull();
    }
  }

  @Test
  void yearEarlierOutcomeAndPerCapitaCellsMatchAnIndependentComputation() throws Exception {
    String dir = project.toAbsolutePath().toString();
    Map<String, Double> outcomes = new HashMap<>();
    Map<String, Double> perThousand = new HashMap<>();
    double yearAgoPeople;
    double outcomesTotal;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'Europe/London'");
      createEvents(s, dir);
      yearAgoPeople = one(s, "SELECT count(DISTINCT who) FROM ev WHERE d BETWEEN DATE '2025-10-01' AND DATE '2025-10-31'");
      // outcome keys come with share.completed, repair.fixed and report.fixed (SPEC §3 event vocabulary)
      String oct = "FROM ev WHERE d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'";
      outcomesTotal = one(s, "SELECT count(*) " + oct + " AND et IN ('share.completed', 'repair.fixed', 'report.fixed')");
      try (ResultSet rs = s.executeQuery("SELECT g, count(*) FILTER (WHERE et IN ('share.completed', 'repair.fixed', 'report.fixed')) "
          + oct + " GROUP BY g")) {
        while (rs.next()) {
          outcomes.put(rs.getString(1), rs.getDouble(2));
        }
      }
      // people per 1,000 residents of every area of the decile, active or not
      try (ResultSet rs = s.executeQuery("SELECT p.decile, 1000.0 * coalesce(n.people, 0) / p.population FROM"
          + " (SELECT deprivation_decile AS decile, sum(population) AS population FROM areas GROUP BY 1) p LEFT JOIN"
          + " (SELECT a.deprivation_decile AS decile, count(DISTINCT who) AS people FROM ev JOIN areas a ON a.area_code = ev.area"
          + " WHERE d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY 1) n ON n.decile = p.decile")) {
        while (rs.next()) {
          perThousand.put(rs.getString(1), rs.getDouble(2));
        }
      }
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(project.resolve("reports/2026-10/impact-2026-10.xlsx").toFile())) {
      Sheet summary = wb.getSheet("Summary");
      Row header = rowStarting(summary, "Metric");
      int yearColumn = columnOf(header, "A year earlier");
      Row people = rowStarting(summary, "People taking part");
      assertThat(people.getCell(yearColumn).getNumericCellValue()).isEqualTo(yearAgoPeople);
      assertThat(people.getCell(columnOf(header, "Change on a year")).getNumericCellValue())
          .isEqualTo(expected.get("participants") - yearAgoPeople);
      assertThat(rowStarting(summary, "Outcomes evidenced").getCell(1).getNumericCellValue()).isEqualTo(outcomesTotal);
      assertThat(rowStarting(summary, "Cost per outcome").getCell(1).getNumericCellValue())
          .isCloseTo(expected.get("programme_cost") / outcomesTotal, within(1e-9));

      org.apache.poi.xssf.usermodel.XSSFSheet byGrantee = wb.getSheet("Outcomes by grantee");
      Map<String, String> names = Map.of("kirklees-lend-borrow", "Kirklees Lend & Borrow", "calder-repair-network",
          "Calder Valley Repair Café Network", "west-yorkshire-crowdfund", "West Yorkshire Community Crowdfund",
          "streetfix-west-yorkshire", "StreetFix West Yorkshire", "marsden-tool-library", "Marsden Tool Library");
      assertThat(outcomes).hasSize(5);
      outcomes.forEach((g, n) -> assertThat(rowStarting(byGrantee, names.get(g)).getCell(1).getNumericCellValue()).as(g).isEqualTo(n));
      assertThat(byGrantee.getDrawingPatriarch().getCharts()).hasSize(1);

      Sheet deciles = wb.getSheet("Reach by deprivation decile");
      int perCapita = columnOf(rowStarting(deciles, "Deprivation decile"), "People taking part per 1,000 residents");
      assertThat(perThousand).hasSize(10);
      perThousand.forEach((decile, v) -> assertThat(rowStarting(deciles, decile).getCell(perCapita).getNumericCellValue())
          .as("decile " + decile).isCloseTo(v, within(1e-9)));
    }
  }

  @Test
  void theCostSectionShowsAndChartsUnitCostsOnly() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(project.resolve("reports/2026-10/impact-2026-10.xlsx").toFile())) {
      org.apache.poi.xssf.usermodel.XSSFSheet cost = wb.getSheet("Cost per outcome");
      Row header = rowStarting(cost, "Grantee");
      java.util.List<String> columns = new java.util.ArrayList<>();
      header.forEach(c -> columns.add(c.getStringCellValue()));
      // The sample's two unit costs (ratios in GBP); totals such as Matched by councils or Programme cost stay out.
      assertThat(columns).containsExactly("Grantee", "Cost per person taking part", "Cost per outcome");
      var charts = cost.getDrawingPatriarch().getCharts();
      assertThat(charts).hasSize(1);
      var data = charts.get(0).getChartSeries().get(0);
      java.util.List<String> refs = new java.util.ArrayList<>();
      for (int i = 0; i < data.getSeriesCount(); i++) {
        refs.add(data.getSeries(i).getValuesData().getDataRangeReference());
      }
      int first = header.getRowNum() + 2;
      int last = header.getRowNum() + 6;
      assertThat(refs).containsExactly("'Cost per outcome'!$B$" + first + ":$B$" + last, "'Cost per outcome'!$C$" + first + ":$C$" + last);
    }
  }

  @Test
  void theTemplateTitleHeadsTheSummary() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(project.resolve("reports/2026-10/impact-2026-10.xlsx").toFile())) {
      Sheet summary = wb.getSheet("Summary");
      assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Monthly impact report — ShareLab Fund portfolio, October 2026");
      assertThat(summary.getHeader().getCenter()).isEqualTo("Monthly impact report — ShareLab Fund portfolio, October 2026");
    }
  }

  private static Row rowStarting(Sheet sheet, String text) {
    for (Row r : sheet) {
      Cell first = r.getCell(0);
      if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
        return r;
      }
    }
    throw new AssertionError("no row starts with " + text + " in " + sheet.getSheetName());
  }

  private static int columnOf(Row header, String name) {
    for (Cell c : header) {
      if (c.getStringCellValue().equals(name)) {
        return c.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + name);
  }

  @Test
  void theSmallGranteeIsSuppressedEverywhere() throws IOException {
    JsonNode row = null;
    for (JsonNode r : metrics.get("results")) {
      if (r.get("metric").asText().equals("participants") && "marsden-tool-library".equals(r.get("dims").path("grantee").asText(null))) {
        row = r;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.get("status").asText()).isEqualTo("suppressed");
    assertThat(row.get("value").isNull()).isTrue();
    String csv = Files.readString(project.resolve("reports/2026-10/metrics.csv"));
    assertThat(csv).contains("participants,2026-10,,marsden-tool-library,,,,,suppressed");
  }

  @Test
  void manifestRecordsInputsWithChecksumsAndTheEngine() throws IOException {
    JsonNode m = new ObjectMapper().readTree(project.resolve("reports/2026-10/manifest.json").toFile());
    assertThat(m.get("engine").asText()).isEqualTo("duckdb");
    assertThat(m.get("period").get("label").asText()).isEqualTo("2026-10");
    assertThat(m.get("inputs").size()).isGreaterThan(15);
    for (JsonNode input : m.get("inputs")) {
      assertThat(input.get("sha256").asText()).matches("[0-9a-f]{64}");
    }
  }

  private JsonNode headline(String metric, String period) {
    for (JsonNode r : metrics.get("results")) {
      if (r.get("metric").asText().equals(metric) && r.get("period").asText().equals(period) && r.get("dims").isEmpty()) {
        return r;
      }
    }
    throw new AssertionError("no headline row for " + metric + " " + period);
  }

  /** The sample's October 2026 headline numbers, from the raw exports, by hand. */
  private static Map<String, Double> independentOctober(Path p) throws SQLException {
    String dir = p.toAbsolutePath().toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'Europe/London'");
      createEvents(s, dir);
      s.execute("CREATE TABLE oct AS SELECT ev.*, a.deprivation_decile AS decile FROM ev LEFT JOIN areas a ON a.area_code = ev.area"
          + " WHERE d BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'");
      Map<String, Double> out = new LinkedHashMap<>();
      out.put("participants", one(s, "SELECT count(DISTINCT who) FROM oct"));
      out.put("events", one(s, "SELECT count(*) FROM oct"));
      out.put("items_shared", one(s, "SELECT count(*) FROM oct WHERE et = 'share.completed'"));
      out.put("repairs_fixed", one(s, "SELECT count(*) FROM oct WHERE et = 'repair.fixed'"));
      out.put("crowd_pledged", one(s, "SELECT sum(amount) FROM oct WHERE et = 'pledge.made'"));
      out.put("match_pledged", one(s, "SELECT sum(amount) FROM oct WHERE et = 'match.pledged'"));
      out.put("median_value_shared", one(s, "SELECT median(amount) FROM oct WHERE et = 'share.completed'"));
      // costs spread evenly by day: amount x days inside October / days the cost covers, both ends inclusive
      out.put("programme_cost", one(s, "SELECT sum(amount * (least(period_end, DATE '2026-10-31') - greatest(period_start, DATE '2026-10-01') + 1)"
          + " / (period_end - period_start + 1)) FROM read_csv('" + dir + "/costs/costs.csv', types = {amount: 'DOUBLE'})"
          + " WHERE period_start <= DATE '2026-10-31' AND period_end >= DATE '2026-10-01'"));
      out.put("cost_per_participant", out.get("programme_cost") / out.get("participants"));
      out.put("deprived_reach_share", one(s, "SELECT count(DISTINCT who) FILTER (WHERE decile <= 3) / count(DISTINCT who) FILTER (WHERE decile IS NOT NULL) FROM oct"));
      return out;
    }
  }

  /** The sample's events from the raw exports, each source's mapping re-implemented by hand: table {@code ev}, and {@code areas}. */
  private static void createEvents(Statement s, String dir) throws SQLException {
    s.execute("CREATE TABLE areas AS SELECT * FROM read_csv('" + dir + "/reference/areas.csv')");
    s.execute("CREATE TABLE ev AS "
        + "SELECT 'kirklees-lend-borrow' AS g, CASE status WHEN 'returned' THEN 'share.completed' ELSE 'share.requested' END AS et,"
        + " CAST(CAST(strptime(status_changed_at, '%d/%m/%Y %H:%M') AS TIMESTAMPTZ) AS DATE) AS d, borrower_email AS who, lsoa AS area,"
        + " CAST(item_value_gbp AS DOUBLE) AS amount"
        + " FROM read_csv('" + dir + "/exports/lend-borrow/loans-*.csv', all_varchar = true) WHERE status IN ('returned', 'requested')"
        + " UNION ALL SELECT 'calder-repair-network', 'repair.attempted', CAST(event_date AS DATE), visitor_id, lsoa, NULL"
        + " FROM read_csv('" + dir + "/exports/repair/*.csv', all_varchar = true)"
        + " UNION ALL SELECT 'calder-repair-network', 'repair.fixed', CAST(event_date AS DATE), visitor_id, lsoa, NULL"
        + " FROM read_csv('" + dir + "/exports/repair/*.csv', all_varchar = true) WHERE repair_status = 'Fixed'"
        + " UNION ALL SELECT 'west-yorkshire-crowdfund', CASE pledge_type WHEN 'crowd' THEN 'pledge.made' ELSE 'match.pledged' END,"
        + " CAST(CAST(pledged_at AS TIMESTAMPTZ) AS DATE), backer_id, backer_lsoa, CAST(amount_gbp AS DOUBLE)"
        + " FROM read_json('" + dir + "/exports/crowdfund/pledges.json', columns = {pledged_at: 'VARCHAR', backer_id: 'VARCHAR',"
        + " backer_lsoa: 'VARCHAR', amount_gbp: 'DECIMAL(18,2)', pledge_type: 'VARCHAR'})"
        + " UNION ALL SELECT 'streetfix-west-yorkshire', 'report.created', CAST(CAST(created AS TIMESTAMPTZ) AS DATE), reporter_id, lsoa, NULL"
        + " FROM read_json('" + dir + "/exports/streetfix/reports.ndjson', columns = {created: 'VARCHAR', reporter_id: 'VARCHAR', lsoa: 'VARCHAR'})"
        + " UNION ALL SELECT 'streetfix-west-yorkshire', 'report.fixed', CAST(CAST(updated AS TIMESTAMPTZ) AS DATE), reporter_id, lsoa, NULL"
        + " FROM read_json('" + dir + "/exports/streetfix/reports.ndjson', columns = {updated: 'VARCHAR', reporter_id: 'VARCHAR', lsoa: 'VARCHAR', state: 'VARCHAR'})"
        + " WHERE state IN ('fixed - council', 'fixed - user', 'fixed')"
        + " UNION ALL SELECT 'marsden-tool-library', 'share.completed', CAST(CAST(checked_out AS TIMESTAMPTZ) AS DATE), member, member_lsoa, NULL"
        + " FROM read_csv('" + dir + "/exports/tool-library/*.csv', delim = ';', all_varchar = true) WHERE status IN ('Returned', 'On loan')");
  }

  private static double one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path src : walk.toList()) {
        Path rel = from.relativize(src);
        if (rel.toString().startsWith(".spotlight") || rel.toString().startsWith("reports")) {
          continue;
        }
        Path dst = to.resolve(rel.toString());
        if (Files.isDirectory(src)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(src, dst);
        }
      }
    }
  }
}
