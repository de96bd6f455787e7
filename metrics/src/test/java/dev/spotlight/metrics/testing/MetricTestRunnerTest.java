package dev.spotlight.metrics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTestRunnerTest {

  static Path fixtures() {
    try {
      return Path.of(MetricTestRunnerTest.class.getResource("/metric-tests/passing.yaml").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs every test of a fixture file in Europe/London, GBP, min_cell 3; one output line per test. */
  static List<String> run(String fileName) {
    Path file = fixtures().resolve(fileName);
    Problems problems = new Problems(ExitKind.DEFINITION);
    MetricCatalog catalog = MetricChecker.check(MetricFileLoader.load(file, problems), problems);
    List<MetricTest> tests = MetricTestLoader.load(file, fileName, problems);
    MetricTestLoader.check(tests, catalog, problems);
    problems.throwIfAny();
    MetricTestRunner runner = new MetricTestRunner(catalog, ZoneId.of("Europe/London"), new MoneyRules("GBP", Map.of()),
        new DisclosureRules(3, 0), TestEngine.available());
    List<String> lines = new ArrayList<>();
    for (MetricTest t : tests) {
      runner.run(t).forEach(o -> lines.add(o.line()));
    }
    return lines;
  }

  @Test
  void passingTestsPass() {
    assertThat(run("passing.yaml")).containsExactly(
        "ok   passing.yaml: cost per share by grantee (duckdb)",
        "ok   passing.yaml: participants in the whole period (duckdb)",
        "ok   passing.yaml: average amount by month and grantee (duckdb)");
  }

  @Test
  void failingTestsSayWhatDiffers() {
    assertThat(run("failing.yaml")).containsExactly(
        "FAIL failing.yaml: a wrong number (duckdb): grantee=a cost_per_share expected 120.0, got 125.0",
        "FAIL failing.yaml: a number where the result is suppressed or undefined, null where it is not (duckdb): "
            + "grantee=a shares expected null, got 5.0; grantee=b shares expected 1, got null (suppressed); "
            + "grantee=b cost_per_share expected 310, got null (suppressed); grantee=c cost_per_share expected 0, got null (undefined)",
        "FAIL failing.yaml: a missing row and an extra row (duckdb): no result row for grantee=d; "
            + "unexpected result row grantee=c (shares=0.0)",
        "ok   failing.yaml: within the tolerance (duckdb)",
        "FAIL failing.yaml: outside the tolerance (duckdb): grantee=a cost_per_share expected 125.000001, got 125.0");
  }

  static List<String> problems(String tests) {
    String text = """
        version: 1
        metrics:
          shares:
            label: Items shared
            type: count
        tests:
        """ + tests;
    Problems problems = new Problems(ExitKind.DEFINITION);
    MetricCatalog catalog = MetricChecker.check(
        MetricFileLoader.load(fixtures().resolve("passing.yaml"), problems), problems);
    List<MetricTest> loaded = MetricTestLoader.parse("m.yaml", text, fixtures(), problems);
    MetricTestLoader.check(loaded, catalog, problems);
    return problems.list().stream().map(Problem::render).toList();
  }

  @Test
  void aMisspeltKeyIsAnErrorAtItsPlace() {
    assertThat(problems("""
          - name: t
            data: tiny
            query: { metrics: [shares], period: 2026-10 }
            expcet: [ { shares: 5 } ]
        """)).containsExactly("m.yaml:10:5: unknown key 'expcet' in a test (did you mean 'expect'?)");
  }

  @Test
  void aDataFolderThatDoesNotExistIsAnError() {
    assertThat(problems("""
          - name: t
            data: tests/tinny
            query: { metrics: [shares], period: 2026-10 }
            expect: []
        """)).containsExactly("m.yaml:8:11: data folder 'tests/tinny' does not exist "
            + "(data: is a folder of activity.csv, costs.csv and areas.csv, relative to the metric file's folder)");
  }

  @Test
  void anUnknownMetricIsAnError() {
    assertThat(problems("""
          - name: t
            data: tiny
            query: { metrics: [shars], period: 2026-10 }
            expect: []
        """)).containsExactly("m.yaml:9:24: unknown metric 'shars' (did you mean 'shares'?)");
  }

  @Test
  void expectedRowsNameTheQuerysDimensionsAndMetrics() {
    assertThat(problems("""
          - name: t
            data: tiny
            query: { metrics: [shares], by: [grantee], period: 2026-10 }
            expect:
              - { grantee: a, shaers: 5 }
              - { grantee: b, shares: many }
        """)).containsExactly(
            "m.yaml:11:23: unknown field 'shaers' in an expected row of test 't' (did you mean 'shares'?)",
            "m.yaml:11:9: an expected row of test 't' lacks 'shares' (expected rows give every dimension of by: and every metric of the query (null when suppressed or undefined))",
            "m.yaml:12:31: expected value of 'shares' must be a number or null, not a string 'many' (write null for a suppressed or undefined value)");
  }

  @Test
  void aQueryThatCannotBePlannedAndARelativePeriodAreErrors() {
    assertThat(problems("""
          - name: t
            data: tiny
            query: { metrics: [shares], by: [grantie], period: 2026-10 }
            expect: []
          - name: u
            data: tiny
            query: { metrics: [shares], period: last-month }
            expect: []
        """)).containsExactly(
            "m.yaml:13:41: a test needs a fixed period, not 'last-month' (use 2026-10, 2026-Q3, 2026 or 2026-04-01..2026-09-30)",
            "m.yaml:9:5: unknown dimension 'grantie' (did you mean 'grantee'?)");
  }
}
