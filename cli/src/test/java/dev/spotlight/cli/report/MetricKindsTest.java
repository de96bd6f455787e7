package dev.spotlight.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricKindsTest {

  @TempDir static Path dir;

  private static Map<String, MetricDefinition> metrics;

  @BeforeAll
  static void load() throws IOException {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, """
        version: 1
        metrics:
          people: { label: People, type: count_distinct, of: participant, unit: people }
          outcomes: { label: Outcomes, type: count, where: outcome is not null, unit: outcomes }
          reuse: { label: Items reused, type: count, where: "event_type = 'x' and outcome in ('item_reuse')", unit: items }
          shares: { label: Shares, type: count, where: "event_type = 'share.completed'", unit: items }
          cost: { label: Cost, type: sum, table: costs, of: amount, unit: GBP }
          per_outcome: { label: Cost per outcome, type: ratio, numerator: cost, denominator: outcomes, unit: GBP }
          median_value: { label: Median value, type: median, of: amount, unit: GBP }
          share_deprived:
            label: Deprived share
            type: ratio
            numerator: { metric: people, where: deprivation_decile <= 3 }
            denominator: people
            unit: percent
          per_1000: { label: "People per 1,000", type: per_capita, of: people }
        """);
    Problems problems = new Problems(ExitKind.DEFINITION);
    metrics = MetricFileLoader.load(file, problems).stream().collect(Collectors.toMap(MetricDefinition::id, Function.identity()));
    problems.throwIfAny();
  }

  private static List<String> shown(String word) {
    return metrics.values().stream().filter(d -> MetricKinds.shows(word, d)).map(MetricDefinition::id).sorted().toList();
  }

  @Test
  void countsAreCountsThatAreNeitherMoneyNorPercent() {
    assertThat(shown("counts")).containsExactly("outcomes", "people", "reuse", "shares");
  }

  @Test
  void outcomesAreCountsWhoseFilterReadsTheOutcomeColumn() {
    assertThat(shown("outcomes")).containsExactly("outcomes", "reuse");
  }

  @Test
  void moneyIsEveryCurrencyUnitAndUnitCostsOnlyItsRatios() {
    assertThat(shown("money")).containsExactly("cost", "median_value", "per_outcome");
    assertThat(shown("unit_costs")).containsExactly("per_outcome");
  }

  @Test
  void percentAndPerCapitaGoByUnitAndType() {
    assertThat(shown("percent")).containsExactly("share_deprived");
    assertThat(shown("per_capita")).containsExactly("per_1000");
  }

  @Test
  void allShowsEverythingAndAListShowsAnyOfItsWords() {
    assertThat(shown("all")).hasSize(metrics.size());
    assertThat(metrics.values().stream().filter(d -> MetricKinds.shows(List.of("percent", "unit_costs"), d)).map(MetricDefinition::id).sorted())
        .containsExactly("per_outcome", "share_deprived");
  }
}
