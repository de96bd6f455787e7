package dev.spotlight.metrics.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.model.MetricBody;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking {@code type: derived}: its keys, and its {@code expr} naming metrics, not columns. */
class DerivedMetricYamlTest {

  @TempDir
  Path dir;

  private MetricYamlFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new MetricYamlFixture(dir);
  }

  /** A file with two counts, then (on line 9) a derived metric whose expr starts at column 11 of line 12. */
  private List<String> problemsOfExpr(String expr) {
    return fixture.problemsOf("""
        version: 1
        metrics:
          shares:
            label: Shares
            type: count
          requests:
            label: Requests
            type: count
        unmet:
            label: Unmet
            type: derived
            expr: %s
        """.replace("\nunmet:", "\n  unmet:").formatted(expr));
  }

  @Test
  void arithmeticOverMetricIdsLoads() {
    assertThat(problemsOfExpr("(requests - shares) / requests")).isEmpty();
    assertThat(problemsOfExpr("round(abs(requests - shares) * 100 / requests, 1) + -2.5")).isEmpty();
    MetricYamlFixture.Loaded loaded = fixture.load(dir.resolve("metrics.yaml"));
    assertThat(loaded.catalog().get("unmet", null).body()).isInstanceOf(MetricBody.Derived.class);
    assertThat(loaded.catalog().get("unmet", null).typeName()).isEqualTo("derived");
  }

  @Test
  void aDerivedMetricThatNamesNoMetricHasNoInputsAndIsReported() {
    assertThat(problemsOfExpr("round(42 / 5, 1)")).containsExactly("metrics.yaml:12:11: derived metric 'unmet' names no metric: "
        + "it would be the same constant in every group (use metric ids in expr, e.g. (requests - shares) / requests)");
  }

  @Test
  void anUnknownMetricSuggestsTheClosestId() {
    assertThat(problemsOfExpr("(requests - shraes) / requests"))
        .containsExactly("metrics.yaml:12:23: unknown metric 'shraes' (did you mean 'shares'?)");
  }

  @Test
  void aColumnNameIsNotAMetric() {
    assertThat(problemsOfExpr("amount / shares")).containsExactly("metrics.yaml:12:11: 'amount' is a column, not a metric: "
        + "a derived metric's expr names metrics (define a metric over the column (e.g. type: sum, of: amount) and use its id)");
  }

  @Test
  void aMetricMayShareItsIdWithAColumn() {
    assertThat(fixture.problemsOf("""
        version: 1
        metrics:
          amount:
            label: Amount
            type: sum
            of: amount
          per_share:
            label: Amount per share
            type: derived
            expr: amount / amount
        """)).isEmpty();
  }

  @Test
  void comparisonsTextNullAndOtherFunctionsAreRejected() {
    String allowed = " (a derived metric's expr may use metric ids, numbers, + - * /, parentheses, abs and round)";
    assertThat(problemsOfExpr("shares > requests")).containsExactly(
        "metrics.yaml:12:18: '>' is not allowed in a derived metric's expr: it must be a number, not a condition" + allowed);
    assertThat(problemsOfExpr("shares + 'x'")).containsExactly("metrics.yaml:12:20: text is not allowed in a derived metric's expr" + allowed);
    assertThat(problemsOfExpr("coalesce(shares, 0)")).containsExactly(
        "metrics.yaml:12:11: function 'coalesce' is not allowed in a derived metric's expr" + allowed);
    assertThat(problemsOfExpr("shares is null")).containsExactly(
        "metrics.yaml:12:18: a condition is not allowed in a derived metric's expr: it must be a number" + allowed);
    assertThat(problemsOfExpr("shares + null")).containsExactly("metrics.yaml:12:20: null is not allowed in a derived metric's expr" + allowed);
  }

  @Test
  void syntaxErrorsAreReportedWithTheirPlace() {
    assertThat(problemsOfExpr("shares; drop table activity")).singleElement().asString()
        .startsWith("metrics.yaml:12:17: semicolons are not allowed in expressions");
  }

  @Test
  void exprIsRequiredAndOtherKeysDoNotApply() {
    assertThat(fixture.problemsOf("""
        version: 1
        metrics:
          d:
            label: D
            type: derived
        """)).containsExactly("metrics.yaml:4:5: derived metric 'd' needs 'expr:' (arithmetic over other metrics' ids, e.g. (a - b) / a)");
    assertThat(fixture.problemsOf("""
        version: 1
        metrics:
          c:
            label: C
            type: count
          d:
            label: D
            type: derived
            expr: c * 2
            where: grantee = 'x'
        """)).containsExactly("metrics.yaml:10:5: 'where' does not apply to a derived metric "
            + "(a derived metric has no where of its own; define filtered metrics and use their ids in expr)");
  }

  @Test
  void aCycleThroughDerivedAndRatioMetricsIsReported() {
    List<String> problems = fixture.problemsOf("""
        version: 1
        metrics:
          a:
            label: A
            type: derived
            expr: b * 2
          b:
            label: B
            type: ratio
            numerator: c
            denominator: a
          c:
            label: C
            type: count
        """);
    assertThat(problems).contains("metrics.yaml:3:3: metric 'a' refers to itself through a -> b -> a (break the cycle)");
    assertThat(problems).allSatisfy(p -> assertThat(p).contains("refers to itself"));
    assertThat(fixture.problemsOf("""
        version: 1
        metrics:
          d:
            label: D
            type: derived
            expr: d + 1
        """)).containsExactly("metrics.yaml:3:3: metric 'd' refers to itself through d -> d (break the cycle)");
  }

  @Test
  void aFilteredReferenceToADerivedMetricIsCheckedAgainstTheTablesBelowIt() {
    // the derived metric reads costs, so a filter on event_type cannot apply
    assertThat(fixture.problemsOf("""
        version: 1
        metrics:
          cost:
            label: Cost
            type: sum
            table: costs
            of: amount
          double_cost:
            label: Double cost
            type: derived
            expr: cost * 2
          r:
            label: R
            type: ratio
            numerator: { metric: double_cost, where: event_type = 'x' }
            denominator: cost
        """)).singleElement().asString().contains("unknown column 'event_type' in the costs table");
  }
}
