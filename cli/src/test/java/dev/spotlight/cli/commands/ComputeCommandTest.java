package dev.spotlight.cli.commands;

import static dev.spotlight.cli.Cli.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compute} on the init project. Its export has three rows in October 2026: Ann borrows twice
 * (area E01000001, deprivation decile 2) and Bob requests once (E01000002, decile 7). So there are
 * 2 participants, 2 items shared, and 1 of 2 people from the 30% most deprived areas.
 */
class ComputeCommandTest {

  @TempDir
  Path temp;

  private InitProject project;

  @BeforeEach
  void initAndPull() {
    project = InitProject.create(temp.resolve("my-report"));
    Cli.Result pull = Cli.run("pull", "-p", project.file());
    assertThat(pull.exit()).as(pull.toString()).isZero();
  }

  @Test
  void withTheDefaultMinCellEveryCountIsSuppressed() {
    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--format", "json");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        {
          "project" : "My platform impact report",
          "period" : {
            "start" : "2026-10-01",
            "end" : "2026-10-31",
            "label" : "2026-10"
          },
          "engine" : "duckdb",
          "results" : [ {
            "metric" : "participants",
            "period" : "2026-10",
            "dims" : { },
            "value" : null,
            "low" : null,
            "high" : null,
            "status" : "suppressed"
          }, {
            "metric" : "items_shared",
            "period" : "2026-10",
            "dims" : { },
            "value" : null,
            "low" : null,
            "high" : null,
            "status" : "suppressed"
          }, {
            "metric" : "deprived_reach_share",
            "period" : "2026-10",
            "dims" : { },
            "value" : null,
            "low" : null,
            "high" : null,
            "status" : "suppressed"
          } ]
        }
        """);
  }

  @Test
  void withMinCellZeroTheRawNumbersShow() throws IOException {
    project.edit(project.yaml(), "min_cell: 5", "min_cell: 0");

    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--format", "json");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().replaceAll("\"(low|high)\" : 0\\.\\d+", "\"$1\" : BOUND")).isEqualTo("""
        {
          "project" : "My platform impact report",
          "period" : {
            "start" : "2026-10-01",
            "end" : "2026-10-31",
            "label" : "2026-10"
          },
          "engine" : "duckdb",
          "results" : [ {
            "metric" : "participants",
            "period" : "2026-10",
            "dims" : { },
            "value" : 2,
            "low" : null,
            "high" : null,
            "status" : "ok"
          }, {
            "metric" : "items_shared",
            "period" : "2026-10",
            "dims" : { },
            "value" : 2,
            "low" : null,
            "high" : null,
            "status" : "ok"
          }, {
            "metric" : "deprived_reach_share",
            "period" : "2026-10",
            "dims" : { },
            "value" : 0.5,
            "low" : BOUND,
            "high" : BOUND,
            "status" : "ok"
          } ]
        }
        """);
    JsonNode share = new ObjectMapper().readTree(r.out()).get("results").get(2);
    double[] wilson = wilson(1, 2);
    assertThat(share.get("low").asDouble()).isCloseTo(wilson[0], within(1e-12));
    assertThat(share.get("high").asDouble()).isCloseTo(wilson[1], within(1e-12));
  }

  @Test
  void csvHasOneLinePerMetric() {
    project.edit(project.yaml(), "min_cell: 5", "min_cell: 0");

    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--format", "csv",
        "--metric", "items_shared", "--metric", "participants");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("metric,period,value,low,high,status\r\n"
        + "items_shared,2026-10,2,,,ok\r\n"
        + "participants,2026-10,2,,,ok\r\n");
  }

  @Test
  void splittingByAreaCountsEachAreaAndGivesZeroWhereNothingMatches() {
    project.edit(project.yaml(), "min_cell: 5", "min_cell: 0");

    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--format", "csv",
        "--metric", "participants", "--metric", "items_shared", "--by", "area");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("metric,period,area,value,low,high,status\r\n"
        + "participants,2026-10,E01000001,1,,,ok\r\n"
        + "participants,2026-10,E01000002,1,,,ok\r\n"
        + "items_shared,2026-10,E01000001,2,,,ok\r\n"
        + "items_shared,2026-10,E01000002,0,,,ok\r\n");
  }

  @Test
  void theTableMarksSuppressedValuesAndExplainsTheMark() {
    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-10");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        metric                period   value  low  high  status
        --------------------  -------  -----  ---  ----  ----------
        participants          2026-10     <5             suppressed
        items_shared          2026-10     <5             suppressed
        deprived_reach_share  2026-10     <5             suppressed
        <5 = suppressed: counts from 1 to 4 are not shown (small-number rule)
        """);
  }

  @Test
  void theTableShowsPercentWithItsInterval() {
    project.edit(project.yaml(), "min_cell: 5", "min_cell: 0");

    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-10");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("""
        metric                period   value   low   high  status
        --------------------  -------  -----  ----  -----  ------
        participants          2026-10      2               ok
        items_shared          2026-10      2               ok
        deprived_reach_share  2026-10  50.0%  9.5%  90.5%  ok
        """);
  }

  @Test
  void theDefaultPeriodIsLastMonthByTheClock() {
    Cli.Result r = Cli.run("compute", "-p", project.file(), "--format", "csv", "--metric", "participants");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("metric,period,value,low,high,status\r\nparticipants,2026-10,,,,suppressed\r\n");
  }

  @Test
  void aMonthWithoutRowsCountsZeroAndItsShareIsUndefined() {
    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-09", "--format", "csv");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("metric,period,value,low,high,status\r\n"
        + "participants,2026-09,0,,,ok\r\n"
        + "items_shared,2026-09,0,,,ok\r\n"
        + "deprived_reach_share,2026-09,,,,undefined\r\n");
  }

  @Test
  void anUnknownMetricIsAUsageErrorWithAHint() {
    assertFailed(Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--metric", "participant"), 2,
        "unknown metric 'participant' (did you mean 'participants'?)");
  }

  @Test
  void aPeriodThatIsNotOneIsAUsageError() {
    assertFailed(Cli.run("compute", "-p", project.file(), "--period", "October"), 2,
        "'October' is not a period (use 2026-10, 2026-Q3, 2026, 2026-04-01..2026-09-30, last-month or last-quarter)");
  }

  @Test
  void aMonthThatDoesNotExistIsAUsageError() {
    Cli.Result r = Cli.run("compute", "-p", project.file(), "--period", "2026-13");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().startsWith("spotlight: error: '2026-13' is not a valid period");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertFailed(Cli.run("compute", "-p", project.file(), "--format", "xml"), 2, "unknown format 'xml' (use table, csv or json)");
  }

  @Test
  void anUnknownEngineIsAUsageError() {
    assertFailed(Cli.run("compute", "-p", project.file(), "--period", "2026-10", "--engine", "sqlite"), 2,
        "unknown engine 'sqlite' (use duckdb or spark)");
  }

  @Test
  void aMisspeltColumnInAWhereStopsComputeWithExitThree() {
    project.edit(project.metrics(), "where: event_type = 'share.completed'", "where: evnt_type = 'share.completed'");

    assertFailed(Cli.run("compute", "-p", project.file(), "--period", "2026-10"), 3,
        project.metrics() + ":13:12: unknown column 'evnt_type' in the activity table (did you mean 'event_type'?)");
  }

  @Test
  void verboseShowsTheStackTraceOfAnError() {
    project.edit(project.metrics(), "where: event_type = 'share.completed'", "where: evnt_type = 'share.completed'");

    Cli.Result r = Cli.run("compute", "-v", "-p", project.file(), "--period", "2026-10");

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines().get(0)).startsWith("spotlight: error: " + project.metrics() + ":13:12: unknown column 'evnt_type'");
    assertThat(r.err()).contains("\tat dev.spotlight.cli.pipeline.ProjectContext.load(");
  }

  /** The 95% Wilson score interval for {@code k} of {@code n}, written out from its textbook formula. */
  private static double[] wilson(int k, int n) {
    double z = 1.959963984540054;
    double p = (double) k / n;
    double centre = p + z * z / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    double scale = 1 + z * z / n;
    return new double[] {(centre - spread) / scale, (centre + spread) / scale};
  }
}
