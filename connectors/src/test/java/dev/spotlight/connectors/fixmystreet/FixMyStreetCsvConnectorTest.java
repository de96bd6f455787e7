package dev.spotlight.connectors.fixmystreet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.SourcePull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixMyStreetCsvConnectorTest {

  @TempDir Path dir;

  private ConnectorFixture fixture() {
    return new ConnectorFixture(dir, new FixMyStreetCsvConnector());
  }

  @Test
  void reportsBecomeCreatedFixedAndClosedEventsWithLocalTimes() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/fixmystreet/dashboard.csv", "exports/fms/dashboard.csv");

    SourcePull.Outcome out = f.pull("fms-kirklees", "kirklees-council", "files: exports/fms/*.csv\n");

    assertThat(out.result().recordsRead()).isEqualTo(6);
    assertThat(out.result().rowsKept()).isEqualTo(6);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.written().activityRows()).isEqualTo(10);
    assertThat(out.result().inputs()).singleElement().satisfies(i -> assertThat(i.records()).isEqualTo(6));
    assertThat(f.query("SELECT event_id, event_type, outcome, strftime(occurred_at, '%Y-%m-%d %H:%M'), occurred_on, month, quantity,"
        + " grantee, platform_kind, origin_row FROM activity ORDER BY event_id"))
        .containsExactly(
            // 23:30 GMT on the last day of October stays in October
            "2101|report.created|null|2026-10-31 23:30|2026-10-31|2026-10|null|kirklees-council|civic_reporting|1",
            // 23:30 BST on 30 September is 22:30 UTC; the fix at 01:30 BST on 1 October falls in October
            "2102|report.created|null|2026-09-30 22:30|2026-09-30|2026-09|null|kirklees-council|civic_reporting|2",
            "2102:fixed|report.fixed|street_defect_fixed|2026-10-01 00:30|2026-10-01|2026-10|2.0|kirklees-council|civic_reporting|2",
            // the clocks go back on 25 October: noon to noon is 49 hours
            "2103|report.created|null|2026-10-24 11:00|2026-10-24|2026-10|null|kirklees-council|civic_reporting|3",
            "2103:fixed|report.fixed|street_defect_fixed|2026-10-26 12:00|2026-10-26|2026-10|49.0|kirklees-council|civic_reporting|3",
            "2104|report.created|null|2026-11-01 08:00|2026-11-01|2026-11|null|kirklees-council|civic_reporting|4",
            "2104:closed|report.closed|null|2026-11-02 09:00|2026-11-02|2026-11|null|kirklees-council|civic_reporting|4",
            "2105|report.created|null|2026-10-15 09:00|2026-10-15|2026-10|null|kirklees-council|civic_reporting|5",
            "2105:closed|report.closed|null|2026-10-20 15:45|2026-10-20|2026-10|null|kirklees-council|civic_reporting|5",
            // no Created time: Confirmed is used
            "2106|report.created|null|2026-10-05 06:15|2026-10-05|2026-10|null|kirklees-council|civic_reporting|6");
    assertThat(f.query("SELECT event_id, lat, lon, area_code, participant, counterpart, attributes['category'], attributes['status'],"
        + " attributes['ward'], attributes['site_used'], cardinality(attributes), origin FROM activity WHERE event_type = 'report.created' ORDER BY event_id"))
        .containsExactly(
            "2101|53.64512|-1.78231|null|null|null|Potholes|confirmed|Newsome|fixmystreet|4|exports/fms/dashboard.csv",
            "2102|53.650001|-1.79|null|null|null|Street lighting|fixed - council|Greenhead|kirklees|4|exports/fms/dashboard.csv",
            "2103|53.64|-1.8|null|null|null|Fly-tipping|Fixed - User|Crosland Moor and Netherton|fixmystreet|4|exports/fms/dashboard.csv",
            "2104|53.651|-1.781|null|null|null|Graffiti|closed|Newsome|kirklees|4|exports/fms/dashboard.csv",
            "2105|53.66|-1.77|null|null|null|Drainage|unable to fix|Dalton|fixmystreet|4|exports/fms/dashboard.csv",
            "2106|null|null|null|null|null|Bins|investigating|Almondbury|kirklees|4|exports/fms/dashboard.csv");
  }

  @Test
  void namesEmailsTitlesAndDetailsNeverReachTheStore() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/fixmystreet/dashboard.csv", "exports/dashboard.csv");
    f.pull("fms", "kirklees-council", "files: exports/dashboard.csv\n");
    try (var files = Files.walk(f.store.root())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(p.toString()).doesNotContain("Jo Bloggs").doesNotContain("jo.bloggs").doesNotContain("Sam Patel")
            .doesNotContain("Pothole outside").doesNotContain("bus stop").doesNotContain("HD1 2AB");
      }
    }
  }

  @Test
  void wardCanBecomeTheAreaCode() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/fixmystreet/dashboard.csv", "exports/dashboard.csv");
    f.pull("fms", "kirklees-council", "files: exports/dashboard.csv\narea_column: ward\n");
    assertThat(f.query("SELECT event_id, area_code FROM activity WHERE event_id LIKE '210%:%' ORDER BY 1"))
        .containsExactly("2102:fixed|Greenhead", "2103:fixed|Crosland Moor and Netherton", "2104:closed|Newsome", "2105:closed|Dalton");
  }

  @Test
  void renamedAndMissingOptionalColumnsAreRecognised() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/fixmystreet/renamed.csv", "exports/renamed.csv");
    SourcePull.Outcome out = f.pull("fms", "g", "files: exports/renamed.csv\n");
    assertThat(out.written().activityRows()).isEqualTo(2);
    assertThat(f.query("SELECT event_id, event_type, strftime(occurred_at, '%Y-%m-%d %H:%M'), lat, lon, attributes['category'], attributes['status'],"
        + " cardinality(attributes) FROM activity ORDER BY 1"))
        .containsExactly(
            "R1|report.created|2026-10-31 09:00|53.6|-1.7|Potholes|action scheduled|2",
            "R2|report.created|2026-10-31 10:00|null|null|Potholes|confirmed|2");
  }

  @Test
  void missingRequiredColumnsAreClearErrors() throws Exception {
    ConnectorFixture f = fixture();
    Path noId = f.file("exports/a.csv", "Reference,Category,Created\n1,Potholes,2026-10-31T09:00:00\n");
    assertThatThrownBy(() -> f.pull("a", "g", "files: exports/a.csv\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).contains(noId + ": not a FixMyStreet dashboard export: no 'Report ID' column");
          assertThat(e.problems().get(0).hint()).contains("Reference, Category, Created");
        });
    Path noTime = f.file("exports/b.csv", "Report ID,Category,Fixed\n1,Potholes,2026-10-31T09:00:00\n");
    assertThatThrownBy(() -> f.pull("b", "g", "files: exports/b.csv\n"))
        .hasMessageContaining(noTime + ": not a FixMyStreet dashboard export: no 'Created' or 'Confirmed' column");
    f.file("exports/c.csv", "Report ID,Created,Ward\n1,2026-10-31T09:00:00,Newsome\n");
    assertThatThrownBy(() -> f.pull("c", "g", "files: exports/c.csv\narea_column: Wards\n"))
        .hasMessageContaining("area_column names column 'Wards' but the file has no such column").hasMessageContaining("did you mean 'Ward'?");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void badReportStopsWithFileLineAndColumn() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.resource("/fixmystreet/bad.csv", "exports/bad.csv");
    assertThatThrownBy(() -> f.pull("bad", "g", "files: exports/bad.csv\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.kind().code()).isEqualTo(4);
          assertThat(e.problems().get(0).render()).startsWith(file + ":3:1: the report has no id (column 'Report ID')");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void eachKindOfBadReportIsNamed() throws Exception {
    ConnectorFixture f = fixture();
    String header = "Report ID,Created,Confirmed,Fixed,Closed,Status,Latitude,Longitude\n";
    Map<String, String> cases = Map.of(
        "1,01/10/2026 09:00,,,,confirmed,,\n", ":2:2: cannot read '01/10/2026 09:00' as a date-time in column 'Created'",
        "1,,2026-13-01T09:00:00,,,confirmed,,\n", ":2:3: cannot read '2026-13-01T09:00:00' as a date-time in column 'Confirmed'",
        "1,2026-10-01T09:00:00,,soon,,fixed,,\n", ":2:4: cannot read 'soon' as a date-time in column 'Fixed'",
        "1,2026-10-01T09:00:00,,,,Fixed - council,,\n", ":2:6: status 'Fixed - council' says fixed but the Fixed column is empty",
        "1,2026-10-02T09:00:00,,2026-10-01T09:00:00,,fixed,,\n", ":2:4: the Fixed time is before the Created time",
        "1,2026-10-02T09:00:00,,,,confirmed,53.6,west\n", ":2:7: cannot read 'west' as a latitude or longitude",
        "1,,,,,confirmed,,\n", ":2:2: the report has neither a Created nor a Confirmed time",
        "1,2026-10-02T09:00:00,,,,confirmed,,\n1,2026-10-03T09:00:00,,,,confirmed,,\n", ":3:1: duplicate Report ID '1' (first seen at ");
    int i = 0;
    for (var c : cases.entrySet()) {
      Path file = f.file("exports/case" + i + ".csv", header + c.getKey());
      String options = "files: exports/case" + i++ + ".csv\n";
      assertThatThrownBy(() -> f.pull("s", "g", options)).as(c.getKey()).hasMessageContaining(file + c.getValue());
    }
  }

  @Test
  void skipCountsBadReportsPerReason() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/fixmystreet/bad.csv", "exports/bad.csv");
    SourcePull.Outcome out = f.pull("bad", "g", "files: exports/bad.csv\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(9);
    assertThat(out.result().rowsKept()).isEqualTo(1);
    assertThat(out.result().skipped()).containsOnly(
        Map.entry("missing report id", 1L), Map.entry("unreadable created time", 1L), Map.entry("fixed status without a fixed time", 1L),
        Map.entry("fixed before created", 1L), Map.entry("unreadable latitude or longitude", 1L), Map.entry("duplicate report id", 1L),
        Map.entry("missing created time", 1L), Map.entry("unreadable closed time", 1L));
    assertThat(f.query("SELECT event_id, quantity, attributes['ward'] FROM activity ORDER BY 1")).containsExactly("3001|null|Newsome", "3001:fixed|12.0|Newsome");
  }

  private static final String HEADER = "Report ID,Created,Confirmed,Fixed,Closed,Status,Latitude,Longitude\n";

  /**
   * Records 2, 4 and 6 have the wrong number of fields; record 5 spans lines 6 and 7; record 7 has a
   * bad time; record 8 ends with a delimiter, an empty ninth field DuckDB reads as 8 fields.
   */
  private static final String RAGGED = HEADER
      + "1,2026-10-01T09:00:00,,,,confirmed,,\n"
      + "2,2026-10-01T09:00:00,,,,confirmed,,,extra\n"
      + "3,2026-10-02T09:00:00,,2026-10-03T09:00:00,,fixed,53.6,-1.7\n"
      + "4,2026-10-02T09:00:00\n"
      + "5,2026-10-04T10:00:00,,,,\"closed\nby council\",,\n"
      + "6,2026-10-05T09:00:00,,,,confirmed,,,x\n"
      + "7,soon,,,,confirmed,,\n"
      + "8,2026-10-06T09:00:00,,,,confirmed,,,\n";

  @Test
  void skipLeavesOutRowsWithTheWrongNumberOfFieldsAndKeepsRecordNumbers() throws Exception {
    ConnectorFixture f = fixture();
    f.file("exports/ragged.csv", RAGGED);
    SourcePull.Outcome out = f.pull("r", "g", "files: exports/ragged.csv\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(8);
    assertThat(out.result().inputs()).singleElement().satisfies(i -> assertThat(i.records()).isEqualTo(8));
    assertThat(out.result().rowsKept()).isEqualTo(4);
    assertThat(out.result().skipped()).containsOnly(Map.entry("wrong number of fields", 3L), Map.entry("unreadable created time", 1L));
    assertThat(f.query("SELECT event_id, origin_row, attributes['status'] FROM activity ORDER BY event_id"))
        .containsExactly("1|1|confirmed", "3|3|fixed", "3:fixed|3|fixed", "5|5|closed\nby council", "8|8|confirmed");
  }

  @Test
  void withoutSkipARowWithTheWrongNumberOfFieldsStopsAtItsLine() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.file("exports/ragged.csv", RAGGED);
    assertThatThrownBy(() -> f.pull("r", "g", "files: exports/ragged.csv\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind().code()).isEqualTo(4);
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).render()).startsWith(file + ":3: expected 8 fields, found 9");
        });
    assertThat(f.storeIsEmpty()).isTrue();
    // the first bad record in file order is the one reported, whichever kind it is
    Path bad = f.file("exports/bad-first.csv", HEADER + "1,soon,,,,confirmed,,\n2,2026-10-01T09:00:00\n");
    assertThatThrownBy(() -> f.pull("b", "g", "files: exports/bad-first.csv\n"))
        .hasMessageStartingWith(bad + ":2:2: cannot read 'soon' as a date-time in column 'Created'");
    Path quoted = f.file("exports/quoted.csv", HEADER + "1,2026-10-01T09:00:00,,,,\"a\nb\",,\n2,soon\n3,soon,,,,confirmed,,\n");
    assertThatThrownBy(() -> f.pull("q", "g", "files: exports/quoted.csv\n")).hasMessageStartingWith(quoted + ":4: expected 8 fields, found 2");
    // a ragged record in the first file comes before a bad report in the second
    f.file("two/a.csv", HEADER + "1,2026-10-01T09:00:00,,,,confirmed,,\n2,2026-10-01T09:00:00,,,,confirmed,,\n3,x\n");
    f.file("two/b.csv", HEADER + "4,soon,,,,confirmed,,\n");
    assertThatThrownBy(() -> f.pull("t", "g", "files: two/*.csv\n")).hasMessageStartingWith(dir.resolve("two/a.csv") + ":4: expected 8 fields, found 2");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void validateChecksOptionsWithoutReadingData() {
    ConnectorFixture f = fixture();
    Problems problems = new Problems(ExitKind.DEFINITION);
    new FixMyStreetCsvConnector().validate(f.source("s", null, "files: nowhere/*.csv\narea_colum: Ward\non_bad_row: ignore\n"), problems);
    assertThat(problems.list()).extracting(p -> p.render())
        .anySatisfy(r -> assertThat(r).contains("unknown key 'area_colum'").contains("did you mean 'area_column'?"))
        .anySatisfy(r -> assertThat(r).contains("on_bad_row must be error or skip, not 'ignore'"))
        .anySatisfy(r -> assertThat(r).contains("source 's' has no grantee"));
    Problems missing = new Problems(ExitKind.DEFINITION);
    new FixMyStreetCsvConnector().validate(f.source("s", "g", "on_bad_row: skip\n"), missing);
    assertThat(missing.list()).extracting(p -> p.render()).anySatisfy(r -> assertThat(r).contains("fixmystreet-csv source needs 'files:'"));
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().id())).contains("fixmystreet-csv", "open-repair");
  }
}
