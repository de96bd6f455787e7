package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.ImpactStoreFixture;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.sql.GoldenQueries;
import dev.spotlight.metrics.sql.MoneyRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden SQL queries (metrics' GoldenQueries, the one list QuerySqlBuilderTest checks against
 * metrics/src/test/resources/golden) on the store fixture the engine tests use, on DuckDB and on
 * Spark: each spec as written, then the golden catalogue by every dimension. The two engines must
 * give the same numbers; a golden file that no spec produces fails.
 */
class GoldenParityTest {

  static final MetricCatalog CATALOG = GoldenQueries.CATALOG;

  /** Every metric of the golden catalogue. */
  static final List<String> METRICS = CATALOG.ids();

  private static final MoneyRules MONEY = GoldenQueries.MONEY;

  @TempDir
  static Path dir;

  private static ImpactStoreFixture store;

  @BeforeAll
  static void writeStore() {
    store = ImpactStoreFixture.write(dir);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.spotlight.metrics.sql.GoldenQueries#specs")
  void everyGoldenQuery(GoldenQueries.Spec spec) {
    Parity.check(CATALOG, store.store(), store.areasFile(), ImpactStoreFixture.LONDON, MONEY, DisclosureRules.OFF, spec.query());
  }

  @org.junit.jupiter.api.Test
  void everyGoldenFileComesFromASpec() {
    String root = System.getProperty("spotlight.root");
    assertThat(root).as("system property spotlight.root (set by the build)").isNotNull();
    Path folder = Path.of(root, "metrics", "src", "test", "resources", "golden");
    assertThat(GoldenQueries.filesIn(folder)).as("golden files in %s", folder).isNotEmpty();
    assertThat(GoldenQueries.withoutSpec(folder)).as("golden files no GoldenQueries spec produces").isEmpty();
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
