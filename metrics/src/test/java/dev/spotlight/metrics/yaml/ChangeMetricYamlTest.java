package dev.spotlight.metrics.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.model.Comparison;
import dev.spotlight.metrics.model.MetricBody;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking {@code type: change}: {@code of}, {@code compare_to} and {@code as}, all required. */
class ChangeMetricYamlTest {

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
        c:
          label: C
          type: change
      """;

  @Test
  void loadsWithBothComparisonsAndBothForms() {
    MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", SHARES + """
            of: { metric: shares, where: grantee = 'g1' }
            compare_to: same_period_last_year
            as: relative
        """));
    assertThat(loaded.problems().list()).isEmpty();
    MetricBody.Change c = (MetricBody.Change) loaded.catalog().get("c", null).body();
    assertThat(c.compareTo()).isEqualTo(Comparison.SAME_PERIOD_LAST_YEAR);
    assertThat(c.relative()).isTrue();
    assertThat(c.of().where()).isNotNull();
    assertThat(loaded.catalog().get("c", null).typeName()).isEqualTo("change");
  }

  @Test
  void unknownValuesSuggestTheClosest() {
    assertThat(fixture.problemsOf(SHARES + """
            of: shares
            compare_to: previous_perod
            as: absolute
        """)).containsExactly("metrics.yaml:10:17: unknown compare_to 'previous_perod' (did you mean 'previous_period'?)");
    assertThat(fixture.problemsOf(SHARES + """
            of: shares
            compare_to: previous_period
            as: relativ
        """)).containsExactly("metrics.yaml:11:9: unknown as 'relativ' (did you mean 'relative'?)");
    assertThat(fixture.problemsOf(SHARES + """
            of: sharez
            compare_to: previous_period
            as: absolute
        """)).containsExactly("metrics.yaml:9:9: unknown metric 'sharez' (did you mean 'shares'?)");
  }

  @Test
  void everyKeyIsRequired() {
    assertThat(fixture.problemsOf(SHARES + """
            of: shares
            as: absolute
        """)).singleElement().asString().contains("missing required key 'compare_to' in change metric 'c'");
    assertThat(fixture.problemsOf(SHARES + """
            of: shares
            compare_to: previous_period
        """)).singleElement().asString().contains("missing required key 'as' in change metric 'c'");
  }

  @Test
  void aCycleThroughAChangeIsReported() {
    assertThat(fixture.problemsOf(SHARES + """
            of: c
            compare_to: previous_period
            as: absolute
        """)).contains("metrics.yaml:6:3: metric 'c' refers to itself through c -> c (break the cycle)");
  }
}
