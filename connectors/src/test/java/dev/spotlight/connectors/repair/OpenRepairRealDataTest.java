package dev.spotlight.connectors.repair;

import dev.spotlight.connectors.ConnectorFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.SourcePull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open-repair connector on the real Open Repair Alliance files in ../shared/realdata (skipped, saying why, when absent). */
class OpenRepairRealDataTest {

  @TempDir Path dir;

  private static Path openrepair() {
    Path path = Path.of(System.getProperty("spotlight.realdata", "../../shared/realdata")).resolve("openrepair");
    assumeTrue(Files.isDirectory(path), "real data folder " + path.toAbsolutePath() + " is absent; these tests need ../shared/realdata/openrepair");
    return path;
  }

  @Test
  void fixitClinicPartnerFileLoadsEveryRecordAndEveryFix() throws Exception {
    Path csv = openrepair().resolve("FixitClinic-202507/OpenRepairData_v0.3_FixitClinic_202507.csv").toAbsolutePath();
    // counted independently of the connector: DuckDB's own CSV reader on the raw file
    long records;
    long fixed;
    long dates;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE lower(trim(repair_status)) = 'fixed'), count(DISTINCT event_date)"
            + " FROM read_csv('" + csv.toString().replace("'", "''") + "', header = true, all_varchar = true)")) {
      rs.next();
      records = rs.getLong(1);
      fixed = rs.getLong(2);
      dates = rs.getLong(3);
    }
    assertThat(records).isEqualTo(1033);
    assertThat(fixed).isPositive().isLessThan(records);

    ConnectorFixture f = new ConnectorFixture(dir, new OpenRepairConnector());
    SourcePull.Outcome out = f.pull("fixit", "fixit-clinic", "files: " + csv + "\n");

    assertThat(out.result().recordsRead()).isEqualTo(records);
    assertThat(out.result().rowsKept()).isEqualTo(records);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.written().activityRows()).isEqualTo(records + fixed);
    assertThat(f.query("SELECT count(*) FILTER (WHERE event_type = 'repair.attempted'), count(*) FILTER (WHERE event_type = 'repair.fixed'),"
        + " count(*) FILTER (WHERE outcome = 'item_repaired'), count(DISTINCT occurred_on), count(*) FILTER (WHERE attributes['product_category'] IS NULL)"
        + " FROM activity"))
        .containsExactly(records + "|" + fixed + "|" + fixed + "|" + dates + "|0");
    // ids keep their underscores; every fix pairs with an attempt of the same record
    assertThat(f.query("SELECT count(*) FROM activity a JOIN activity b ON b.event_id = a.event_id || ':fixed' WHERE a.event_id LIKE 'fixitclinic\\_%' ESCAPE '\\'"))
        .containsExactly(String.valueOf(fixed));
  }

  @Test
  void aggregatedSummaryIsNotRecordLevelDataAndSaysSo() {
    Path csv = openrepair().resolve("aggregated-202507/OpenRepairData_v0.3_unpowered_202507.csv").toAbsolutePath();
    ConnectorFixture f = new ConnectorFixture(dir, new OpenRepairConnector());
    assertThatThrownBy(() -> f.pull("agg", "g", "files: " + csv + "\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).contains("not an Open Repair Data file: no 'id' column");
        });
  }
}
