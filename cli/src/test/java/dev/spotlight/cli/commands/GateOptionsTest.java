package dev.spotlight.cli.commands;

import static dev.spotlight.cli.Cli.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fail-on} end to end on the init project: its export has 3 rows in 2026-10 (two people,
 * two loans, one of the two people from a decile-2 area), so with {@code min_cell: 5} every headline
 * cell is suppressed, and in 2026-09 there are no rows at all.
 */
class GateOptionsTest {

  private static final String ON_BAD_ROW_SKIP = "      platform_kind: sharing\n      on_bad_row: skip\n";

  @TempDir
  Path temp;

  private InitProject project;

  @BeforeEach
  void init() {
    project = InitProject.create(temp.resolve("gated"));
  }

  @Test
  void aPullThatSkipsARowFailsTheSkippedGateAfterWritingTheStore() {
    skipOneRowOfThree();

    Cli.Result r = Cli.run("pull", "-p", project.file(), "--fail-on", "skipped>2%");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.out()).startsWith("source ");
    assertThat(r.errLines()).containsExactly(
        "spotlight: error: quality gate 'skipped>2%' failed: source 'activity' skipped 33.3% of rows (1 of 3)");
    assertThat(project.dir().resolve(".spotlight/store/activity/source=activity/month=2026-10")).isDirectory();
  }

  @Test
  void aSkippedShareUnderTheLimitPassesSilently() {
    skipOneRowOfThree();

    Cli.Result r = Cli.run("pull", "-p", project.file(), "--fail-on", "skipped>34%", "--fail-on", "skipped>1", "--fail-on", "never-pulled");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void everyFailedGateGetsItsOwnLine() {
    skipOneRowOfThree();

    Cli.Result r = Cli.run("pull", "-p", project.file(), "--fail-on", "skipped", "--fail-on", "never-pulled", "--fail-on", "skipped>0");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.errLines()).containsExactly(
        "spotlight: error: quality gate 'skipped' failed: source 'activity' skipped 33.3% of rows (1 of 3)",
        "spotlight: error: quality gate 'skipped>0' failed: source 'activity' skipped 33.3% of rows (1 of 3)");
  }

  @Test
  void aListedSourceNotPulledFailsNeverPulled() {
    addSecondSource();

    Cli.Result r = Cli.run("pull", "-p", project.file(), "--source", "activity", "--fail-on", "never-pulled", "-q");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.errLines()).containsExactly("spotlight: error: quality gate 'never-pulled' failed: source 'second' was never pulled");
    assertThat(Cli.run("pull", "-p", project.file(), "--source", "second", "--fail-on", "never-pulled", "-q").exit()).isZero();
  }

  @Test
  void aReportOnAnOldPullFailsStaleButIsStillWritten() throws IOException {
    pull();
    // the test clock stands at 2026-11-15T09:30Z: 45 days after this
    Path record = project.dir().resolve(".spotlight/store/.pulls/activity.json");
    String json = Files.readString(record);
    Files.writeString(record, json.replaceFirst("\"pulled_at\" : \"[^\"]+\"", "\"pulled_at\" : \"2026-10-01T09:30:00Z\""));

    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-10", "--fail-on", "stale>35d");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.out()).startsWith("report written to ");
    assertThat(r.errLines()).containsExactly(
        "spotlight: error: quality gate 'stale>35d' failed: source 'activity' was last pulled 45 days ago (2026-10-01T09:30:00Z)");
    assertThat(project.dir().resolve("reports/2026-10/impact-2026-10.xlsx")).isRegularFile();
    assertThat(Cli.run("report", "-p", project.file(), "--period", "2026-10", "--fail-on", "stale>45d").exit()).isZero();
  }

  @Test
  void aReportWithEverySmallCountHiddenFailsSuppressed() {
    pull();

    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-10", "--fail-on", "suppressed>50%");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.errLines()).containsExactly(
        "spotlight: error: quality gate 'suppressed>50%' failed: 3 of 3 headline cells in 2026-10 are suppressed (100.0%)");
  }

  @Test
  void withSuppressionOffTheSameReportPasses() {
    project.edit(project.yaml(), "min_cell: 5", "min_cell: 0");
    pull();

    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-10", "--fail-on", "suppressed", "--fail-on", "undefined",
        "--fail-on", "empty", "--fail-on", "excluded-currency");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void computeOverAMonthWithNoRowsFailsEmptyAndUndefined() {
    project.edit(project.yaml(), "min_cell: 5", "min_cell: 0");
    pull();

    // 2026-09 has no rows: participants 0, items_shared 0, and the deprived share 0/0 is undefined
    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-09", "--format", "csv",
        "--fail-on", "empty", "--fail-on", "undefined", "--fail-on", "undefined>1");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.out()).startsWith("metric,period,");
    assertThat(r.errLines()).containsExactly(
        "spotlight: error: quality gate 'empty' failed: source 'activity' has no rows in 2026-09",
        "spotlight: error: quality gate 'undefined' failed: 1 of 3 result cells in 2026-09 is undefined (33.3%)");
  }

  @Test
  void moneyInACurrencyWithoutARateFailsExcludedCurrency() {
    project.edit(project.yaml(), "        area_code: lsoa\n", "        area_code: lsoa\n        amount: { value: 10 }\n        currency: { value: USD }\n");
    pull();

    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--format", "csv", "--fail-on", "excluded-currency");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.errLines()).containsExactly("spotlight: error: quality gate 'excluded-currency' failed: 3 activity rows and 0 cost rows in 2026-10"
        + " carry a currency with no fx rate; their amounts are left out of money metrics");
    assertThat(Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--fail-on", "excluded-currency>3").exit()).isZero();

    project.edit(project.yaml(), "currency: GBP\n", "currency: GBP\nfx: { USD: 0.79 }\n");
    assertThat(Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--fail-on", "excluded-currency").exit()).isZero();
  }

  @Test
  void runWritesTheReportAndRecordsEveryGateInTheManifest() throws IOException {
    skipOneRowOfThree();

    Cli.Result r = Cli.run("run", "-p", project.file(), "--period", "2026-10", "--fail-on", "skipped>2%", "--fail-on", "never-pulled");

    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.errLines()).containsExactly(
        "spotlight: error: quality gate 'skipped>2%' failed: source 'activity' skipped 33.3% of rows (1 of 3)");
    Path folder = project.dir().resolve("reports/2026-10");
    assertThat(folder.resolve("impact-2026-10.xlsx")).isRegularFile();
    JsonNode gates = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).get("quality_gates");
    assertThat(gates.toString()).isEqualTo("[{\"gate\":\"skipped>2%\",\"result\":\"failed\","
        + "\"detail\":\"source 'activity' skipped 33.3% of rows (1 of 3)\"},"
        + "{\"gate\":\"never-pulled\",\"result\":\"passed\",\"detail\":null}]");
  }

  @Test
  void withoutGatesTheManifestListsNone() throws IOException {
    Cli.Result r = Cli.run("run", "-p", project.file(), "--period", "2026-10");

    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode m = new ObjectMapper().readTree(project.dir().resolve("reports/2026-10/manifest.json").toFile());
    assertThat(m.get("quality_gates").toString()).isEqualTo("[]");
  }

  @Test
  void aMistypedGateIsAUsageErrorBeforeAnyWork() {
    assertFailed(Cli.run("run", "-p", project.file(), "--period", "2026-10", "--fail-on", "skiped>2%"), 2,
        "unknown quality gate 'skiped' in --fail-on skiped>2% (did you mean 'skipped'?)");
    assertThat(project.dir().resolve("reports")).doesNotExist();
    assertThat(project.dir().resolve(".spotlight/store/.pulls")).doesNotExist();
  }

  @Test
  void aGateOnResultsDoesNotApplyToPull() {
    assertFailed(Cli.run("pull", "-p", project.file(), "--fail-on", "suppressed"), 2,
        "quality gate 'suppressed' does not apply to pull: it judges a period's results (use it with compute, report or run)");
    assertThat(project.dir().resolve(".spotlight/store/.pulls")).doesNotExist();
  }

  @Test
  void aBadLimitIsAUsageError() {
    assertFailed(Cli.run("report", "-p", project.file(), "--fail-on", "stale>35"), 2,
        "quality gate 'stale' cannot take the limit '35' (give whole days or hours, e.g. stale>35d or stale>12h)");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"pull", "compute", "report", "run"})
  void helpDescribesTheOptionWithoutFormatWarnings(String command) {
    java.io.PrintStream systemErr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    Cli.Result r;
    try {
      // picocli reports a bad format string (an unescaped %) on System.err, not on the command's writer
      System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      r = Cli.run("help", command);
    } finally {
      System.setErr(systemErr);
    }

    assertThat(r.exit()).isZero();
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(r.out()).contains("--fail-on=GATE").contains(">N%]").doesNotContain("%%");
  }

  private void skipOneRowOfThree() {
    project.edit(project.export(), "2026-10-04 18:40", "04/10/2026 18:40")
        .edit(project.yaml(), "      platform_kind: sharing\n", ON_BAD_ROW_SKIP);
  }

  private void addSecondSource() {
    project.edit(project.yaml(), "\nmetrics:\n", "  - name: second\n    connector: mapped\n    grantee: my-platform\n"
        + "    options:\n      files: exports/activity.csv\n      platform_kind: sharing\n      mapping:\n"
        + "        event_id: id\n        occurred_at: happened_at\n        event_type: { column: kind, values: { loan: share.completed, request: share.requested } }\n"
        + "\nmetrics:\n");
  }

  private void pull() {
    Cli.Result r = Cli.run("pull", "-p", project.file());
    assertThat(r.exit()).as(r.toString()).isZero();
  }
}
