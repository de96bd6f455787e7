package dev.spotlight.metrics.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import org.junit.jupiter.api.Test;

class CoreCatalogTest {

  @Test
  void loadsAndChecksWithoutProblemsAndEveryMetricIsDocumented() {
    Problems problems = new Problems(ExitKind.DEFINITION);
    MetricCatalog core = MetricChecker.check(MetricFileLoader.loadCatalog("core", Location.NONE, problems), problems);
    assertThat(problems.list()).isEmpty();
    assertThat(core.ids()).contains("participants", "outcomes", "programme_cost", "cost_per_participant", "cost_per_outcome", "deprived_reach_share");
    for (MetricDefinition d : core.all()) {
      assertThat(d.label()).as(d.id()).isNotBlank();
      assertThat(d.description()).as(d.id()).isNotBlank();
      assertThat(d.unit()).as(d.id()).isNotBlank();
      assertThat(d.file()).isEqualTo("catalog:core");
    }
  }
}
