package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.ImpactStoreFixture;
import dev.spotlight.metrics.TestCatalogs;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.sql.MoneyRules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden SQL fixtures' metrics (metrics/src/test/resources/golden: the catalogue of
 * QuerySqlBuilderTest) on the store fixture the engine tests use, on DuckDB and on Spark, by every
 * dimension: the two engines must give the same numbers.
 */
class GoldenParityTest {

  /** The golden files' catalogue, plus a filter on an attribute. */
  static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        events:
          label: Events
          type: count
        participants:
          label: People sharing
          type: count_distinct
          of: participant
          where: event_type in ('share.completed', 'share.requested')
        programme_cost:
          label: Programme cost
          type: sum
          table: costs
          of: amount
        deprived_share:
          label: Share of people from the most deprived areas
          type: ratio
          numerator: { metric: participants, where: deprivation_decile <= 3 }
          denominator: { metric: participants, where: deprivation_decile is not null }
          interval: wilson
        median_value:
          label: Median item value
          type: median
          of: amount
        p90_minutes:
          label: Minutes to arrive, 90th percentile
          type: percentile
          of: quantity
          p: 0.9
        channel_events:
          label: Events by channel
          type: count
          where: attributes.channel = 'app'
      """);

  static final List<String> METRICS = List.of("events", "participants", "programme_cost", "deprived_share", "median_value",
      "p90_minutes", "channel_events");

  private static final MoneyRules MONEY = new MoneyRules("GBP", Map.of("USD", new BigDecimal("0.8")));

  @TempDir
  static Path dir;

  private static ImpactStoreFixture store;

  @BeforeAll
  static void writeStore() {
    store = ImpactStoreFixture.write(dir);
  }

  static List<List<String>> dimensions() {
    return List.of(List.of(), List.of("grantee", "month"), List.of("source", "day"), List.of("week", "quarter", "year"));
  }

  /** Dimensions the costs table lacks: the same metrics without the costs one. */
  static List<List<String>> activityDimensions() {
    return List.of(List.of("event_type", "area"), List.of("local_authority", "platform_kind"), List.of("deprivation_decile", "outcome"),
        List.of("attributes.channel"));
  }

  @org.junit.jupiter.api.Test
  void theQueriesAboveSplitByEveryDimension() {
    java.util.Set<String> used = new java.util.HashSet<>();
    dimensions().forEach(used::addAll);
    activityDimensions().forEach(used::addAll);
    assertThat(used).containsAll(dev.spotlight.metrics.plan.TableScope.DIMENSIONS);
  }

  @ParameterizedTest(name = "by {0} in October 2026")
  @MethodSource("dimensions")
  void october(List<String> dims) {
    Parity.check(CATALOG, store.store(), store.areasFile(), ImpactStoreFixture.LONDON, MONEY, DisclosureRules.OFF,
        new MetricQuery(METRICS, dims, Periods.month(YearMonth.of(2026, 10))));
  }

  @ParameterizedTest(name = "by {0} in October 2026")
  @MethodSource("activityDimensions")
  void octoberWithoutCosts(List<String> dims) {
    Parity.check(CATALOG, store.store(), store.areasFile(), ImpactStoreFixture.LONDON, MONEY, DisclosureRules.OFF,
        new MetricQuery(METRICS.stream().filter(m -> !m.equals("programme_cost")).toList(), dims, Periods.month(YearMonth.of(2026, 10))));
  }

  static List<Period> periods() {
    return List.of(Periods.parse("2026", LocalDate.of(2026, 12, 1)), Periods.month(YearMonth.of(2025, 1)));
  }

  @ParameterizedTest(name = "by grantee and week in {0}")
  @MethodSource("periods")
  void otherPeriodsWithSuppression(Period period) {
    Parity.check(CATALOG, store.store(), store.areasFile(), ImpactStoreFixture.LONDON, MONEY, new DisclosureRules(2, 0),
        new MetricQuery(METRICS, List.of("grantee", "week"), period));
  }
}
