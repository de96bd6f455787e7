package dev.spotlight.connectors.repair;

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
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenRepairConnectorTest {

  @TempDir Path dir;

  private ConnectorFixture fixture() {
    return new ConnectorFixture(dir, new OpenRepairConnector());
  }

  @Test
  void everyRecordIsAnAttemptAndFixedOnesAreAlsoFixes() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/repair/ords-v03.csv", "exports/ords-v03.csv");

    SourcePull.Outcome out = f.pull("hebden", "hebden-repair", "files: exports/*.csv\n");

    assertThat(out.result().recordsRead()).isEqualTo(5);
    assertThat(out.result().rowsKept()).isEqualTo(5);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.written().activityRows()).isEqualTo(7);
    assertThat(out.result().inputs()).singleElement().satisfies(i -> {
      assertThat(i.records()).isEqualTo(5);
      assertThat(i.sha256()).hasSize(64);
    });
    assertThat(f.query("SELECT event_id, event_type, outcome, occurred_on, month, strftime(occurred_at, '%Y-%m-%d %H:%M'), grantee, platform_kind,"
        + " origin, origin_row, participant, area_code FROM activity ORDER BY event_id"))
        .containsExactly(
            "hebden_101|repair.attempted|null|2026-10-31|2026-10|2026-10-31 00:00|hebden-repair|repair|exports/ords-v03.csv|1|null|null",
            "hebden_101:fixed|repair.fixed|item_repaired|2026-10-31|2026-10|2026-10-31 00:00|hebden-repair|repair|exports/ords-v03.csv|1|null|null",
            // local midnight in British Summer Time is 23:00 UTC the day before, still October locally
            "hebden_102|repair.attempted|null|2026-10-01|2026-10|2026-09-30 23:00|hebden-repair|repair|exports/ords-v03.csv|2|null|null",
            "hebden_102:fixed|repair.fixed|item_repaired|2026-10-01|2026-10|2026-09-30 23:00|hebden-repair|repair|exports/ords-v03.csv|2|null|null",
            "hebden_103|repair.attempted|null|2026-11-01|2026-11|2026-11-01 00:00|hebden-repair|repair|exports/ords-v03.csv|3|null|null",
            "hebden_104|repair.attempted|null|2026-09-30|2026-09|2026-09-29 23:00|hebden-repair|repair|exports/ords-v03.csv|4|null|null",
            "hebden_105|repair.attempted|null|2026-10-15|2026-10|2026-10-14 23:00|hebden-repair|repair|exports/ords-v03.csv|5|null|null");
    assertThat(f.query("SELECT event_id, attributes['product_category'], attributes['repair_status'], attributes['group_identifier'],"
        + " attributes['brand'], cardinality(attributes) FROM activity WHERE event_type = 'repair.attempted' ORDER BY event_id"))
        .containsExactly(
            "hebden_101|Kettle|Fixed|hebden-repair-cafe|Russell Hobbs|4",
            "hebden_102|Lamp|Fixed|hebden-repair-cafe|null|3",
            "hebden_103|Toaster|Repairable|hebden-repair-cafe|Dualit|4",
            "hebden_104|Laptop|Unknown|todmorden-repair|null|3",
            "hebden_105|Vacuum|End of life|todmorden-repair|Dyson|4");
  }

  @Test
  void freeTextProblemNeverReachesTheStore() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/repair/ords-v03.csv", "exports/ords-v03.csv");
    f.pull("hebden", "hebden-repair", "files: exports/ords-v03.csv\n");
    try (var files = Files.walk(f.store.root())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(p.toString()).doesNotContain("cleaned the contacts").doesNotContain("Replaced the flex").doesNotContain("Motor burnt");
      }
    }
  }

  @Test
  void readsVersion01ColumnsAndJsonTogether() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/repair/ords-v01.csv", "exports/ords-v01.csv");
    f.resource("/repair/ords.json", "exports/ords.json");

    SourcePull.Outcome out = f.pull("mixed", "restart", "files: [exports/ords-v01.csv, exports/ords.json]\n");

    assertThat(out.result().recordsRead()).isEqualTo(4);
    assertThat(out.result().inputs()).extracting(i -> i.records()).containsExactly(2L, 2L);
    assertThat(f.query("SELECT event_id, event_type, occurred_on, strftime(occurred_at, '%Y-%m-%d %H:%M'), attributes['product_category'],"
        + " attributes['repair_status'], attributes['brand'], origin_row FROM activity ORDER BY event_id"))
        .containsExactly(
            "anst_1|repair.attempted|2019-09-01|2019-08-31 23:00|Portable radio|Fixed|Sony|1",
            "anst_1:fixed|repair.fixed|2019-09-01|2019-08-31 23:00|Portable radio|Fixed|Sony|1",
            "anst_2|repair.attempted|2019-08-31|2019-08-30 23:00|Sewing machine|Repairable|null|2",
            // the clocks go forward at 01:00 on 29 March 2026: midnight is still GMT
            "json_1|repair.attempted|2026-03-29|2026-03-29 00:00|Mobile|Fixed|Nokia|1",
            "json_1:fixed|repair.fixed|2026-03-29|2026-03-29 00:00|Mobile|Fixed|Nokia|1",
            "json_2|repair.attempted|2026-03-28|2026-03-28 00:00|Mobile|Unknown|null|2");
  }

  @Test
  void areaParticipantAndFixedStatusesComeFromOptions() throws Exception {
    ConnectorFixture f = fixture();
    f.file("exports/r.csv", "id,product_category,repair_status,event_date,LSOA,visitor\n"
        + "r_1,Kettle,Repaired,2026-10-31,E01011001,ann@example.org\n"
        + "r_2,Lamp,Fixed,2026-10-31,E01011002,\n"
        + "r_3,Lamp,Partly repaired,2026-10-31,,bob@example.org\n");
    SourcePull.Outcome out = f.pull("r", "g", """
        files: exports/r.csv
        fixed_statuses: [repaired, "Partly Repaired"]
        area_column: lsoa
        participant_column: visitor
        """);
    assertThat(out.written().activityRows()).isEqualTo(5);
    assertThat(f.query("SELECT event_id, area_code, participant FROM activity ORDER BY event_id")).containsExactly(
        "r_1|E01011001|" + ConnectorFixture.hmac("ann@example.org"),
        "r_1:fixed|E01011001|" + ConnectorFixture.hmac("ann@example.org"),
        "r_2|E01011002|null",
        "r_3|null|" + ConnectorFixture.hmac("bob@example.org"),
        "r_3:fixed|null|" + ConnectorFixture.hmac("bob@example.org"));
  }

  @Test
  void standardColumnNamesWinOverOlderAliases() throws Exception {
    ConnectorFixture f = fixture();
    f.file("exports/both.csv", "date,ID,Repair Status,Event Date\n2019-01-01,x_1,Fixed,2026-10-31\n");
    f.pull("both", "g", "files: exports/both.csv\n");
    assertThat(f.query("SELECT event_id, occurred_on FROM activity ORDER BY 1")).containsExactly("x_1|2026-10-31", "x_1:fixed|2026-10-31");
  }

  @Test
  void badRecordStopsWithFileLineAndNothingIsWritten() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.resource("/repair/ords-bad.csv", "exports/ords-bad.csv");
    assertThatThrownBy(() -> f.pull("bad", "g", "files: exports/ords-bad.csv\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.kind().code()).isEqualTo(4);
          assertThat(e.problems().get(0).render()).startsWith(file + ":3:1: the record has no id (column 'id')");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void unreadableDateAndDuplicateIdAreNamed() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.file("exports/a.csv", "id,repair_status,event_date\nx_1,Fixed,2026-10-31\nx_2,Fixed,31/10/2026\n");
    assertThatThrownBy(() -> f.pull("a", "g", "files: exports/a.csv\n"))
        .hasMessageContaining(file + ":3:3: cannot read '31/10/2026' as a date in column 'event_date' (expected YYYY-MM-DD)");
    Path dup = f.file("exports/b.csv", "id,repair_status,event_date\nx_1,Fixed,2026-10-31\n\"x_1\",Fixed,2026-10-30\n");
    assertThatThrownBy(() -> f.pull("b", "g", "files: exports/b.csv\n"))
        .hasMessageContaining(dup + ":3:1: duplicate id 'x_1' (first seen at " + dup + ":2:1)");
  }

  @Test
  void skipCountsBadRecordsPerReason() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/repair/ords-bad.csv", "exports/ords-bad.csv");
    SourcePull.Outcome out = f.pull("bad", "g", "files: exports/ords-bad.csv\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(6);
    assertThat(out.result().rowsKept()).isEqualTo(1);
    assertThat(out.result().skipped()).containsOnly(
        java.util.Map.entry("missing id", 1L), java.util.Map.entry("unreadable event_date", 2L),
        java.util.Map.entry("duplicate id", 1L), java.util.Map.entry("missing event_date", 1L));
    assertThat(f.query("SELECT event_id, occurred_on FROM activity ORDER BY 1")).containsExactly("bad_1|2026-10-31", "bad_1:fixed|2026-10-31");
  }

  private static final String RAGGED = "id,repair_status,event_date\nr1,Fixed,2026-10-01\nr2,Fixed\nr3,Repairable,2026-10-02\n"
      + "r4,Fixed,2026-10-03,x\nr5,Fixed,2026-10-04\n";

  @Test
  void skipLeavesOutRowsWithTheWrongNumberOfFieldsAndKeepsRecordNumbers() throws Exception {
    ConnectorFixture f = fixture();
    f.file("exports/ragged.csv", RAGGED);
    SourcePull.Outcome out = f.pull("r", "g", "files: exports/ragged.csv\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(5);
    assertThat(out.result().rowsKept()).isEqualTo(3);
    assertThat(out.result().skipped()).containsOnly(java.util.Map.entry("wrong number of fields", 2L));
    assertThat(f.query("SELECT event_id, origin_row FROM activity ORDER BY event_id"))
        .containsExactly("r1|1", "r1:fixed|1", "r3|3", "r5|5", "r5:fixed|5");
  }

  @Test
  void withoutSkipARowWithTheWrongNumberOfFieldsStopsAtItsLine() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.file("exports/ragged.csv", RAGGED);
    assertThatThrownBy(() -> f.pull("r", "g", "files: exports/ragged.csv\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind().code()).isEqualTo(4);
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).render()).startsWith(file + ":3: expected 3 fields, found 2");
        });
    Path late = f.file("exports/late.csv", "id,repair_status,event_date\nr1,Fixed,31/10/2026\nr2,Fixed,2026-10-01,x\n");
    assertThatThrownBy(() -> f.pull("l", "g", "files: exports/late.csv\n"))
        .hasMessageStartingWith(late + ":2:3: cannot read '31/10/2026' as a date");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void aJsonArrayCutShortAfterACommaIsBadInputNotAPartialLoad() throws Exception {
    ConnectorFixture f = fixture();
    Path cut = f.file("exports/cut.json", "[{\"id\": \"r1\", \"repair_status\": \"Fixed\", \"event_date\": \"2026-10-01\"},\n"
        + "{\"id\": \"r2\", \"repair_status\": \"Fixed\", \"event_date\": \"2026-10-02\"},\n");
    assertThatThrownBy(() -> f.pull("cut", "g", "files: exports/cut.json\non_bad_row: skip\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind().code()).isEqualTo(4);
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).render()).isEqualTo(cut
              + ": the JSON array does not end with ']': the file is cut short (save or download the whole file again; nothing from it was loaded)");
        });
    assertThat(f.storeIsEmpty()).isTrue();
    f.file("exports/whole.json", "[{\"id\": \"r1\", \"repair_status\": \"Fixed\", \"event_date\": \"2026-10-01\"},\n"
        + "{\"id\": \"r2\", \"repair_status\": \"Fixed\", \"event_date\": \"2026-10-02\"}]\n");
    assertThat(f.pull("whole", "g", "files: exports/whole.json\n").result().rowsKept()).isEqualTo(2);
  }

  @Test
  void missingRequiredColumnIsAClearError() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.file("exports/agg.csv", "data_provider,product_category,repair_status,total\nFixit Clinic,Unpowered - Bicycle,Fixed,17\n");
    assertThatThrownBy(() -> f.pull("agg", "g", "files: exports/agg.csv\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).contains(file + ": not an Open Repair Data file: no 'id' column");
        });
    Path noDate = f.file("exports/nodate.csv", "id,repair_status,when\nx_1,Fixed,2026-10-31\n");
    assertThatThrownBy(() -> f.pull("nodate", "g", "files: exports/nodate.csv\n"))
        .hasMessageContaining(noDate + ": not an Open Repair Data file: no 'event_date' column (nor 'date')");
    assertThatThrownBy(() -> f.pull("area", "g", "files: exports/nodate.csv\narea_column: lsao\n"))
        .hasMessageContaining("no 'event_date' column");
  }

  @Test
  void optionColumnThatIsAbsentIsAnError() throws Exception {
    ConnectorFixture f = fixture();
    f.file("exports/a.csv", "id,repair_status,event_date,lsoa\nx_1,Fixed,2026-10-31,E1\n");
    assertThatThrownBy(() -> f.pull("a", "g", "files: exports/a.csv\narea_column: lsao\n"))
        .hasMessageContaining("area_column names column 'lsao' but the file has no such column")
        .hasMessageContaining("did you mean 'lsoa'?");
  }

  @Test
  void validateChecksOptionsWithoutReadingData() {
    ConnectorFixture f = fixture();
    Problems problems = new Problems(ExitKind.DEFINITION);
    new OpenRepairConnector().validate(f.source("s", null, "files: nowhere/*.csv\nfixed_status: [Fixed]\non_bad_row: maybe\nformat: xml\n"), problems);
    assertThat(problems.list()).extracting(p -> p.render()).anySatisfy(r -> assertThat(r).contains("unknown key 'fixed_status'").contains("did you mean 'fixed_statuses'?"))
        .anySatisfy(r -> assertThat(r).contains("on_bad_row must be error or skip, not 'maybe'"))
        .anySatisfy(r -> assertThat(r).contains("unknown format 'xml'"))
        .anySatisfy(r -> assertThat(r).contains("source 's' has no grantee"));
    Problems none = new Problems(ExitKind.DEFINITION);
    new OpenRepairConnector().validate(f.source("s", "g", "files: nowhere/*.csv\n"), none);
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().id())).contains("open-repair");
  }
}
