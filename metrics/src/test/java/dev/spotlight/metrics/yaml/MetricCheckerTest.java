package dev.spotlight.metrics.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.ValueType;
import dev.spotlight.metrics.model.MetricBody;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricCheckerTest {

  @TempDir
  Path dir;

  private MetricYamlFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new MetricYamlFixture(dir);
  }

  /** A file with one metric of {@code type} whose last line is {@code field} (line 6, value from column 5 + key). */
  private List<String> oneMetric(String type, String field) {
    return fixture.problemsOf("""
        version: 1
        metrics:
          m:
            label: M
            type: %s
            %s
        """.formatted(type, field));
  }

  @Nested
  class Expressions {

    @Test
    void anUnknownColumnInWhereIsReportedWhereItIsWrittenWithTheClosestName() {
      // "    where: " is 11 characters, so the expression starts in column 12.
      assertThat(oneMetric("count", "where: partcipant is not null"))
          .containsExactly("metrics.yaml:6:12: unknown column 'partcipant' in the activity table (did you mean 'participant'?)");
    }

    @Test
    void anUnknownColumnLaterInTheExpressionIsReportedAtItsOwnColumn() {
      // "event_type = 'x' and " is 21 characters: 12 + 21 = 33.
      assertThat(oneMetric("count", "where: event_type = 'x' and partcipant is not null"))
          .containsExactly("metrics.yaml:6:33: unknown column 'partcipant' in the activity table (did you mean 'participant'?)");
    }

    @Test
    void anUnknownColumnInOfIsReported() {
      assertThat(oneMetric("count_distinct", "of: participants"))
          .containsExactly("metrics.yaml:6:9: unknown column 'participants' in the activity table (did you mean 'participant'?)");
    }

    @Test
    void columnsAreCheckedAgainstTheMetricsOwnTable() {
      // costs have no participant column; activity has no period_start
      assertThat(oneMetric("count", "table: costs\n    where: participant is not null"))
          .singleElement().asString().startsWith("metrics.yaml:7:12: unknown column 'participant' in the costs table");
      assertThat(oneMetric("count", "where: period_start >= '2026-01-01'"))
          .singleElement().asString().startsWith("metrics.yaml:6:12: unknown column 'period_start' in the activity table");
    }

    @Test
    void areaDimensionsAreColumnsOfActivityButNotOfCosts() {
      assertThat(oneMetric("count", "where: deprivation_decile <= 3 and local_authority = 'Kirklees'")).isEmpty();
      assertThat(oneMetric("count", "table: costs\n    where: deprivation_decile <= 3"))
          .singleElement().asString().startsWith("metrics.yaml:7:12: unknown column 'deprivation_decile' in the costs table");
    }

    @Test
    void aWhereThatIsNotAConditionIsReported() {
      assertThat(oneMetric("count", "where: participant"))
          .containsExactly("metrics.yaml:6:12: 'where' must be a true/false condition, not text");
      // a binary expression is located at its operator: "amount " is 7 characters
      assertThat(oneMetric("count", "where: amount + 1"))
          .containsExactly("metrics.yaml:6:19: 'where' must be a true/false condition, not a number");
    }

    @Test
    void aSumOfTextIsReported() {
      assertThat(oneMetric("sum", "of: participant"))
          .containsExactly("metrics.yaml:6:9: 'of' must be a number, not text");
    }

    @Test
    void avgMinMaxMedianAndPercentileNeedNumbersToo() {
      for (String type : List.of("avg", "min", "max", "median")) {
        assertThat(oneMetric(type, "of: event_type")).as(type)
            .containsExactly("metrics.yaml:6:9: 'of' must be a number, not text");
      }
      assertThat(oneMetric("percentile", "p: 0.5\n    of: occurred_on"))
          .containsExactly("metrics.yaml:7:9: 'of' must be a number, not a date");
    }

    @Test
    void countDistinctMayCountAnyType() {
      assertThat(oneMetric("count_distinct", "of: participant")).isEmpty();
      assertThat(oneMetric("count_distinct", "of: occurred_on")).isEmpty();
      assertThat(oneMetric("count_distinct", "of: attributes.category")).isEmpty();
    }

    @Test
    void checkedDefinitionsCarryTheCheckersCoercions() {
      // ISO date text compared with a date column becomes a date literal once checked
      MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", """
          version: 1
          metrics:
            recent:
              label: Recent
              type: count
              where: occurred_on >= '2026-10-01'
          """));
      assertThat(loaded.problems().list()).isEmpty();
      Expr loadedWhere = ((MetricBody.Aggregate) loaded.definitions().get(0).body()).where();
      Expr checkedWhere = ((MetricBody.Aggregate) loaded.catalog().get("recent", Location.NONE).body()).where();
      assertThat(((Expr.Binary) loadedWhere).right()).isEqualTo(new Expr.Literal("2026-10-01", ValueType.STRING, ((Expr.Binary) loadedWhere).right().location()));
      Expr.Literal right = (Expr.Literal) ((Expr.Binary) checkedWhere).right();
      assertThat(right.type()).isEqualTo(ValueType.DATE);
      assertThat(right.value()).isEqualTo(LocalDate.of(2026, 10, 1));
    }
  }

  @Nested
  class References {

    private static final String BASE = """
        version: 1
        metrics:
          shares:
            label: Shares
            type: count
          programme_cost:
            label: Cost
            type: sum
            table: costs
            of: amount
        """;

    @Test
    void anUnknownMetricInAReferenceIsReportedAtTheReferenceWithTheClosestId() {
      assertThat(fixture.problemsOf(BASE + """
            per_share:
              label: Per share
              type: ratio
              numerator: programme_cost
              denominator: shraes
          """)).containsExactly("metrics.yaml:15:18: unknown metric 'shraes' (did you mean 'shares'?)");
    }

    @Test
    void anUnknownMetricInAFilteredReferenceIsReportedAtItsId() {
      // "    numerator: { metric: " is 25 characters
      assertThat(fixture.problemsOf(BASE + """
            per_share:
              label: Per share
              type: ratio
              numerator: { metric: programme_cots, where: grantee = 'a' }
              denominator: shares
          """)).containsExactly("metrics.yaml:14:26: unknown metric 'programme_cots' (did you mean 'programme_cost'?)");
    }

    @Test
    void aFilteredReferenceIsCheckedAgainstTheTableOfTheMetricItNames() {
      // programme_cost reads costs, which has no participant column
      // "    numerator: { metric: programme_cost, where: " is 48 characters
      assertThat(fixture.problemsOf(BASE + """
            per_share:
              label: Per share
              type: ratio
              numerator: { metric: programme_cost, where: participant is not null }
              denominator: shares
          """)).singleElement().asString()
          .startsWith("metrics.yaml:14:49: unknown column 'participant' in the costs table");
    }

    @Test
    void aFilteredReferenceThroughARatioIsCheckedAgainstEveryTableBelowIt() {
      // per_share reads costs and activity; event_type exists only in activity
      assertThat(fixture.problemsOf(BASE + """
            per_share:
              label: Per share
              type: ratio
              numerator: programme_cost
              denominator: shares
            per_share_kirklees:
              label: Per share in one grantee
              type: ratio
              numerator: { metric: per_share, where: grantee = 'kirklees' }
              denominator: { metric: per_share, where: event_type = 'x' }
          """)).singleElement().asString()
          .startsWith("metrics.yaml:20:46: unknown column 'event_type' in the costs table");
    }

    @Test
    void aFilteredReferenceMustBeACondition() {
      assertThat(fixture.problemsOf(BASE + """
            per_share:
              label: Per share
              type: ratio
              numerator: programme_cost
              denominator: { metric: shares, where: quantity }
          """)).containsExactly("metrics.yaml:15:43: 'where' must be a true/false condition, not a number");
    }

    @Test
    void aTwoMetricCycleIsReportedNamingTheCycle() {
      List<String> problems = fixture.problemsOf("""
          version: 1
          metrics:
            a:
              label: A
              type: ratio
              numerator: b
              denominator: c
            b:
              label: B
              type: ratio
              numerator: a
              denominator: c
            c:
              label: C
              type: count
          """);
      assertThat(problems).isNotEmpty();
      assertThat(problems).allSatisfy(p -> assertThat(p).contains("refers to itself"));
      assertThat(problems).contains("metrics.yaml:3:3: metric 'a' refers to itself through a -> b -> a (break the cycle)");
    }

    @Test
    void aLongerCycleThroughAFilteredReferenceIsReported() {
      List<String> problems = fixture.problemsOf("""
          version: 1
          metrics:
            a:
              label: A
              type: ratio
              numerator: c
              denominator: { metric: b, where: grantee = 'x' }
            b:
              label: B
              type: ratio
              numerator: c
              denominator: d
            c:
              label: C
              type: count
            d:
              label: D
              type: ratio
              numerator: c
              denominator: a
          """);
      assertThat(problems).contains("metrics.yaml:3:3: metric 'a' refers to itself through a -> b -> d -> a (break the cycle)");
      assertThat(problems).allSatisfy(p -> assertThat(p).contains("refers to itself"));
    }

    @Test
    void aRatioOfItselfIsACycle() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            r:
              label: R
              type: ratio
              numerator: r
              denominator: r
          """)).contains("metrics.yaml:3:3: metric 'r' refers to itself through r -> r (break the cycle)");
    }

    @Test
    void sharingAReferenceIsNotACycle() {
      // a diamond: both refer to c, nothing refers back
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            a:
              label: A
              type: ratio
              numerator: b
              denominator: c
            b:
              label: B
              type: ratio
              numerator: c
              denominator: c
            c:
              label: C
              type: count
          """)).isEmpty();
    }
  }

  @Nested
  class Ids {

    @Test
    void aDuplicateIdInAnotherFileIsReportedWithTheFirstDefinitionsPlace() {
      Path one = fixture.write("one.yaml", """
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
          """);
      Path two = fixture.write("two.yaml", """
          version: 1
          metrics:
            people:
              label: People
              type: count_distinct
              of: participant
            shares:
              label: Shares again
              type: count
          """);
      MetricYamlFixture.Loaded loaded = fixture.load(one, two);
      assertThat(loaded.lines(dir)).containsExactly(
          "two.yaml:7:3: metric 'shares' is already defined at one.yaml:3:3 (metric ids must be unique across all metric files)");
      // the first definition wins
      assertThat(loaded.catalog().get("shares", Location.NONE).label()).isEqualTo("Shares");
      assertThat(loaded.catalog().ids()).containsExactly("shares", "people");
    }

    @Test
    void aDuplicateKeyInOneFileIsAYamlError() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
            shares:
              label: Shares
              type: count
          """)).containsExactly("metrics.yaml:6:3: duplicate key 'shares' (each key may appear once in a mapping)");
    }

    @Test
    void askingTheCatalogueForAnUnknownIdIsADefinitionErrorWithAHint() {
      MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", """
          version: 1
          metrics:
            participants:
              label: People
              type: count_distinct
              of: participant
          """));
      Location at = new Location("spotlight.yaml", 30, 13);
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> loaded.catalog().get("participant", at));
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
      assertThat(e.problems().get(0).render()).isEqualTo("spotlight.yaml:30:13: unknown metric 'participant' (did you mean 'participants'?)");
    }
  }
}
