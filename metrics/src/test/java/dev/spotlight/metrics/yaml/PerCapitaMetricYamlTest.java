package dev.spotlight.metrics.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.model.MetricBody;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking {@code type: per_capita}: {@code of} is a metric reference, {@code per} defaults to 1000. */
class PerCapitaMetricYamlTest {

  @TempDir
  Path dir;

  private MetricYamlFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new MetricYamlFixture(dir);
  }

  private static final String SHARES = """
      version: 1
      metrics:
        shares:
          label: Shares
          type: count
      """;

  @Test
  void ofIsAMetricAndPerDefaultsToOneThousand() {
    MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", SHARES + """
          a:
            label: A
            type: per_capita
            of: shares
          b:
            label: B
            type: per_capita
            of: { metric: shares, where: grantee = 'g1' }
            per: 100000
        """));
    assertThat(loaded.problems().list()).isEmpty();
    MetricBody.PerCapita a = (MetricBody.PerCapita) loaded.catalog().get("a", null).body();
    assertThat(a.of().metricId()).isEqualTo("shares");
    assertThat(a.per()).isEqualTo(1000);
    MetricBody.PerCapita b = (MetricBody.PerCapita) loaded.catalog().get("b", null).body();
    assertThat(b.of().where()).isNotNull();
    assertThat(b.per()).isEqualTo(100000);
    assertThat(loaded.catalog().get("b", null).typeName()).isEqualTo("per_capita");
  }

  @Test
  void anUnknownMetricSuggestsTheClosestId() {
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
            of: shraes
        """)).containsExactly("metrics.yaml:9:9: unknown metric 'shraes' (did you mean 'shares'?)");
  }

  @Test
  void ofIsRequiredAndPerMustBePositive() {
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
        """)).singleElement().asString().startsWith("metrics.yaml:7:5: missing required key 'of' in per_capita metric 'a'");
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
            of: shares
            per: 0
        """)).containsExactly("metrics.yaml:10:10: per must be a number above 0 (e.g. per: 1000 for a value per 1,000 residents)");
  }

  @Test
  void aWhereOfItsOwnPointsToAFilteredReference() {
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
            of: shares
            where: grantee = 'g1'
        """)).containsExactly("metrics.yaml:10:5: 'where' does not apply to a per_capita metric "
            + "(a per_capita metric has no where of its own; filter its of with { metric: id, where: ... })");
  }

  @Test
  void aCycleThroughAPerCapitaMetricIsReported() {
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
            of: b
          b:
            label: B
            type: derived
            expr: a * 2
        """)).contains("metrics.yaml:6:3: metric 'a' refers to itself through a -> b -> a (break the cycle)");
  }

  @Test
  void aFilterOnAnAreaColumnInOfWouldNotNarrowThePopulationAndIsReported() {
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
            of: { metric: shares, where: local_authority = 'Alpha' }
        """)).containsExactly("metrics.yaml:9:19: a filter on 'local_authority' would not narrow the population that 'a' divides by "
            + "(split by local_authority instead (--by local_authority): the population then follows each group)");
  }

  @Test
  void aFilteredReferenceToAPerCapitaMetricOnAnAreaColumnIsReportedToo() {
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
            of: shares
          b:
            label: B
            type: derived
            expr: a * 2
          c:
            label: C
            type: ratio
            numerator: { metric: b, where: deprivation_decile <= 3 }
            denominator: shares
        """)).containsExactly("metrics.yaml:17:26: a filter on 'deprivation_decile' would not narrow the population that 'a' divides by "
            + "(split by deprivation_decile instead (--by deprivation_decile): the population then follows each group)");
  }

  @Test
  void aFilterOnAnythingElseIsFine() {
    assertThat(fixture.problemsOf(SHARES + """
          a:
            label: A
            type: per_capita
            of: { metric: shares, where: grantee = 'g1' and event_type = 'share.completed' }
        """)).isEmpty();
  }
}
