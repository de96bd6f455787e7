package dev.spotlight.connectors.threesixtygiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.SourcePull;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 360giving connector on every file under ../shared/realdata/threesixtygiving (skipped, saying
 * why, when absent). Expected counts, totals and periods come from a separate reading made here —
 * DuckDB's JSON functions for JSON, POI's workbook model for XLSX, plain lines for CSV — and date
 * arithmetic in java.time, never from the connector's own output.
 */
class ThreeSixtyGivingRealDataTest {

  @TempDir Path dir;

  private static Path realdata(String file) {
    Path root = Path.of(System.getProperty("spotlight.realdata", "../../shared/realdata"));
    assumeTrue(Files.isDirectory(root), "real data folder " + root.toAbsolutePath() + " is absent; these tests need ../shared/realdata");
    Path p = root.resolve("threesixtygiving").resolve(file);
    assumeTrue(Files.isRegularFile(p), "real data file " + p.toAbsolutePath() + " is absent");
    return p.toAbsolutePath();
  }

  private ConnectorFixture fixture() {
    return new ConnectorFixture(dir, new ThreeSixtyGivingConnector());
  }

  /** Rows of {@code select} over the grants of a JSON package, each grant as JSON value {@code g}. */
  private static List<String> jsonQuery(Path file, String select) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE grants AS SELECT unnest(json_extract(json, '$.grants[*]')) AS g FROM read_json_objects('" + file
          + "', maximum_object_size = 1073741824)");
      return ConnectorFixture.rows(s, select);
    }
  }

  @Test
  void powerToChangeFileLoadsEveryGrantWithItsTotal() throws Exception {
    Path file = realdata("grantnav/a002400000nO46WAAS.json");
    String[] expected = jsonQuery(file, "SELECT count(*), count(DISTINCT g->>'$.id'), sum(CAST(g->>'$.amountAwarded' AS DECIMAL(18,2))),"
        + " count(*) FILTER (WHERE g->>'$.beneficiaryLocation[0].geoCode' IS NOT NULL),"
        // a planned end not before the planned start (or, with no planned start, the award date)
        + " count(*) FILTER (WHERE left(g->>'$.plannedDates[0].endDate', 10)"
        + "   >= left(coalesce(g->>'$.plannedDates[0].startDate', g->>'$.awardDate'), 10)),"
        + " count(*) FILTER (WHERE left(g->>'$.plannedDates[0].endDate', 10) < left(coalesce(g->>'$.plannedDates[0].startDate', g->>'$.awardDate'), 10)),"
        + " count(*) FILTER (WHERE g->>'$.recipientOrganization[0].id' = 'GB-COH-IP28755R')"
        + " FROM grants").get(0).split("\\|");
    assertThat(expected[0]).isEqualTo("870");

    ConnectorFixture f = fixture().grantees(Map.of("GB-COH-IP28755R", "hyde-park-source"));
    SourcePull.Outcome out = f.pull("ptc", null, "files: '" + file + "'\n");

    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.result().recordsRead()).isEqualTo(870);
    assertThat(out.result().rowsKept()).isEqualTo(Long.parseLong(expected[1]));
    assertThat(out.result().filtered()).isEqualTo(870 - Long.parseLong(expected[1]));
    assertThat(f.query("SELECT count(*), sum(amount), count(*) FILTER (WHERE period_end < period_start),"
        + " count(*) FILTER (WHERE currency <> 'GBP'), count(*) FILTER (WHERE grantee = 'hyde-park-source') FROM costs"))
        .containsExactly(expected[1] + "|" + new BigDecimal(expected[2]).toPlainString() + "|0|0|" + expected[6]);
    assertThat(f.query("SELECT count(*), count(area_code), count(*) FILTER (WHERE attributes['period_rule'] = 'planned_dates'),"
        + " count(*) FILTER (WHERE attributes['planned_end_ignored'] IS NOT NULL) FROM activity WHERE event_type = 'grant.awarded'"))
        .containsExactly(expected[1] + "|" + expected[3] + "|" + expected[4] + "|" + expected[5]);
  }

  @Test
  void esmeeFairbairnSampleSpreadsEachGrantFromItsAwardDateOverItsDuration() throws Exception {
    Path file = realdata("grantnav/grantnav-20180903134856.json");
    Map<String, String> expected = new HashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (String row : jsonQuery(file, "SELECT g->>'$.id', left(g->>'$.awardDate', 10), g->>'$.plannedDates[0].duration', g->>'$.amountAwarded',"
        + " g->>'$.recipientOrganization[0].id' FROM grants")) {
      String[] p = row.split("\\|");
      LocalDate award = LocalDate.parse(p[1]);
      expected.put(p[0], p[4] + "|" + award + "|" + award.plusMonths(Long.parseLong(p[2])).minusDays(1) + "|" + new BigDecimal(p[3]).setScale(2));
      total = total.add(new BigDecimal(p[3]));
    }
    assertThat(expected).hasSize(5);

    ConnectorFixture f = fixture();
    SourcePull.Outcome out = f.pull("eff", null, "files: '" + file + "'\n");

    assertThat(out.result().rowsKept()).isEqualTo(5);
    Map<String, String> actual = new HashMap<>();
    for (String row : f.query("SELECT cost_id, grantee, period_start, period_end, amount FROM costs")) {
      actual.put(row.substring(0, row.indexOf('|')), row.substring(row.indexOf('|') + 1));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(f.query("SELECT sum(amount), count(DISTINCT grantee) FROM costs"))
        .containsExactly(total.setScale(2).toPlainString() + "|" + expected.values().stream().map(v -> v.split("\\|")[0]).distinct().count());
  }

  @Test
  void repeatedGrantsInTheDataQualityFixtureAreKeptOnceFromTheirLastCopy() throws Exception {
    Path file = realdata("dataquality/fixtures/fundingproviders-grants_fixed_2_grants.json");
    // the last copy of each id, as DuckDB reads the array in order
    List<String> last = jsonQuery(file, "SELECT g->>'$.id', g->>'$.amountAwarded', g->>'$.awardDate', g->>'$.plannedDates[0].duration',"
        + " g->>'$.recipientOrganization[0].id' FROM (SELECT g, row_number() OVER () AS n FROM grants)"
        + " QUALIFY n = max(n) OVER (PARTITION BY g->>'$.id') ORDER BY 1");
    assertThat(last).hasSize(2);

    ConnectorFixture f = fixture();
    SourcePull.Outcome out = f.pull("fp", null, "files: '" + file + "'\n");

    assertThat(out.result().recordsRead()).isEqualTo(4);
    assertThat(out.result().filtered()).isEqualTo(2);
    List<String> expected = new ArrayList<>();
    for (String row : last) {
      String[] p = row.split("\\|");
      String[] dmy = p[2].split("/");
      LocalDate award = LocalDate.of(Integer.parseInt(dmy[2]), Integer.parseInt(dmy[1]), Integer.parseInt(dmy[0]));
      expected.add(p[0] + "|" + p[4] + "|" + award + "|" + award.plusMonths(Long.parseLong(p[3])).minusDays(1) + "|" + p[1] + ".00|GBP");
    }
    assertThat(f.query("SELECT cost_id, grantee, period_start, period_end, amount, currency FROM costs ORDER BY 1")).isEqualTo(expected);
  }

  @Test
  void decimalAmountFixturesHaveNoIdentifiersSoEveryGrantIsBad() throws Exception {
    Path json = realdata("dataquality/fixtures/decimal_amounts.json");
    Path csv = realdata("dataquality/fixtures/decimal_amounts.csv");
    long grants = Long.parseLong(jsonQuery(json, "SELECT count(*) FROM grants").get(0));
    long rows = Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).count();

    ConnectorFixture f = fixture();
    assertThatThrownBy(() -> f.pull("d", null, "files: '" + json + "'\n")).isInstanceOf(SpotlightException.class)
        .satisfies(e -> assertThat(((SpotlightException) e).kind()).isEqualTo(ExitKind.DATA))
        .hasMessageContaining("decimal_amounts.json:3:").hasMessageContaining("grant 1: no Identifier");
    assertThatThrownBy(() -> f.pull("d", null, "files: '" + csv + "'\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("decimal_amounts.csv:2").hasMessageContaining("no Identifier");

    SourcePull.Outcome out = f.pull("d", null, "files: ['" + json + "', '" + csv + "']\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(grants + rows);
    assertThat(out.result().skipped()).isEqualTo(Map.of("missing Identifier", grants + rows));
    assertThat(out.result().rowsKept()).isZero();
  }

  /** Identifier, Recipient Org:Identifier and Amount Awarded of each data row of a flat table, trimmed. */
  private record FlatGrant(String id, String recipient, BigDecimal amount) {}

  private static List<FlatGrant> flat(List<List<String>> table) {
    List<String> head = table.get(0).stream().map(String::strip).toList();
    int id = head.indexOf("Identifier");
    int recipient = head.indexOf("Recipient Org:Identifier");
    int amount = head.indexOf("Amount Awarded");
    return table.subList(1, table.size()).stream()
        .map(r -> new FlatGrant(r.get(id).strip(), r.get(recipient).strip(), new BigDecimal(r.get(amount).strip()))).toList();
  }

  private void checkFlat(Path file, List<FlatGrant> grants, String badLine, String where) throws Exception {
    List<FlatGrant> good = grants.stream().filter(g -> !g.recipient().isEmpty()).toList();
    assertThat(good).hasSizeBetween(1, grants.size() - 1);

    ConnectorFixture f = fixture();
    assertThatThrownBy(() -> f.pull("fp", null, "files: '" + file + "'\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining(file.getFileName() + ":" + badLine).hasMessageContaining(where + "grant '").hasMessageContaining("no Recipient Org:Identifier");

    SourcePull.Outcome out = f.pull("fp", null, "files: '" + file + "'\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(grants.size());
    assertThat(out.result().skipped()).isEqualTo(Map.of("missing Recipient Org:Identifier", (long) (grants.size() - good.size())));
    assertThat(f.query("SELECT cost_id, grantee, amount FROM costs ORDER BY 1")).isEqualTo(good.stream()
        .map(g -> g.id() + "|" + g.recipient() + "|" + g.amount().setScale(2).toPlainString()).sorted().toList());
    // the award date, written 24/07/2014 in these files, is the 24th of July, and the duration (months) sets the end
    assertThat(f.query("SELECT DISTINCT period_start FROM costs")).containsExactly("2014-07-24");
  }

  @Test
  void flatCsvFixtureSkipsTheGrantWithoutARecipientId() throws Exception {
    Path csv = realdata("dataquality/fixtures/fundingproviders_grants_2_grants.csv");
    List<List<String>> table = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"Identifier\", coalesce(\"Recipient Org:Identifier\", ''), \"Amount Awarded\" FROM read_csv('" + csv
            + "', all_varchar = true, header = true)")) {
      table.add(List.of("Identifier", "Recipient Org:Identifier", "Amount Awarded"));
      while (rs.next()) {
        table.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    checkFlat(csv, flat(table), "2:10", "");
  }

  @Test
  void xlsxFixtureIsReadFromItsGrantsSheetDespiteTextDatesAndTrailingSpaces() throws Exception {
    Path xlsx = realdata("dataquality/fixtures/fundingproviders-grants_2_grants.xlsx");
    List<List<String>> table = new ArrayList<>();
    DataFormatter fmt = new DataFormatter();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      Sheet sheet = wb.getSheet("grants");
      int width = sheet.getRow(0).getLastCellNum();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < width; i++) {
          Cell cell = row.getCell(i);
          cells.add(cell == null ? "" : fmt.formatCellValue(cell));
        }
        if (cells.stream().anyMatch(x -> !x.isBlank())) {
          table.add(cells);
        }
      }
    }
    checkFlat(xlsx, flat(table), "2", "sheet 'grants' row 2, ");
  }
}
