package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fail-on} on the real Fixit Clinic Open Repair file in ../shared/realdata (skipped, saying
 * why, when absent). Expected counts come from DuckDB's own CSV reader on the raw file.
 */
class GateOptionsRealDataTest {

  @TempDir
  Path dir;

  private Path csv;
  private String project;

  @BeforeEach
  void project() throws IOException {
    Path folder = Path.of(System.getProperty("spotlight.realdata", "../../shared/realdata")).resolve("openrepair/FixitClinic-202507");
    assumeTrue(Files.isDirectory(folder), "real data folder " + folder.toAbsolutePath() + " is absent; this test needs ../shared/realdata/openrepair");
    csv = folder.resolve("OpenRepairData_v0.3_FixitClinic_202507.csv").toAbsolutePath();
    Files.writeString(dir.resolve("metrics.yaml"), "version: 1\nmetrics:\n  attempts:\n    label: Repairs attempted\n    type: count\n"
        + "    where: event_type = 'repair.attempted'\n");
    Files.writeString(dir.resolve("spotlight.yaml"), "name: Fixit Clinic\ntimezone: UTC\nsources:\n  - name: fixit\n    connector: open-repair\n"
        + "    grantee: fixit-clinic\n    options: { files: '" + csv + "' }\nmetrics:\n  - metrics.yaml\n");
    project = dir.resolve("spotlight.yaml").toString();
    Cli.Result pull = Cli.run("pull", "-p", project, "-q", "--fail-on", "skipped", "--fail-on", "never-pulled", "--fail-on", "stale>1h");
    assertThat(pull.exit()).as(pull.toString()).isZero();
    assertThat(pull.err()).isEmpty();
  }

  @Test
  void aMonthWithoutRepairsFailsEmptyAndTheNextMonthPasses() throws SQLException {
    assertThat(count("event_date LIKE '2022-07-%'")).isZero();
    assertThat(count("event_date LIKE '2022-08-%'")).isEqualTo(1);

    Cli.Result july = Cli.run("compute", "-p", project, "--period", "2022-07", "--format", "csv", "--fail-on", "empty");
    Cli.Result august = Cli.run("compute", "-p", project, "--period", "2022-08", "--format", "csv", "--fail-on", "empty");

    assertThat(july.exit()).as(july.toString()).isEqualTo(5);
    assertThat(july.errLines()).containsExactly("spotlight: error: quality gate 'empty' failed: source 'fixit' has no rows in 2022-07");
    assertThat(august.exit()).as(august.toString()).isZero();
    assertThat(august.err()).isEmpty();
  }

  @Test
  void monthsWithOneToFourRepairsAreTheSuppressedShare() throws SQLException {
    long months = count("event_date LIKE '2018-%'", "count(DISTINCT substr(event_date, 1, 7))");
    long small;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT substr(event_date, 1, 7) m, count(*) n FROM " + raw()
            + " WHERE event_date LIKE '2018-%' GROUP BY m) WHERE n BETWEEN 1 AND 4")) {
      rs.next();
      small = rs.getLong(1);
    }
    assertThat(months).isEqualTo(12);
    assertThat(small).isEqualTo(1);
    // 1 of 12 = 8.33%
    String[] compute = {"compute", "-p", project, "--period", "2018", "--by", "month", "--format", "csv"};

    Cli.Result over = Cli.run(concat(compute, "--fail-on", "suppressed>8%"));
    Cli.Result under = Cli.run(concat(compute, "--fail-on", "suppressed>8.4%", "--fail-on", "suppressed>1"));

    assertThat(over.exit()).as(over.toString()).isEqualTo(5);
    assertThat(over.errLines()).containsExactly(
        "spotlight: error: quality gate 'suppressed>8%' failed: 1 of 12 result cells in 2018 is suppressed (8.3%)");
    assertThat(under.exit()).as(under.toString()).isZero();
    assertThat(under.err()).isEmpty();
  }

  private long count(String where) throws SQLException {
    return count(where, "count(*)");
  }

  private long count(String where, String what) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + what + " FROM " + raw() + " WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String raw() {
    return "read_csv('" + csv.toString().replace("'", "''") + "', header = true, all_varchar = true)";
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
