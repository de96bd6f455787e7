package dev.spotlight.connectors.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.connectors.ConnectorFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapped connector on real public exports from ../shared/realdata (skipped, saying why, when absent). */
class MappedRealDataTest {

  @TempDir Path dir;

  private static Path realdata() {
    String p = System.getProperty("spotlight.realdata", "../../shared/realdata");
    Path path = Path.of(p);
    assumeTrue(Files.isDirectory(path), "real data folder " + path.toAbsolutePath() + " is absent; these tests need ../shared/realdata");
    return path;
  }

  @Test
  void openRepairDataFromFixitClinicLoadsEveryRecord() throws Exception {
    Path csv = realdata().resolve("openrepair/FixitClinic-202507/OpenRepairData_v0.3_FixitClinic_202507.csv");
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    var attempts = f.pull("fixit-attempts", "fixit-clinic", """
        files: %s
        platform_kind: repair
        mapping:
          event_id: id
          occurred_at: event_date
          event_type: { value: repair.attempted }
          attributes: [product_category, repair_status]
        """.formatted(csv.toAbsolutePath()));
    var fixes = f.pull("fixit-fixes", "fixit-clinic", """
        files: %s
        platform_kind: repair
        mapping:
          event_id: id
          occurred_at: event_date
          event_type: { column: repair_status, values: { Fixed: repair.fixed }, otherwise: skip }
        """.formatted(csv.toAbsolutePath()));
    long records;
    long fixed;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE repair_status = 'Fixed') FROM read_csv('"
            + csv.toAbsolutePath() + "', header = true, all_varchar = true)")) {
      rs.next();
      records = rs.getLong(1);
      fixed = rs.getLong(2);
    }
    assertThat(records).isEqualTo(1033);
    assertThat(attempts.result().rowsKept()).isEqualTo(records);
    assertThat(fixes.result().rowsKept()).isEqualTo(fixed);
    assertThat(fixes.result().filtered()).isEqualTo(records - fixed);
    assertThat(f.query("SELECT count(*), count(*) FILTER (WHERE outcome = 'item_repaired') FROM activity"))
        .containsExactly((records + fixed) + "|" + fixed);
  }

  @Test
  void fixMyStreetOpen311JsonWithOffsetsLoads() throws Exception {
    Path json = realdata().resolve("fixmystreet/process_report_file_valid_data.json");
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    var out = f.pull("fms", "edinburgh", """
        files: %s
        platform_kind: civic_reporting
        mapping:
          event_id: service_request_id
          occurred_at: requested_datetime
          lat: lat
          lon: long
          event_type: { value: report.created }
          attributes: [service_code, status]
        """.formatted(json.toAbsolutePath()));
    assertThat(out.result().rowsKept()).isEqualTo(2);
    assertThat(f.query("SELECT event_id, strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') FROM activity ORDER BY 1"))
        .first().asString().startsWith("DEFECT_");
    assertThat(f.query("SELECT count(*) FROM activity WHERE lat BETWEEN 55 AND 56 AND lon BETWEEN -4 AND -3")).containsExactly("2");
  }
}
