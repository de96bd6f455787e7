package dev.spotlight.connectors.threesixtygiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.SourcePull;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreeSixtyGivingConnectorTest {

  @TempDir Path dir;

  private static final String COSTS = "SELECT cost_id, grantee, period_start, period_end, amount, currency, category, funder, reference, origin, origin_row"
      + " FROM costs ORDER BY cost_id";

  private static final String AWARDS = "SELECT event_id, event_type, platform_kind, grantee, occurred_on, amount, currency, area_code, participant,"
      + " attributes['recipient_org_id'], attributes['period_rule'], attributes['planned_end_ignored'], attributes['beneficiary_geo_type'],"
      + " attributes['grant_programme'] FROM activity ORDER BY event_id";

  private ConnectorFixture fixture() {
    return new ConnectorFixture(dir, new ThreeSixtyGivingConnector()).grantees(Map.of("GB-CHC-1234567", "kirklees-sharing"));
  }

  @Test
  void aJsonPackageGivesOneCostAndOneAwardPerGrant() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/threesixtygiving/grants.json", "grants/grants.json");

    SourcePull.Outcome out = f.pull("sharing-fund", null, "files: grants/*.json\n");

    assertThat(out.result().recordsRead()).isEqualTo(5);
    assertThat(out.result().rowsKept()).isEqualTo(4);
    assertThat(out.result().filtered()).as("the first copy of 360G-SHARE-002").isEqualTo(1);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.written().costRows()).isEqualTo(4);
    assertThat(out.written().activityRows()).isEqualTo(4);
    String o = "grants/grants.json";
    assertThat(f.query(COSTS)).containsExactly(
        // planned start and end; the recipient id, in lower case, is a grantee's org id
        "360G-SHARE-001|kirklees-sharing|2026-04-01|2027-03-31|25000.00|GBP|grant|Sharing Foundation|360G-SHARE-001|" + o + "|1",
        // the last copy wins: planned start + 2.4 months rounded to 2, less a day; its own currency, not converted
        "360G-SHARE-002|GB-COH-0999|2026-02-01|2026-03-31|1300.00|EUR|grant|Sharing Foundation|360G-SHARE-002|" + o + "|5",
        // an individual: no org id, no source grantee, so the funder's id; award date alone, written dd/mm/yyyy; amount as text
        "360G-SHARE-003|GB-CHC-200051|2026-07-24|2026-07-24|500.50|GBP|grant|Sharing Foundation|360G-SHARE-003|" + o + "|3",
        // a planned end before the (month-only) planned start is ignored: start + 3 months
        "360G-SHARE-004|GB-CHC-7654321|2026-06-01|2026-08-31|10000.00|GBP|grant|Sharing Foundation|360G-SHARE-004|" + o + "|4");
    assertThat(f.query(AWARDS)).containsExactly(
        "360G-SHARE-001|grant.awarded|funding|kirklees-sharing|2026-03-15|25000.00|GBP|E01011001|null|gb-chc-1234567|planned_dates|null|LSOA|Main Grants",
        "360G-SHARE-002|grant.awarded|funding|GB-COH-0999|2026-01-31|1300.00|EUR|null|null|GB-COH-0999|duration|null|null|null",
        "360G-SHARE-003|grant.awarded|funding|GB-CHC-200051|2026-07-24|500.50|GBP|null|" + ConnectorFixture.hmac("360G-SHARE-IND-77")
            + "|null|single_day|null|null|null",
        "360G-SHARE-004|grant.awarded|funding|GB-CHC-7654321|2026-05-01|10000.00|GBP|null|null|GB-CHC-7654321|duration|before start|null|null");
  }

  @Test
  void theSourceGranteeTakesGrantsToIndividuals() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/threesixtygiving/grants.json", "g.json");
    f.pull("fund", "bursaries", "files: g.json\n");
    assertThat(f.query("SELECT cost_id, grantee FROM costs ORDER BY cost_id")).containsExactly("360G-SHARE-001|kirklees-sharing",
        "360G-SHARE-002|GB-COH-0999", "360G-SHARE-003|bursaries", "360G-SHARE-004|GB-CHC-7654321");
  }

  @Test
  void aFlatCsvIsReadByTheStandardsColumnTitles() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/threesixtygiving/grants.csv", "grants.csv");

    SourcePull.Outcome out = f.pull("csv", null, "files: grants.csv\n");

    assertThat(out.result().recordsRead()).isEqualTo(2);
    assertThat(f.query(COSTS)).containsExactly(
        // dd-mm-yyyy award date + 6 months, less a day; trailing spaces trimmed before matching org ids
        "360G-CSV-1|kirklees-sharing|2026-02-03|2026-08-02|2500.75|GBP|grant|Sharing Foundation|360G-CSV-1|grants.csv|1",
        // year-only planned dates cover the whole year
        "360G-CSV-2|GB-SC-SC000123|2026-01-01|2026-12-31|800.00|GBP|grant|Sharing Foundation|360G-CSV-2|grants.csv|2");
    assertThat(f.query("SELECT event_id, occurred_on, area_code, attributes['beneficiary_geo_type'], attributes['grant_programme'] FROM activity"
        + " ORDER BY 1")).containsExactly("360G-CSV-1|2026-02-03|E05001429|WD|Small Grants", "360G-CSV-2|2026-02-10|null|null|null");
  }

  @Test
  void anXlsxWorkbookIsReadFromTheSheetWithTheStandardsTitles() throws Exception {
    ConnectorFixture f = fixture();
    Path xlsx = dir.resolve("grants.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
      wb.createSheet("Read me").createRow(0).createCell(0).setCellValue("Grants we made in 2026");
      XSSFSheet s = wb.createSheet("grants");
      String[] head = {"Identifier   ", "Title", "Description", "Currency", "Amount Awarded ", "Award Date", "Planned Dates:Duration (months)",
          "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Data source"};
      Row h = s.createRow(0);
      for (int i = 0; i < head.length; i++) {
        h.createCell(i).setCellValue(head[i]);
      }
      Row r1 = s.createRow(1);
      r1.createCell(0).setCellValue("360G-X-1     ");
      XSSFRichTextString rich = new XSSFRichTextString("Tool library");
      XSSFFont bold = wb.createFont();
      bold.setBold(true);
      rich.applyFont(0, 4, bold);
      r1.createCell(1).setCellValue(rich);
      r1.createCell(2).setCellValue("x");
      r1.createCell(3).setCellValue("GBP");
      r1.createCell(4).setCellValue(999.99);
      r1.createCell(5).setCellValue("13-03-2026");
      r1.createCell(6).setCellValue(30);
      r1.createCell(7).setCellValue("GB-CHC-1234567");
      r1.createCell(8).setCellValue("Kirklees Sharing Network   ");
      r1.createCell(9).setCellValue("GB-CHC-200051");
      r1.createCell(10).setCellValue("Sharing Foundation");
      Row r2 = s.createRow(3);
      r2.createCell(0).setCellValue("360G-X-2");
      r2.createCell(1).setCellValue("Seeds");
      r2.createCell(2).setCellValue("x");
      r2.createCell(3).setCellValue("gbp");
      r2.createCell(4).setCellValue(150);
      XSSFCellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      r2.createCell(5).setCellValue(LocalDate.of(2026, 4, 2));
      r2.getCell(5).setCellStyle(dateStyle);
      r2.createCell(7).setCellValue("GB-COH-1");
      r2.createCell(8).setCellValue("Seed Co");
      r2.createCell(9).setCellValue("GB-CHC-200051");
      r2.createCell(10).setCellValue("Sharing Foundation");
      wb.write(os);
    }

    SourcePull.Outcome out = f.pull("xlsx", null, "files: grants.xlsx\n");

    assertThat(out.result().recordsRead()).isEqualTo(2);
    assertThat(f.query(COSTS)).containsExactly(
        // 13-03-2026 + 30 months - 1 day; origin_row is the sheet row as Excel shows it
        "360G-X-1|kirklees-sharing|2026-03-13|2028-09-12|999.99|GBP|grant|Sharing Foundation|360G-X-1|grants.xlsx|2",
        // a date cell; a lower-case currency is upper-cased, never converted
        "360G-X-2|GB-COH-1|2026-04-02|2026-04-02|150.00|GBP|grant|Sharing Foundation|360G-X-2|grants.xlsx|4");
  }

  @Test
  void aGrantMissingARequiredFieldStopsThePullNamingFileAndLine() throws Exception {
    ConnectorFixture f = fixture();
    f.file("g.json", "{\"grants\": [\n"
        + " {\"id\": \"A\", \"title\": \"t\", \"currency\": \"GBP\", \"amountAwarded\": 1, \"awardDate\": \"2026-01-01\","
        + " \"recipientOrganization\": [{\"id\": \"R\", \"name\": \"r\"}], \"fundingOrganization\": [{\"id\": \"F\", \"name\": \"f\"}]},\n"
        + " {\"id\": \"B\", \"title\": \"t\", \"amountAwarded\": 1, \"awardDate\": \"2026-01-01\","
        + " \"recipientOrganization\": [{\"id\": \"R\", \"name\": \"r\"}], \"fundingOrganization\": [{\"id\": \"F\", \"name\": \"f\"}]}\n]}\n");
    assertThatThrownBy(() -> f.pull("g", null, "files: g.json\n")).isInstanceOf(SpotlightException.class)
        .satisfies(e -> {
          SpotlightException s = (SpotlightException) e;
          assertThat(s.kind()).isEqualTo(ExitKind.DATA);
          assertThat(s.getMessage()).contains("g.json:3").contains("grant 'B'").contains("no Currency");
        });
    assertThat(f.isEmpty(CanonicalTable.COSTS)).isTrue();
    assertThat(f.isEmpty(CanonicalTable.ACTIVITY)).isTrue();
  }

  @Test
  void badGrantsAreSkippedAndCountedPerReasonWithSkip() throws Exception {
    ConnectorFixture f = fixture();
    String ok = "360G-OK,t,x,GBP,10,2026-01-01,R,r,F,f";
    f.file("g.csv", "Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,"
        + "Funding Org:Identifier,Funding Org:Name\n"
        + ok + "\n"
        + ",t,x,GBP,10,2026-01-01,R,r,F,f\n"
        + "360G-2,t,x,GBP,\"1,000\",2026-01-01,R,r,F,f\n"
        + "360G-3,t,x,GBP,10,31/31/2026,R,r,F,f\n"
        + "360G-4,t,x,£,10,2026-01-01,R,r,F,f\n"
        + "360G-5,t,x,GBP,10,2026-01-01,,,F,f\n"
        + "360G-6,t,x,GBP,10,2026-01-01,R,r,,f\n");
    SourcePull.Outcome out = f.pull("g", null, "files: g.csv\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(7);
    assertThat(out.result().rowsKept()).isEqualTo(1);
    assertThat(out.result().skipped()).isEqualTo(Map.of("missing Identifier", 1L, "unreadable Amount Awarded", 1L,
        "unreadable Award Date", 1L, "unreadable Currency", 1L, "missing Recipient Org:Identifier", 1L, "missing Funding Org:Identifier", 1L));
    assertThat(f.query("SELECT cost_id, amount FROM costs")).containsExactly("360G-OK|10.00");

    assertThatThrownBy(() -> f.pull("g", null, "files: g.csv\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("g.csv:3:1").hasMessageContaining("no Identifier");
  }

  @Test
  void unreadableAmountsAndDatesNameTheValueAndColumn() throws Exception {
    ConnectorFixture f = fixture();
    f.file("g.csv", "Identifier,Title,Currency,Amount Awarded,Award Date,Planned Dates:Start Date,Recipient Org:Identifier,Recipient Org:Name,"
        + "Funding Org:Identifier,Funding Org:Name\n"
        + "360G-1,t,GBP,10,2026-01-01,next spring,R,r,F,f\n");
    assertThatThrownBy(() -> f.pull("g", null, "files: g.csv\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("g.csv:2:6").hasMessageContaining("cannot read 'next spring' as Planned Dates:Start Date");
  }

  @Test
  void truncatedOrForeignJsonIsOneLineAndLoadsNothing() throws Exception {
    ConnectorFixture f = fixture();
    String whole = new String(ThreeSixtyGivingConnectorTest.class.getResourceAsStream("/threesixtygiving/grants.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    f.file("cut.json", whole.substring(0, whole.length() / 2));
    assertThatThrownBy(() -> f.pull("g", null, "files: cut.json\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("cut.json:").hasMessageContaining("truncated JSON");
    assertThat(f.isEmpty(CanonicalTable.COSTS)).isTrue();

    f.file("other.json", "{\"activities\": []}");
    assertThatThrownBy(() -> f.pull("g", null, "files: other.json\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("not a 360Giving JSON package");

    f.file("bad.json", "{\"grants\": [ {\"id\": \"A\" \"title\": 1} ]}");
    assertThatThrownBy(() -> f.pull("g", null, "files: bad.json\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("bad.json:1:").hasMessageContaining("malformed JSON");
  }

  @Test
  void filesWithoutTheStandardsTitlesAreRefused() throws Exception {
    ConnectorFixture f = fixture();
    f.file("loans.csv", "loan_id,amount\n1,2\n");
    assertThatThrownBy(() -> f.pull("g", null, "files: loans.csv\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("no 'Amount Awarded' column").hasMessageContaining("loan_id, amount");
    Path xlsx = dir.resolve("other.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
      wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Identifier");
      wb.write(os);
    }
    assertThatThrownBy(() -> f.pull("g", null, "files: other.xlsx\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("no sheet has the 360Giving column title 'Amount Awarded'").hasMessageContaining("Sheet1");
    f.file("grants.txt", "x");
    assertThatThrownBy(() -> f.pull("g", null, "files: grants.txt\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("cannot tell the format");
  }

  private static final String FLAT_HEAD = "Identifier,Title,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,"
      + "Funding Org:Identifier,Funding Org:Name\n";

  @Test
  void shortAndYearFirstDayFormsAreRead() throws Exception {
    ConnectorFixture f = fixture();
    f.file("g.csv", "\uFEFF" + FLAT_HEAD + "A,t,GBP,1,1/4/2026,R,r,F,f\nB,t,GBP,1,2026/4/2,R,r,F,f\nC,t,GBP,1,3-4-2026,R,r,F,f\n");
    f.pull("g", null, "files: g.csv\n");
    assertThat(f.query("SELECT cost_id, period_start FROM costs ORDER BY 1")).containsExactly("A|2026-04-01", "B|2026-04-02", "C|2026-04-03");
  }

  @Test
  void multiLineDescriptionsAndWindowsLineEndsInACsvAreFineAndErrorsStillNameTheRightLine() throws Exception {
    ConnectorFixture f = fixture();
    f.file("g.csv", "Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,"
        + "Funding Org:Identifier,Funding Org:Name\r\n"
        + "A,t,\"Line one,\r\nline two\r\n\r\nline \"\"four\"\"\",GBP,10,2026-01-01,R,r,F,f\r\n"
        + "B,t,x,GBP,ten,2026-01-01,R,r,F,f\r\n");
    assertThatThrownBy(() -> f.pull("g", null, "files: g.csv\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("g.csv:6:5").hasMessageContaining("cannot read 'ten' as Amount Awarded");
    SourcePull.Outcome out = f.pull("g", null, "files: g.csv\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(2);
    assertThat(f.query("SELECT cost_id, amount FROM costs")).containsExactly("A|10.00");
  }

  @Test
  void anEmptyPackageOrSheetLoadsNoGrants() throws Exception {
    ConnectorFixture f = fixture();
    f.file("empty.json", "{\"grants\": []}");
    f.file("header-only.csv", FLAT_HEAD);
    SourcePull.Outcome out = f.pull("g", null, "files: [empty.json, header-only.csv]\n");
    assertThat(out.result().recordsRead()).isZero();
    assertThat(out.result().inputs()).hasSize(2);
    assertThat(out.written().costRows()).isZero();
  }

  @Test
  void aWindowsCsvNeedsItsEncodingAndSaysSo() throws Exception {
    ConnectorFixture f = fixture();
    Files.write(dir.resolve("g.csv"), (FLAT_HEAD + "A,Caf\u00e9,GBP,1,2026-01-01,R,Caf\u00e9 Ltd,F,f\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
    assertThatThrownBy(() -> f.pull("g", null, "files: g.csv\n")).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("g.csv").hasMessageContaining("encoding:");
    f.pull("g", null, "files: g.csv\nencoding: windows-1252\n");
    assertThat(f.query("SELECT cost_id, amount FROM costs")).containsExactly("A|1.00");
  }

  @Test
  void validateChecksOptionsWithoutReadingData() {
    ConnectorFixture f = fixture();
    Problems ok = new Problems(ExitKind.DEFINITION);
    new ThreeSixtyGivingConnector().validate(f.source("g", null, "files: not-there/*.json\nformat: XLSX\non_bad_row: skip\n"), ok);
    assertThat(ok.list()).isEmpty();
    Problems p = new Problems(ExitKind.DEFINITION);
    new ThreeSixtyGivingConnector().validate(f.source("g", null, "file: a.json\nformat: xml\non_bad_row: maybe\n"), p);
    assertThat(String.join("\n", p.list().stream().map(x -> x.render()).toList())).contains("unknown key 'file'")
        .contains("needs 'files:'").contains("unknown format 'xml'").contains("on_bad_row must be error or skip");
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().id())).contains("360giving");
  }
}
