package dev.spotlight.connectors.smartcitizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.Connectors;
import dev.spotlight.connectors.SourcePull;
import dev.spotlight.connectors.files.Checksums;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartCitizenConnectorTest {

  @TempDir Path dir;

  private static String hmac(String id) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SmartCitizenFixture.KEY, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void everySensorValueBecomesOneReadingAndNullsAreFiltered() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    Path csv = f.resource("sck-balcony.csv", "exports/sck-balcony.csv");
    SourcePull.Outcome out = f.pull("balcony", "files: exports/*.csv");

    // 6 data rows x 4 sensors = 24 values: 15 numbers, 9 null/none/empty; 2 local days
    assertThat(out.result().recordsRead()).isEqualTo(24);
    assertThat(out.result().filtered()).isEqualTo(9);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.result().rowsKept()).isEqualTo(17);
    assertThat(out.written().activityRows()).isEqualTo(17);
    assertThat(out.result().inputs()).singleElement().satisfies(i -> {
      assertThat(i.path()).isEqualTo(csv.toString());
      assertThat(i.records()).isEqualTo(6);
      assertThat(i.sha256()).isEqualTo(Checksums.sha256(csv));
    });

    assertThat(f.query("SELECT event_type, count(*) FROM activity GROUP BY 1 ORDER BY 1"))
        .containsExactly("device.active|2", "reading.recorded|15");
    assertThat(f.query("SELECT attributes['sensor'], count(*) FROM activity WHERE event_type = 'reading.recorded' GROUP BY 1 ORDER BY 1"))
        .containsExactly("HUM|4", "NOISE_A|4", "PM_25|2", "TEMP|5");
    // the +01:00 offset is honoured: 00:15 BST on 1 April is 23:15 UTC on 31 March, but the local day is 1 April
    assertThat(f.query("SELECT event_id, occurred_at, occurred_on, month, quantity, attributes['unit'], attributes['sensor_name'],"
        + " attributes['sensor_id'], attributes['device'], platform_kind, grantee, origin, origin_row, participant IS NULL"
        + " FROM activity WHERE event_id = 'sck-balcony/2025-03-31T23:15:00Z/TEMP'"))
        .containsExactly("sck-balcony/2025-03-31T23:15:00Z/TEMP|2025-03-31T23:15Z|2025-04-01|2025-04|12.1|C|Temperature|55|sck-balcony"
            + "|sensing|air-project|exports/sck-balcony.csv|5|true");
    assertThat(f.query("SELECT event_id, quantity, attributes['unit'] FROM activity WHERE attributes['sensor'] = 'PM_25' ORDER BY 1"))
        .containsExactly("sck-balcony/2025-03-31T23:00:00Z/PM_25|7.5|ug/m3", "sck-balcony/2025-03-31T23:15:00Z/PM_25|8.0|ug/m3");
    // 23:00 UTC on 31 March is midnight in London: the reading belongs to April
    assertThat(f.query("SELECT occurred_on, month FROM activity WHERE event_id = 'sck-balcony/2025-03-31T23:00:00Z/TEMP'"))
        .containsExactly("2025-04-01|2025-04");
    // null, none, NONE and empty cells, and the all-null row, produce nothing
    assertThat(f.query("SELECT count(*) FROM activity WHERE event_id IN ('sck-balcony/2025-03-31T22:30:00Z/PM_25',"
        + " 'sck-balcony/2025-03-31T22:59:30Z/HUM', 'sck-balcony/2025-03-31T23:00:00Z/NOISE_A', 'sck-balcony/2025-04-01T10:00:00Z/PM_25')"
        + " OR occurred_at = TIMESTAMPTZ '2025-03-31 23:30:00+00'")).containsExactly("0");
    assertThat(f.query("SELECT event_id, occurred_at, occurred_on, month, quantity, attributes['device'], origin_row FROM activity"
        + " WHERE event_type = 'device.active' ORDER BY 1"))
        .containsExactly(
            "sck-balcony/2025-03-31|2025-03-31T22:30Z|2025-03-31|2025-03|5.0|sck-balcony|1",
            "sck-balcony/2025-04-01|2025-03-31T23:00Z|2025-04-01|2025-04|10.0|sck-balcony|3");
    assertThat(f.query("SELECT month, count(*) FROM activity GROUP BY 1 ORDER BY 1")).containsExactly("2025-03|6", "2025-04|11");
    // a device is not a person: no participant; the device id is the (pseudonymised) counterpart
    assertThat(f.query("SELECT count(*) FILTER (WHERE participant IS NOT NULL), count(DISTINCT counterpart), min(counterpart) FROM activity"))
        .containsExactly("0|1|" + hmac("sck-balcony"));
    assertThat(f.query("SELECT count(DISTINCT event_id) FROM activity")).containsExactly("17");
  }

  @Test
  void sensorsOptionKeepsOnlyTheListedColumns() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("sck-balcony.csv", "sck-balcony.csv");
    SourcePull.Outcome out = f.pull("balcony", "files: sck-balcony.csv\nsensors: [TEMP, noise_a]");
    assertThat(out.result().recordsRead()).isEqualTo(12);
    assertThat(out.result().filtered()).isEqualTo(3);
    assertThat(out.result().rowsKept()).isEqualTo(9 + 2);
    assertThat(f.query("SELECT attributes['sensor'], count(*) FROM activity WHERE event_type = 'reading.recorded' GROUP BY 1 ORDER BY 1"))
        .containsExactly("NOISE_A|4", "TEMP|5");
  }

  @Test
  void aSensorNoFileHasIsBadInputWithASuggestion() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("sck-balcony.csv", "sck-balcony.csv");
    assertThatThrownBy(() -> f.pull("balcony", "files: sck-balcony.csv\nsensors: [TEMP, HUMM]"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).contains("sensors: lists 'HUMM' but no file has that sensor column").contains("did you mean 'HUM'?");
        });
  }

  @Test
  void deviceComesFromTheFolderWhenTheSdCardNamedTheFileByDate() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("kit-42/20-09-02.CSV", "sd/kit-42/20-09-02.CSV");
    f.resource("sck-balcony.csv", "sd/sck-balcony.csv");
    SourcePull.Outcome out = f.pull("kits", "files: [sd/sck-balcony.csv, \"sd/kit-42/*.CSV\"]");
    assertThat(out.result().inputs()).hasSize(2);
    assertThat(out.result().recordsRead()).isEqualTo(24 + 4);
    assertThat(f.query("SELECT attributes['device'], event_type, count(*) FROM activity GROUP BY ALL ORDER BY 1, 2"))
        .containsExactly("kit-42|device.active|1", "kit-42|reading.recorded|4", "sck-balcony|device.active|2", "sck-balcony|reading.recorded|15");
    assertThat(f.query("SELECT quantity, attributes['unit'], occurred_on FROM activity WHERE event_id = 'kit-42/2020-09-02T15:35:19Z/BATT'"))
        .containsExactly("-1.0|%|2020-09-02");
  }

  @Test
  void deviceOptionNamesTheDeviceOfEveryFile() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("kit-42/20-09-02.CSV", "20-09-02.CSV");
    f.pull("roof", "files: \"*.CSV\"\ndevice: roof-1");
    assertThat(f.query("SELECT event_id FROM activity ORDER BY 1")).containsExactly(
        "roof-1/2020-09-02",
        "roof-1/2020-09-02T15:35:19Z/BATT", "roof-1/2020-09-02T15:35:19Z/TEMP",
        "roof-1/2020-09-02T15:35:49Z/BATT", "roof-1/2020-09-02T15:35:49Z/TEMP");
  }

  @Test
  void deviceNamesFromFiles() {
    assertThat(SmartCitizenConnector.deviceOf(Path.of("/x/exports/sck-1616.csv"))).isEqualTo("sck-1616");
    assertThat(SmartCitizenConnector.deviceOf(Path.of("/x/sck-1616/20-09-02.CSV"))).isEqualTo("sck-1616");
    assertThat(SmartCitizenConnector.deviceOf(Path.of("/x/sck-1616/2020-09-02.csv"))).isEqualTo("sck-1616");
    assertThat(SmartCitizenConnector.deviceOf(Path.of("/x/y/balcony"))).isEqualTo("balcony");
  }

  @Test
  void aNonNumericValueStopsThePullWithFileLineAndColumn() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("bad-values.csv", "bad-values.csv");
    assertThatThrownBy(() -> f.pull("bad", "files: bad-values.csv"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).location()).isEqualTo(new Location(dir.resolve("bad-values.csv").toString(), 6, 3));
          assertThat(e.problems().get(0).render())
              .contains("bad-values.csv:6:3: cannot read 'wet' as a number in sensor column 'HUM'")
              .contains("on_bad_row: skip");
        });
  }

  @Test
  void anUnreadableTimeStopsThePullAtTheTimeColumn() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("t.csv", "TIME,TEMP\nISO 8601,C\nTime,Temperature\n,55\n2025-01-01T00:00:00Z,1\n\nyesterday,null\n");
    assertThatThrownBy(() -> f.pull("bad", "files: t.csv"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          // line 7: the blank line 6 is counted
          assertThat(e.problems().get(0).render()).contains("t.csv:7:1: cannot read TIME 'yesterday' as an ISO 8601 date-time");
        });
  }

  @Test
  void skipDropsBadRowsAndCountsTheirValues() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("bad-values.csv", "bad-values.csv");
    SourcePull.Outcome out = f.pull("bad", "files: bad-values.csv\non_bad_row: skip");
    assertThat(out.result().recordsRead()).isEqualTo(10);
    assertThat(out.result().skipped()).containsOnly(
        entry(SmartCitizenConnector.REASON_VALUE, 2L), entry(SmartCitizenConnector.REASON_TIME, 2L));
    assertThat(out.result().filtered()).isEqualTo(1);
    assertThat(out.result().rowsKept()).isEqualTo(5 + 1);
    assertThat(f.query("SELECT event_id, quantity FROM activity WHERE event_type = 'reading.recorded' ORDER BY 1")).containsExactly(
        "bad-values/2025-01-01T00:00:00Z/HUM|40.0", "bad-values/2025-01-01T00:00:00Z/TEMP|1.5",
        "bad-values/2025-01-01T00:02:00Z/HUM|42.0",
        "bad-values/2025-01-01T00:04:00Z/HUM|44.0", "bad-values/2025-01-01T00:04:00Z/TEMP|1.9");
  }

  @Test
  void aFileWithFewerThanFourHeaderRowsIsRefused() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("one-header-row.csv", "one-header-row.csv");
    assertThatThrownBy(() -> f.pull("short", "files: one-header-row.csv"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          Problem p = e.problems().get(0);
          assertThat(p.render()).contains("one-header-row.csv:2: the file has 1 header row where a Smart Citizen SD-card export has 4");
          assertThat(p.hint()).contains("sensor keys").contains("units").contains("sensor ids");
        });
    f.file("three.csv", "TIME,TEMP\nISO 8601,C\nTime,Temperature\n2025-01-01T00:00:00Z,1\n");
    assertThatThrownBy(() -> f.pull("short", "files: three.csv"))
        .hasMessageContaining("three.csv:4: the file has 3 header rows where a Smart Citizen SD-card export has 4");
    f.file("tiny.csv", "TIME,TEMP\nISO 8601,C\n");
    assertThatThrownBy(() -> f.pull("short", "files: tiny.csv"))
        .hasMessageContaining("tiny.csv:3: the file has 2 header rows");
  }

  @Test
  void aFileThatIsNotAnSdCardExportIsRefused() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("kits.csv", "id,name,slug\nISO,x,y\na,b,c\n,2,3\n5,SCK,\"sck:1,0\"\n");
    assertThatThrownBy(() -> f.pull("kits", "files: kits.csv"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.getMessage()).contains("kits.csv:1:1: the first column is 'id', not TIME");
        });
  }

  @Test
  void aRaggedDataRowIsBadInputWithItsLine() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("r.csv", "TIME,TEMP,HUM\nISO 8601,C,%\nTime,Temperature,Humidity\n,55,56\n2025-01-01T00:00:00Z,1,2\n2025-01-01T00:01:00Z,1\n");
    assertThatThrownBy(() -> f.pull("r", "files: r.csv"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.getMessage()).contains("r.csv:6");
        });
  }

  @Test
  void skipLeavesOutRaggedRowsCountingTheirValuesAndKeepsRowNumbers() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("r.csv", "TIME,TEMP,HUM\nISO 8601,C,%\nTime,Temperature,Humidity\n,55,56\n"
        + "2025-01-01T00:00:00Z,1,2\n"          // line 5, row 1
        + "2025-01-01T00:01:00Z,1\n"            // line 6, row 2: too few
        + "\n"                                  // line 7, blank
        + "2025-01-01T00:02:00Z,3,4,5\n"        // line 8, row 3: too many
        + "2025-01-01T00:03:00Z,6,7\n");        // line 9, row 4
    assertThatThrownBy(() -> f.pull("r", "files: r.csv")).hasMessageContaining("r.csv:6");
    var out = f.pull("r", "files: r.csv\non_bad_row: skip");
    // two sensors per row: 2 rows read with 4 values kept, 2 rows left out with the 4 values they would have given
    assertThat(out.result().skipped()).containsOnly(java.util.Map.entry("wrong number of fields (values of the row)", 4L));
    assertThat(out.result().recordsRead()).isEqualTo(8);
    assertThat(out.result().inputs().get(0).records()).isEqualTo(4);
    assertThat(f.query("SELECT attributes['sensor'], quantity, origin_row FROM activity WHERE event_type = 'reading.recorded' ORDER BY origin_row, 1"))
        .containsExactly("HUM|2.0|1", "TEMP|1.0|1", "HUM|7.0|4", "TEMP|6.0|4");
  }

  @Test
  void skipDoesNotCoverAnUnclosedQuote() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("q.csv", "TIME,TEMP,HUM\nISO 8601,C,%\nTime,Temperature,Humidity\n,55,56\n2025-01-01T00:00:00Z,1,2\n2025-01-01T00:01:00Z,\"1,2\n");
    assertThatThrownBy(() -> f.pull("q", "files: q.csv\non_bad_row: skip"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.getMessage()).contains("q.csv:6").contains("unterminated quote");
        });
    assertThat(f.store.parquetFiles(CanonicalTable.ACTIVITY)).isEmpty();
  }

  @Test
  void timesWithoutAnOffsetAreUtcAsTheKitLogsThem() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("k.csv", "TIME,TEMP\nISO 8601,C\nTime,Temperature\n,55\n2025-06-30 23:30:00,20\n2025-07-01T00:30:00.500Z,21\n");
    f.pull("k", "files: k.csv");
    assertThat(f.query("SELECT event_id, occurred_at, occurred_on FROM activity WHERE event_type = 'reading.recorded' ORDER BY 1")).containsExactly(
        "k/2025-06-30T23:30:00Z/TEMP|2025-06-30T23:30Z|2025-07-01",
        "k/2025-07-01T00:30:00.500000Z/TEMP|2025-07-01T00:30:00.500Z|2025-07-01");
    assertThat(f.query("SELECT event_id, quantity FROM activity WHERE event_type = 'device.active'")).containsExactly("k/2025-07-01|2.0");
  }

  @Test
  void overlappingFilesOfOneDeviceAreDuplicatesUnlessSkipped() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    String head = "TIME,TEMP\nISO 8601,C\nTime,Temperature\n,55\n";
    f.file("kit/a.csv", head + "2025-01-01T00:00:00Z,1\n2025-01-01T00:01:00Z,2\n");
    f.file("kit/b.csv", head + "2025-01-01T00:01:00+00:00,9\n2025-01-01T00:02:00Z,3\n");
    assertThatThrownBy(() -> f.pull("kit", "files: kit/*.csv\ndevice: kit-1"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.getMessage())
            .contains("b.csv:5:2: duplicate reading of sensor 'TEMP' of device 'kit-1' at 2025-01-01T00:01:00Z (first seen at ")
            .contains("a.csv:6)"));
    SourcePull.Outcome out = f.pull("kit", "files: kit/*.csv\ndevice: kit-1\non_bad_row: skip");
    assertThat(out.result().skipped()).containsOnly(entry(SmartCitizenConnector.REASON_DUPLICATE, 1L));
    assertThat(out.result().rowsKept()).isEqualTo(3 + 1);
    assertThat(f.query("SELECT event_id, quantity FROM activity ORDER BY 1")).containsExactly(
        "kit-1/2025-01-01|3.0", "kit-1/2025-01-01T00:00:00Z/TEMP|1.0", "kit-1/2025-01-01T00:01:00Z/TEMP|2.0", "kit-1/2025-01-01T00:02:00Z/TEMP|3.0");
  }

  @Test
  void nanIsNoReadingButInfinityIsABadValueAndABomIsAccepted() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("n.csv", "\uFEFFTIME,TEMP,HUM\nISO 8601,C,%\nTime,Temperature,Humidity\n,55,56\n2025-01-01T00:00:00Z,NaN,Null\n2025-01-01T00:01:00Z, 2.5 ,inf\n");
    assertThatThrownBy(() -> f.pull("n", "files: n.csv")).hasMessageContaining("n.csv:6:3: cannot read 'inf' as a number in sensor column 'HUM'");
    f.file("m.csv", "\uFEFFTIME,TEMP,HUM\nISO 8601,C,%\nTime,Temperature,Humidity\n,55,56\n2025-01-01T00:00:00Z,NaN,Null\n2025-01-01T00:01:00Z, 2.5 ,\n");
    SourcePull.Outcome out = f.pull("m", "files: m.csv");
    assertThat(out.result().filtered()).isEqualTo(3);
    assertThat(f.query("SELECT event_id, quantity FROM activity WHERE event_type = 'reading.recorded'")).containsExactly("m/2025-01-01T00:01:00Z/TEMP|2.5");
  }

  @Test
  void aFileWithOnlyHeaderRowsGivesNoEvents() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.file("e.csv", "TIME,TEMP\nISO 8601,C\nTime,Temperature\n,55\n");
    SourcePull.Outcome out = f.pull("e", "files: e.csv");
    assertThat(out.result().recordsRead()).isZero();
    assertThat(out.result().rowsKept()).isZero();
    assertThat(out.result().inputs()).singleElement().satisfies(i -> assertThat(i.records()).isZero());
  }

  @Test
  void validateChecksOptionsWithoutReadingData() {
    SmartCitizenConnector connector = new SmartCitizenConnector();
    Problems problems = new Problems(ExitKind.DEFINITION);
    connector.validate(SmartCitizenFixture.source("s", null, "files: nowhere/*.csv\nsensor: [TEMP]\non_bad_row: ignore", dir), problems);
    assertThat(problems.list()).extracting(Problem::render).anySatisfy(r -> assertThat(r).contains("unknown key 'sensor'").contains("did you mean 'sensors'?"))
        .anySatisfy(r -> assertThat(r).contains("on_bad_row must be error or skip, not 'ignore'"))
        .anySatisfy(r -> assertThat(r).contains("source 's' has no grantee"))
        .hasSize(3);
    Problems none = new Problems(ExitKind.DEFINITION);
    connector.validate(SmartCitizenFixture.source("s", "g", "files: nowhere/*.csv\ndevice: sck-1\nsensors: [TEMP, NOISE_A]", dir), none);
    assertThat(none.list()).isEmpty();
    Problems missing = new Problems(ExitKind.DEFINITION);
    connector.validate(SmartCitizenFixture.source("s", "g", "files:\ndevice: \"\"", dir), missing);
    assertThat(missing.list()).extracting(Problem::render)
        .anySatisfy(r -> assertThat(r).contains("needs 'files:'"))
        .anySatisfy(r -> assertThat(r).contains("device must not be empty"));
  }

  @Test
  void pullRefusesBadOptionsAsADefinitionError() throws Exception {
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    f.resource("sck-balcony.csv", "sck-balcony.csv");
    assertThatThrownBy(() -> f.pull("b", "files: sck-balcony.csv\nfile: x"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION));
    assertThatThrownBy(() -> f.pull("b", "files: missing/*.csv"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DATA))
        .hasMessageContaining("no file matches 'missing/*.csv'");
  }

  @Test
  void theConnectorIsInstalled() {
    assertThat(Connectors.installed().get("smartcitizen", Location.NONE)).isInstanceOf(SmartCitizenConnector.class);
    assertThat(new SmartCitizenConnector().options()).extracting(o -> o.name()).containsExactly("files", "device", "sensors", "on_bad_row",
        "devices", "rollup", "url", "token_env", "window_days");
  }
}
