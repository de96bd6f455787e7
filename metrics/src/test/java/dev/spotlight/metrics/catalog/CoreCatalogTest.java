package dev.spotlight.metrics.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.proxy.ProxyCatalog;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.testing.MetricTest;
import dev.spotlight.metrics.testing.MetricTestLoader;
import dev.spotlight.metrics.testing.MetricTestRunner;
import dev.spotlight.metrics.testing.TestEngine;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreCatalogTest {

  private static MetricCatalog core(String currency) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    MetricCatalog core = MetricChecker.check(MetricFileLoader.loadCatalog("core", Location.NONE, problems), ProxyCatalog.none(), currency, problems);
    assertThat(problems.list()).extracting(Problem::render).isEmpty();
    return core;
  }

  @Test
  void atLeastTwentyMetricsEachLabelledDescribedAndWithAUnit() {
    MetricCatalog core = core("GBP");
    assertThat(core.ids()).hasSizeGreaterThanOrEqualTo(20).contains("participants", "outcomes", "programme_cost", "cost_per_participant",
        "cost_per_outcome", "deprived_reach_share", "crowd_leverage", "median_hours_to_fix", "alert_acceptance_rate",
        "median_minutes_to_arrive", "resident_participation_share", "sensor_readings", "active_devices");
    for (MetricDefinition d : core.all()) {
      assertThat(d.label()).as(d.id()).isNotBlank();
      assertThat(d.description()).as(d.id()).isNotBlank();
      assertThat(d.unit()).as(d.id()).isNotBlank();
      assertThat(d.file()).isEqualTo("catalog:core");
    }
  }

  @Test
  void moneyMetricsAreInTheProjectsCurrency() {
    MetricCatalog core = core("EUR");
    for (String id : List.of("programme_cost", "cost_per_participant", "cost_per_outcome", "crowd_pledged", "match_pledged")) {
      assertThat(core.get(id, null).unit()).as(id).isEqualTo("EUR");
    }
    assertThat(core.get("participants", null).unit()).isEqualTo("people");
  }

  /** A new metric without its own test fails the build: every id names a test that computes it alone. */
  @Test
  void everyMetricHasItsOwnTestNamedAfterIt(@TempDir Path scratch) {
    MetricCatalog core = core("GBP");
    Problems problems = new Problems(ExitKind.DEFINITION);
    List<MetricTest> tests = MetricTestLoader.loadCatalog("core", scratch, problems);
    assertThat(problems.list()).extracting(Problem::render).isEmpty();
    Map<String, MetricTest> byName = new HashMap<>();
    for (MetricTest t : tests) {
      assertThat(byName.put(t.name(), t)).as("two tests named '%s'", t.name()).isNull();
    }
    List<String> missing = new ArrayList<>();
    for (String id : core.ids()) {
      MetricTest own = byName.get(id);
      if (own == null) {
        missing.add(id);
        continue;
      }
      assertThat(own.query().metrics()).as("the metrics of test '%s'", id).containsExactly(id);
    }
    assertThat(missing).as("core metrics without a test named after them").isEmpty();
  }

  @Test
  void everyMetricIsCoveredByATestAndEveryTestPassesOnEveryEngine(@TempDir Path scratch) {
    MetricCatalog core = core("GBP");
    Problems problems = new Problems(ExitKind.DEFINITION);
    List<MetricTest> tests = MetricTestLoader.loadCatalog("core", scratch, problems);
    MetricTestLoader.check(tests, core, problems);
    assertThat(problems.list()).extracting(Problem::render).isEmpty();
    Set<String> covered = new HashSet<>();
    tests.forEach(t -> covered.addAll(t.query().metrics()));
    assertThat(covered).containsAll(core.ids());
    MetricTestRunner runner = new MetricTestRunner(core, ZoneId.of("Europe/London"), new MoneyRules("GBP", Map.of()), DisclosureRules.OFF,
        TestEngine.available());
    List<String> failures = new ArrayList<>();
    int runs = 0;
    for (MetricTest t : tests) {
      for (MetricTestRunner.Outcome o : runner.run(t)) {
        runs++;
        if (!o.passed()) {
          failures.add(o.line());
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(runs).isGreaterThanOrEqualTo(tests.size());
  }
}
