package dev.spotlight.metrics;

import static dev.spotlight.metrics.ImpactStoreFixture.LONDON;
import static dev.spotlight.metrics.MetricTypesTest.assertStatus;
import static dev.spotlight.metrics.MetricTypesTest.assertValue;
import static dev.spotlight.metrics.MetricTypesTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.engine.duckdb.DuckDbEngine;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code value} metrics end to end on DuckDB, on {@link MetricTypesTest}'s store (October 2026: 4
 * shares in all, g1 3, g2 1; September: 5 shares). Every expected number is the hand arithmetic of
 * docs/proxies.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueMetricTest {

  @TempDir
  static Path dir;

  static final String PROXIES = """
      version: 1
      proxies:
        - outcome: item_reuse
          value: 12.50
          currency: GBP
          per: item shared
          base_year: 2024
          years: 3
          deadweight: 0.2
          attribution: 0.1
          displacement: 0.05
          drop_off: 0.1
          discount_rate: 0.035
          source: A worked example, not a real valuation
        - outcome: listing
          value: 10
          currency: USD
          source: A worked example
      """;

  static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        shares:
          label: Items shared
          type: count
          where: event_type = 'share.completed'
        reuse_value:
          label: Social value of items shared
          type: value
          outcomes: shares
          proxy: item_reuse
        listing_value:
          label: Social value of listings
          type: value
          outcomes: { metric: shares, where: grantee = 'g1' }
          proxy: listing
          unit: GBP
        value_per_share:
          label: Net social value per item shared
          type: ratio
          numerator: reuse_value
          denominator: shares
      """, PROXIES, "GBP", Map.of("USD", new BigDecimal("0.79")));

  private DuckDbEngine engine;

  @BeforeAll
  void writeStore() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir, MetricTypesTest.EVENTS, List.of(), MetricTypesTest.AREAS);
    engine = new DuckDbEngine(f.store(), f.areasFile(), LONDON);
  }

  @AfterAll
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private ResultTable compute(DisclosureRules rules, String period, List<String> dims, String... metrics) {
    MetricRunner runner = new MetricRunner(CATALOG, engine, new MoneyRules("GBP", Map.of()), rules);
    return runner.compute(new MetricQuery(List.of(metrics), dims, Periods.parse(period, LocalDate.of(2026, 11, 17))));
  }

  @Test
  void netAndGrossOverThreeYears() {
    ResultTable t = compute(DisclosureRules.OFF, "2026-10", List.of(), "reuse_value", "reuse_value_gross");
    // 4 items. Net per item: 12.50 × 0.684 × (1 + 0.9/1.035 + 0.81/1.071225) = 8.55 × 2.625709 = 22.449811;
    // 4 × 22.449811 = 89.799244. Gross per item: 12.50 × 2.625709 = 32.821361; × 4 = 131.285444
    assertValue(row(t, "reuse_value"), 4 * 8.55 * (1 + 0.9 / 1.035 + 0.81 / 1.071225));
    assertThat(row(t, "reuse_value").value()).isCloseTo(89.799244, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(row(t, "reuse_value_gross").value()).isCloseTo(131.285444, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void forSeptembersFiveShares() {
    // 5 × 22.449811 = 112.249055
    ResultTable t = compute(DisclosureRules.OFF, "2026-09", List.of(), "reuse_value");
    assertThat(row(t, "reuse_value").value()).isCloseTo(112.249055, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void aValueBuiltOnASmallCountIsSuppressedLikeTheCount() {
    ResultTable t = compute(new DisclosureRules(3, 0), "2026-10", List.of("grantee"), "reuse_value", "reuse_value_gross");
    // g1: 3 × 22.449811 = 67.349433; g2: 1 share, below min_cell 3
    assertThat(row(t, "reuse_value", "g1").value()).isCloseTo(67.349433, org.assertj.core.api.Assertions.within(1e-6));
    assertStatus(row(t, "reuse_value", "g2"), MetricStatus.SUPPRESSED);
    assertStatus(row(t, "reuse_value_gross", "g2"), MetricStatus.SUPPRESSED);
  }

  @Test
  void aProxyInAnotherCurrencyGoesThroughTheFxRate() {
    // g1's 3 shares × 10 USD × 0.79 = 23.70 GBP; one year, no deductions, so gross = net
    ResultTable t = compute(DisclosureRules.OFF, "2026-10", List.of(), "listing_value", "listing_value_gross");
    assertValue(row(t, "listing_value"), 3 * 10 * 0.79);
    assertValue(row(t, "listing_value_gross"), 3 * 10 * 0.79);
  }

  @Test
  void otherMetricsCanUseTheNetValue() {
    // 89.799244 / 4 = 22.449811
    ResultTable t = compute(DisclosureRules.OFF, "2026-10", List.of(), "value_per_share");
    assertThat(row(t, "value_per_share").value()).isCloseTo(22.449811, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void theCompanionIsLabelledAndBothTakeTheProjectCurrencyAsUnit() {
    assertThat(CATALOG.ids()).containsSubsequence("reuse_value", "reuse_value_gross", "listing_value", "listing_value_gross");
    assertThat(CATALOG.get("reuse_value_gross", null).label()).isEqualTo("Social value of items shared (gross)");
    assertThat(CATALOG.get("reuse_value", null).unit()).isEqualTo("GBP");
    assertThat(CATALOG.get("reuse_value_gross", null).unit()).isEqualTo("GBP");
  }
}
