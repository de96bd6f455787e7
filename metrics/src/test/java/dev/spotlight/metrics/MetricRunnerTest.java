package dev.spotlight.metrics;

import static dev.spotlight.metrics.ImpactStoreFixture.LONDON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.engine.duckdb.DuckDbEngine;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.plan.QueryPlanner;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.MoneyRules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end numbers: metric definitions → plan → DuckDB SQL over Parquet → tidy results, on the
 * store of {@link ImpactStoreFixture}. Every expected number is worked out by hand from the rows
 * listed there (the arithmetic is in the comments) or by a separate hand-written query.
 *
 * <p>The October 2026 rows, with amounts in GBP after conversion (USD × 0.8; EUR has no rate):
 *
 * <pre>
 * id  grantee  source  type              day  participant area(decile) quantity amount
 * r02 kirklees peerby  share.completed   1    p1  E01(1)   2   20     (GBP; 23:30 UTC on 30 Sep)
 * r05 kirklees peerby  share.completed   2    p2  E01(1)   1   15.5   (no currency)
 * r06 kirklees peerby  share.completed   3    p3  E02(3)   3   80     (100 USD)
 * r07 kirklees peerby  share.completed   5    p4  E02(3)   4   -      (50 EUR: left out)
 * r08 kirklees peerby  share.requested   6    p5  -(-)     7   -
 * r09 kirklees peerby  share.requested   7    -   E01(1)   6   -
 * r10 kirklees peerby  item.listed       8    p1  E01(1)   -   12
 * r24 kirklees peerby  share.completed   9    p3  E02(3)   2   -
 * r11 leeds    peerby  share.completed   10   p7  E03(8)   8   30
 * r12 leeds    peerby  share.completed   12   p8  E04(-)   9   20     (25 USD)
 * r13 leeds    peerby  share.requested   14   p7  E03(8)   10  -
 * r14 leeds    peerby  item.listed       15   p9  E09(-)   12  60     (area not in the areas file)
 * r15 leeds    peerby  share.completed   20   -   -(-)     15  5
 * r03 leeds    peerby  share.completed   31   p6  E03(8)   5   40     (23:30 GMT on 31 Oct)
 * r16 kirklees repair  repair.attempted  4    p1  E01(1)   30  -
 * r17 kirklees repair  repair.fixed      4    p1  E01(1)   45  8
 * r18 kirklees repair  repair.attempted  11   p2  E02(3)   20  -
 * r19 kirklees repair  repair.fixed      11   p2  E02(3)   25  -
 * r20 kirklees repair  repair.attempted  18   p10 E01(1)   60  -
 * r21 kirklees repair  repair.attempted  25   p11 E02(3)   35  -
 * r22 kirklees repair  repair.fixed      25   p11 E02(3)   40  12.5
 * r23 kirklees repair  repair.attempted  26   p12 -(-)     50  -
 * </pre>
 *
 * 22 rows: kirklees 16, leeds 6. Left out as not in October (local time): r01 (22:30 UTC = 23:30 BST
 * on 30 Sep), r25 (15 Sep), r04 (00:10 GMT on 1 Nov), r26 (10 Nov), each worth 1000.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricRunnerTest {

  @TempDir
  static Path dir;

  private static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        events:
          label: Events
          type: count
        shares:
          label: Items shared
          type: count
          where: event_type = 'share.completed'
        participants:
          label: People taking part
          type: count_distinct
          of: participant
        repairs_fixed:
          label: Repairs fixed
          type: count
          where: event_type = 'repair.fixed'
        repairs_attempted:
          label: Repairs attempted
          type: count
          where: event_type = 'repair.attempted'
        app_events:
          label: App events in the 30% most deprived areas
          type: count
          where: attributes.channel = 'app' and deprivation_decile in (1, 2, 3)
        missing_events:
          label: Events of a type nobody records
          type: count
          where: event_type = 'nothing.happened'
        total_value:
          label: Value
          type: sum
          of: amount
        avg_value:
          label: Average value
          type: avg
          of: amount
        min_value:
          label: Smallest value
          type: min
          of: amount
        max_value:
          label: Largest value
          type: max
          of: amount
        median_value:
          label: Median value
          type: median
          of: amount
        p90_quantity:
          label: 90th percentile of quantity
          type: percentile
          of: quantity
          p: 0.9
        programme_cost:
          label: Programme cost
          type: sum
          table: costs
          of: amount
        cost_lines:
          label: Cost lines
          type: count
          table: costs
        cost_per_share:
          label: Cost per item shared
          type: ratio
          numerator: programme_cost
          denominator: shares
        cost_per_missing:
          label: Cost per missing event
          type: ratio
          numerator: programme_cost
          denominator: missing_events
        fixed_rate:
          label: Share of repairs fixed
          type: ratio
          numerator: repairs_fixed
          denominator: repairs_attempted
        fixed_per_missing:
          label: Fixed per missing event
          type: ratio
          numerator: repairs_fixed
          denominator: missing_events
        deprived_share:
          label: Share of people from the 30% most deprived areas
          type: ratio
          numerator: { metric: participants, where: deprivation_decile <= 3 }
          denominator: { metric: participants, where: deprivation_decile is not null }
          interval: wilson
      """);

  private static final MoneyRules MONEY = new MoneyRules("GBP", Map.of("USD", new BigDecimal("0.8")));

  /** The 97.5% point of the standard normal distribution, Φ⁻¹(0.975). */
  private static final double Z = 1.959963984540054;

  /** Tolerance for values whose exact result is not a binary fraction (e.g. 6100 × 31 / 61). */
  private static final double ROUNDING = 1e-9;

  private ImpactStoreFixture fixture;
  private DuckDbEngine engine;
  private MetricRunner runner;

  @BeforeAll
  void writeStoreAndStartEngine() {
    fixture = ImpactStoreFixture.write(dir);
    engine = new DuckDbEngine(fixture.store(), fixture.areasFile(), LONDON);
    runner = runner(new DisclosureRules(5, 0));
  }

  @AfterAll
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private MetricRunner runner(DisclosureRules rules) {
    return new MetricRunner(CATALOG, engine, MONEY, rules);
  }

  private static Period period(String text) {
    return Periods.parse(text, LocalDate.of(2026, 11, 17));
  }

  private static ResultTable compute(MetricRunner r, String period, List<String> dims, String... metrics) {
    return r.compute(new MetricQuery(List.of(metrics), dims, period(period)));
  }

  private ResultTable october(List<String> dims, String... metrics) {
    return compute(runner, "2026-10", dims, metrics);
  }

  /** The row of {@code metric} whose dimension values are {@code dims}, in the query's dimension order. */
  private static ResultRow row(ResultTable t, String metric, String... dims) {
    List<ResultRow> found = t.rows().stream()
        .filter(r -> r.metric().equals(metric))
        .filter(r -> new ArrayList<>(r.dims().values()).equals(Arrays.asList(dims)))
        .toList();
    assertThat(found).as("rows of %s for %s", metric, Arrays.toString(dims)).hasSize(1);
    return found.get(0);
  }

  private static void assertValue(ResultRow r, double expected) {
    assertThat(r.status()).as("status of %s %s", r.metric(), r.dims()).isEqualTo(MetricStatus.OK);
    assertThat(r.value()).as("value of %s %s", r.metric(), r.dims()).isEqualTo(expected);
  }

  private static void assertValueNear(ResultRow r, double expected) {
    assertThat(r.status()).as("status of %s %s", r.metric(), r.dims()).isEqualTo(MetricStatus.OK);
    assertThat(r.value()).as("value of %s %s", r.metric(), r.dims()).isCloseTo(expected, within(ROUNDING));
  }

  private static void assertSuppressed(ResultRow r) {
    assertThat(r.status()).as("status of %s %s", r.metric(), r.dims()).isEqualTo(MetricStatus.SUPPRESSED);
    assertThat(r.value()).isNull();
    assertThat(r.low()).isNull();
    assertThat(r.high()).isNull();
  }

  private static void assertUndefined(ResultRow r) {
    assertThat(r.status()).as("status of %s %s", r.metric(), r.dims()).isEqualTo(MetricStatus.UNDEFINED);
    assertThat(r.value()).isNull();
  }

  /** Wilson score interval, textbook form: (x + z²/2)/(n + z²) ± z/(n + z²) · √(x(n − x)/n + z²/4). */
  private static double[] wilson(double x, double n) {
    double z2 = Z * Z;
    double centre = (x + z2 / 2) / (n + z2);
    double half = Z / (n + z2) * Math.sqrt(x * (n - x) / n + z2 / 4);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  @Nested
  class Counts {

    @Test
    void countCountsTheRowsWhoseLocalDateIsInThePeriod() {
      // 22 October rows; r02 (UTC 30 Sep, local 1 Oct) and r03 (31 Oct, local) are in,
      // r01 (local 30 Sep) and r04 (local 1 Nov) are out
      assertValue(row(october(List.of(), "events"), "events"), 22);
    }

    @Test
    void countWithWhereCountsOnlyMatchingRows() {
      // share.completed: r02 r05 r06 r07 r24 r11 r12 r15 r03 = 9
      assertValue(row(october(List.of(), "shares"), "shares"), 9);
    }

    @Test
    void countDistinctCountsEachPersonOnceAcrossSourcesAndSkipsNulls() {
      // p1..p12 except p13, p14 (outside October); r09 and r15 have no participant.
      // p1 and p2 are in both sources but count once: 12.
      ResultTable t = october(List.of(), "participants");
      assertValue(row(t, "participants"), 12);
      // per source: peerby {p1 p2 p3 p4 p5 p6 p7 p8 p9} = 9, repair-cafe {p1 p2 p10 p11 p12} = 5
      ResultTable bySource = october(List.of("source"), "participants");
      assertValue(row(bySource, "participants", "peerby"), 9);
      assertValue(row(bySource, "participants", "repair-cafe"), 5);
    }

    @Test
    void aWhereMayUseAttributesAndAreaColumns() {
      // channel app: r02 (E01000001, decile 1) and r06 (E01000002, decile 3) = 2
      MetricRunner open = runner(DisclosureRules.OFF);
      assertValue(row(compute(open, "2026-10", List.of(), "app_events"), "app_events"), 2);
    }

    @Test
    void zeroIsACountLikeAnyOtherAndIsNotSuppressed() {
      assertValue(row(october(List.of(), "missing_events"), "missing_events"), 0);
    }

    @Test
    void countsOfOneToFourAreSuppressed() {
      // repair.fixed: r17 r19 r22 = 3
      ResultTable t = october(List.of(), "repairs_fixed", "repairs_attempted");
      assertSuppressed(row(t, "repairs_fixed"));
      // repair.attempted: r16 r18 r20 r21 r23 = 5, the threshold itself is shown
      assertValue(row(t, "repairs_attempted"), 5);
      // 1 October has one event (r02), 5 October one (r07), 14 October one (r13)
      ResultTable byDay = october(List.of("day"), "events");
      assertSuppressed(row(byDay, "events", "2026-10-01"));
      assertSuppressed(row(byDay, "events", "2026-10-05"));
      // cost lines: bradford 1 (c6), kirklees 2 (c1 c4), leeds 2 (c2 c3)
      ResultTable costLines = october(List.of("grantee"), "cost_lines");
      assertSuppressed(row(costLines, "cost_lines", "bradford"));
      assertSuppressed(row(costLines, "cost_lines", "kirklees"));
      assertSuppressed(row(costLines, "cost_lines", "leeds"));
    }

    @Test
    void withSuppressionOffSmallCountsAreShown() {
      ResultTable t = compute(runner(DisclosureRules.OFF), "2026-10", List.of(), "repairs_fixed");
      assertValue(row(t, "repairs_fixed"), 3);
    }

    @Test
    void costRowsAreCountedOnceInEachPeriodTheyOverlap() {
      // October overlaps c1 c2 c3 c4 c6 (c5 starts 15 Nov): 5
      assertValue(row(october(List.of(), "cost_lines"), "cost_lines"), 5);
      // September overlaps only c1; c1 counts in both months
      ResultTable t = compute(runner(DisclosureRules.OFF), "2026-09-01..2026-10-31", List.of("grantee", "month"), "cost_lines");
      assertValue(row(t, "cost_lines", "kirklees", "2026-09"), 1);
      assertValue(row(t, "cost_lines", "kirklees", "2026-10"), 2);
    }
  }

  @Nested
  class Money {

    @Test
    void sumConvertsDollarsAndLeavesOutACurrencyWithoutARate() {
      // 20 + 15.5 + 100×0.8 + 12 + 30 + 25×0.8 + 60 + 5 + 40 + 8 + 12.5 = 303 (50 EUR left out)
      assertValue(row(october(List.of(), "total_value"), "total_value"), 303);
    }

    @Test
    void withoutAnyRatesOnlyTheProjectCurrencyAndNoCurrencyCount() {
      MetricRunner gbpOnly = new MetricRunner(CATALOG, engine, new MoneyRules("GBP", Map.of()), DisclosureRules.OFF);
      // 303 less the two dollar amounts (80 and 20): 203
      assertValue(row(compute(gbpOnly, "2026-10", List.of(), "total_value"), "total_value"), 203);
    }

    @Test
    void avgMinMaxAndMedianUseConvertedAmountsAndIgnoreNulls() {
      // 11 amounts: 5 8 12 12.5 15.5 20 20 30 40 60 80
      ResultTable t = october(List.of(), "avg_value", "min_value", "max_value", "median_value");
      assertValue(row(t, "avg_value"), 303.0 / 11);
      assertValue(row(t, "min_value"), 5);
      // 80 is the converted 100 USD; the 50 EUR and the 1000s outside October do not count
      assertValue(row(t, "max_value"), 80);
      // the 6th of 11
      assertValue(row(t, "median_value"), 20);
    }

    @Test
    void theCostOfAPeriodIsEachRowSpreadEvenlyByDay() {
      // c1: 6100 × 31 / 61 (15 Sep..14 Nov is 16 + 31 + 14 = 61 days) = 3100
      // c2: 1000 × 10 / 10 = 1000; c3: 500 USD × 0.8 × 31 / 31 = 400; c4: euros, left out
      // c6: 920 × 31 / 92 (1 Oct..31 Dec is 31 + 30 + 31 = 92 days) = 310; c5: after October
      // 3100 + 1000 + 400 + 310 = 4810
      assertValueNear(row(october(List.of(), "programme_cost"), "programme_cost"), 4810);
    }

    @Test
    void aCostRowSplitsAcrossTheMonthsItCovers() {
      // c1 over September and October: 6100 × 16 / 61 = 1600 and 6100 × 31 / 61 = 3100
      ResultTable t = compute(runner, "2026-09-01..2026-10-31", List.of("grantee", "month"), "programme_cost");
      assertValueNear(row(t, "programme_cost", "kirklees", "2026-09"), 1600);
      assertValueNear(row(t, "programme_cost", "kirklees", "2026-10"), 3100);
      // a range of 61 days gets the same rows as the two months
      assertThat(t.period().label()).isEqualTo("2026-09-01..2026-10-31");
    }
  }

  @Nested
  class Distributions {

    @Test
    void percentileInterpolatesLinearly() {
      // 21 quantities: 1 2 2 3 4 5 6 7 8 9 10 12 15 20 25 30 35 40 45 50 60;
      // position (21 − 1) × 0.9 = 18 → the 19th value, 45
      assertValue(row(october(List.of(), "p90_quantity"), "p90_quantity"), 45);
      ResultTable byGrantee = october(List.of("grantee"), "p90_quantity");
      // kirklees, 15 values: 1 2 2 3 4 6 7 20 25 30 35 40 45 50 60; position 14 × 0.9 = 12.6
      // → 45 + 0.6 × (50 − 45) = 48
      assertValueNear(row(byGrantee, "p90_quantity", "kirklees"), 48);
      // leeds, 6 values: 5 8 9 10 12 15; position 5 × 0.9 = 4.5 → 12 + 0.5 × (15 − 12) = 13.5
      assertValue(row(byGrantee, "p90_quantity", "leeds"), 13.5);
    }

    @Test
    void medianOfAnEvenNumberOfValuesIsTheMeanOfTheMiddleTwo() {
      // kirklees amounts 8 12 12.5 15.5 20 80 → (12.5 + 15.5) / 2 = 14; leeds 5 20 30 40 60 → 30
      ResultTable t = october(List.of("grantee"), "median_value");
      assertValue(row(t, "median_value", "kirklees"), 14);
      assertValue(row(t, "median_value", "leeds"), 30);
    }

    @Test
    void distributionsAreNeverSuppressed() {
      // leeds has 4 shares and 4 participants (suppressed) but its amounts are shown
      ResultTable t = october(List.of("grantee"), "participants", "avg_value", "min_value", "max_value", "median_value");
      assertSuppressed(row(t, "participants", "leeds"));
      // 30 + 20 + 60 + 5 + 40 = 155 over 5 amounts
      assertValue(row(t, "avg_value", "leeds"), 31);
      assertValue(row(t, "min_value", "leeds"), 5);
      assertValue(row(t, "max_value", "leeds"), 60);
      assertValue(row(t, "median_value", "leeds"), 30);
    }
  }

  @Nested
  class Ratios {

    @Test
    void aRatioDividesItsNumeratorByItsDenominator() {
      // 4810 / 9 shares
      assertValueNear(row(october(List.of(), "cost_per_share"), "cost_per_share"), 4810.0 / 9);
    }

    @Test
    void aZeroDenominatorIsUndefinedNotAnError() {
      assertUndefined(row(october(List.of(), "cost_per_missing"), "cost_per_missing"));
    }

    @Test
    void aRatioBuiltFromASuppressedCountIsSuppressed() {
      // 3 fixed / 5 attempted: the 3 is suppressed, so the ratio is too
      assertSuppressed(row(october(List.of(), "fixed_rate"), "fixed_rate"));
    }

    @Test
    void suppressionWinsOverUndefined() {
      // 3 fixed / 0 missing: undefined, but built from a suppressed count
      assertSuppressed(row(october(List.of(), "fixed_per_missing"), "fixed_per_missing"));
    }

    @Test
    void filteredReferencesAndTheWilsonInterval() {
      // numerator: people in deciles 1 and 3: {p1 p2 p10} ∪ {p2 p3 p4 p11} = 6
      // denominator: people in any known decile: those 6 and {p6 p7} from decile 8 = 8
      ResultRow r = row(october(List.of(), "deprived_share"), "deprived_share");
      assertValue(r, 0.75);
      double[] ci = wilson(6, 8);
      assertThat(r.low()).isCloseTo(ci[0], within(1e-12));
      assertThat(r.high()).isCloseTo(ci[1], within(1e-12));
      // the published 95% Wilson interval for 6/8 is [0.4093, 0.9285]
      assertThat(r.low()).isCloseTo(0.4093, within(5e-5));
      assertThat(r.high()).isCloseTo(0.9285, within(5e-5));
    }

    @Test
    void aRatioWithoutIntervalHasNoBounds() {
      ResultRow r = row(october(List.of(), "cost_per_share"), "cost_per_share");
      assertThat(r.low()).isNull();
      assertThat(r.high()).isNull();
    }
  }

  @Nested
  class Groups {

    private ResultTable byGranteeMonth() {
      return october(List.of("grantee", "month"), "events", "shares", "participants", "total_value", "avg_value",
          "programme_cost", "cost_per_share", "fixed_rate", "deprived_share");
    }

    @Test
    void oneRowPerGroupThatHasRowsIncludingGroupsOnlyCostsHave() {
      ResultTable t = byGranteeMonth();
      // bradford has a cost (c6) in October but no activity
      assertThat(t.rows().stream().filter(r -> r.metric().equals("events")).map(r -> r.dims().get("grantee")))
          .containsExactly("bradford", "kirklees", "leeds");
      assertThat(t.rows()).hasSize(9 * 3);
      assertThat(t.rows()).allSatisfy(r -> assertThat(r.dims()).containsEntry("month", "2026-10"));
      assertThat(t.dimensions()).containsExactly("grantee", "month");
      assertThat(t.rows()).allSatisfy(r -> assertThat(r.period()).isEqualTo("2026-10"));
    }

    @Test
    void countsPerGrantee() {
      ResultTable t = byGranteeMonth();
      assertValue(row(t, "events", "bradford", "2026-10"), 0);
      assertValue(row(t, "events", "kirklees", "2026-10"), 16);
      assertValue(row(t, "events", "leeds", "2026-10"), 6);
      // shares: kirklees r02 r05 r06 r07 r24 = 5; leeds r11 r12 r15 r03 = 4 (suppressed)
      assertValue(row(t, "shares", "kirklees", "2026-10"), 5);
      assertSuppressed(row(t, "shares", "leeds", "2026-10"));
      // participants: kirklees {p1 p2 p3 p4 p5 p10 p11 p12} = 8; leeds {p6 p7 p8 p9} = 4
      assertValue(row(t, "participants", "kirklees", "2026-10"), 8);
      assertSuppressed(row(t, "participants", "leeds", "2026-10"));
      assertValue(row(t, "participants", "bradford", "2026-10"), 0);
    }

    @Test
    void sumsPerGrantee() {
      ResultTable t = byGranteeMonth();
      // kirklees 20 + 15.5 + 80 + 12 + 8 + 12.5 = 148; leeds 30 + 20 + 60 + 5 + 40 = 155
      assertValue(row(t, "total_value", "kirklees", "2026-10"), 148);
      assertValue(row(t, "total_value", "leeds", "2026-10"), 155);
      // no rows: a sum is 0, an average is undefined
      assertValue(row(t, "total_value", "bradford", "2026-10"), 0);
      assertUndefined(row(t, "avg_value", "bradford", "2026-10"));
      assertValue(row(t, "avg_value", "kirklees", "2026-10"), 148.0 / 6);
      // costs: kirklees c1 3100 (c4 in euros); leeds c2 1000 + c3 400 = 1400; bradford c6 310
      assertValueNear(row(t, "programme_cost", "kirklees", "2026-10"), 3100);
      assertValue(row(t, "programme_cost", "leeds", "2026-10"), 1400);
      assertValueNear(row(t, "programme_cost", "bradford", "2026-10"), 310);
    }

    @Test
    void ratiosPerGrantee() {
      ResultTable t = byGranteeMonth();
      // kirklees 3100 / 5 = 620
      assertValueNear(row(t, "cost_per_share", "kirklees", "2026-10"), 620);
      // leeds: 1400 / 4 shares, and 4 is suppressed
      assertSuppressed(row(t, "cost_per_share", "leeds", "2026-10"));
      // bradford: 310 / 0 shares; 0 is not suppressed, so undefined
      assertUndefined(row(t, "cost_per_share", "bradford", "2026-10"));
      // fixed_rate: kirklees 3/5 suppressed; leeds 0/0 undefined
      assertSuppressed(row(t, "fixed_rate", "kirklees", "2026-10"));
      assertUndefined(row(t, "fixed_rate", "leeds", "2026-10"));
      // deprived_share: kirklees 6 of 6 known deciles; leeds 0 of 2 ({p6 p7}), and 2 is suppressed
      ResultRow kirklees = row(t, "deprived_share", "kirklees", "2026-10");
      assertValue(kirklees, 1.0);
      // x = n: the interval is [n / (n + z²), 1]
      assertThat(kirklees.low()).isCloseTo(6 / (6 + Z * Z), within(1e-12));
      assertThat(kirklees.high()).isEqualTo(1.0);
      assertSuppressed(row(t, "deprived_share", "leeds", "2026-10"));
    }

    @Test
    void byDeprivationDecileANullDecileIsItsOwnGroupAndComesLast() {
      ResultTable t = october(List.of("deprivation_decile"), "events", "total_value", "deprived_share");
      assertThat(t.rows().stream().filter(r -> r.metric().equals("events")).map(r -> r.dims().get("deprivation_decile")))
          .containsExactly("1", "3", "8", null);
      // decile 1 (E01000001): r02 r05 r09 r10 r16 r17 r20 = 7
      assertValue(row(t, "events", "1"), 7);
      // decile 3 (E01000002): r06 r07 r24 r18 r19 r21 r22 = 7
      assertValue(row(t, "events", "3"), 7);
      // decile 8 (E01000003): r11 r13 r03 = 3, suppressed
      assertSuppressed(row(t, "events", "8"));
      // no decile: no area (r08 r15 r23), E01000004 (r12), an area not in the file (r14) = 5
      assertValue(row(t, "events", (String) null), 5);
      // sums per decile: 20 + 15.5 + 12 + 8; 80 + 12.5; 30 + 40; 20 + 60 + 5
      assertValue(row(t, "total_value", "1"), 55.5);
      assertValue(row(t, "total_value", "3"), 92.5);
      assertValue(row(t, "total_value", "8"), 70);
      assertValue(row(t, "total_value", (String) null), 85);
      // no decile: 0 people in deciles 1-3 of 0 with a known decile → undefined
      assertUndefined(row(t, "deprived_share", (String) null));
      // decile 8: 0 of {p6 p7} → the 2 is suppressed
      assertSuppressed(row(t, "deprived_share", "8"));
    }

    @Test
    void calendarAndAttributeGroupsUseLocalDates() {
      MetricRunner open = runner(DisclosureRules.OFF);
      ResultTable byDay = compute(open, "2026-10", List.of("day"), "events");
      // r02 happened at 23:30 UTC on 30 September, which is 1 October in London
      assertValue(row(byDay, "events", "2026-10-01"), 1);
      // r03 at 23:30 on 31 October (GMT by then)
      assertValue(row(byDay, "events", "2026-10-31"), 1);
      assertThat(byDay.rows()).noneMatch(r -> "2026-09-30".equals(r.dims().get("day")) || "2026-11-01".equals(r.dims().get("day")));
      // ISO week 40 of 2026 runs Monday 28 Sep to Sunday 4 Oct: r02 r05 r06 r16 r17
      ResultTable byWeek = compute(open, "2026-10", List.of("week"), "events");
      assertValue(row(byWeek, "events", "2026-W40"), 5);
      ResultTable byQuarter = compute(open, "2026-10", List.of("quarter", "year"), "events");
      assertValue(row(byQuarter, "events", "2026-Q4", "2026"), 22);
      // channel: app r02 r06; web r05; none for the other 19
      ResultTable byChannel = compute(open, "2026-10", List.of("attributes.channel"), "events");
      assertValue(row(byChannel, "events", "app"), 2);
      assertValue(row(byChannel, "events", "web"), 1);
      assertValue(row(byChannel, "events", (String) null), 19);
    }

    @Test
    void groupsByAreaAndLocalAuthority() {
      MetricRunner open = runner(DisclosureRules.OFF);
      ResultTable byLa = compute(open, "2026-10", List.of("local_authority"), "events");
      // Kirklees: deciles 1 and 3 (7 + 7); Leeds: E01000003 (3) and E01000004 (r12)
      assertValue(row(byLa, "events", "Kirklees"), 14);
      assertValue(row(byLa, "events", "Leeds"), 4);
      assertValue(row(byLa, "events", (String) null), 4);
      ResultTable byArea = compute(open, "2026-10", List.of("area"), "events");
      assertValue(row(byArea, "events", "E09999999"), 1);
      assertValue(row(byArea, "events", (String) null), 3);
    }

    @Test
    void aCostsMetricCannotBeSplitByDeprivationDecile() {
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> october(List.of("deprivation_decile"), "cost_per_share"));
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    }
  }

  @Nested
  class EmptyPeriod {

    @Test
    void countsAndSumsAreZeroAndEverythingElseIsUndefined() {
      ResultTable t = compute(runner, "2027-03", List.of(), "events", "participants", "total_value", "programme_cost",
          "avg_value", "min_value", "max_value", "median_value", "p90_quantity", "cost_per_share", "deprived_share", "fixed_per_missing");
      assertThat(t.rows()).hasSize(12);
      assertValue(row(t, "events"), 0);
      assertValue(row(t, "participants"), 0);
      assertValue(row(t, "total_value"), 0);
      assertValue(row(t, "programme_cost"), 0);
      for (String undefined : List.of("avg_value", "min_value", "max_value", "median_value", "p90_quantity", "cost_per_share", "deprived_share",
          "fixed_per_missing")) {
        assertUndefined(row(t, undefined));
      }
    }

    @Test
    void splitByADimensionThereAreNoRows() {
      assertThat(compute(runner, "2027-03", List.of("grantee"), "events", "programme_cost").rows()).isEmpty();
    }
  }

  @Nested
  class Rounding {

    @Test
    void roundingAppliesToCountsOnly() {
      MetricRunner rounding = runner(new DisclosureRules(0, 5));
      ResultTable t = compute(rounding, "2026-10", List.of(), "events", "shares", "participants", "repairs_fixed", "missing_events",
          "total_value", "median_value", "cost_per_share", "deprived_share");
      assertValue(row(t, "events"), 20);          // 22
      assertValue(row(t, "shares"), 10);          // 9
      assertValue(row(t, "participants"), 10);    // 12
      assertValue(row(t, "repairs_fixed"), 5);    // 3, not suppressed with min_cell 0
      assertValue(row(t, "missing_events"), 0);
      assertValue(row(t, "total_value"), 303);
      assertValue(row(t, "median_value"), 20);
      // ratios use the counts as counted: 4810 / 9 and 6 / 8
      assertValueNear(row(t, "cost_per_share"), 4810.0 / 9);
      assertValue(row(t, "deprived_share"), 0.75);
    }

    @Test
    void roundingPerGroup() {
      ResultTable t = compute(runner(new DisclosureRules(0, 5)), "2026-10", List.of("grantee"), "events");
      assertValue(row(t, "events", "kirklees"), 15);   // 16
      assertValue(row(t, "events", "leeds"), 5);       // 6
      // bradford has costs but no activity, and this query reads activity only
      assertThat(t.rows()).hasSize(2);
    }
  }

  @Nested
  class Explain {

    private String explain(MetricRunner r, List<String> dims, String... metrics) {
      return r.explain(new MetricQuery(List.of(metrics), dims, period("2026-10")));
    }

    private CompiledQuery compiled(MetricRunner r, List<String> dims, String... metrics) {
      return r.compile(new QueryPlanner(r.catalog()).plan(new MetricQuery(List.of(metrics), dims, period("2026-10"))));
    }

    /** The lines of an explanation that are not comments. */
    private static List<String> sqlLines(String explanation) {
      return explanation.lines().filter(l -> !l.startsWith("--")).toList();
    }

    @Test
    void showsTheEnginePeriodFormulasSqlAndParameters() {
      String text = explain(runner, List.of("grantee"), "shares", "cost_per_share");
      CompiledQuery q = compiled(runner, List.of("grantee"), "shares", "cost_per_share");
      assertThat(text).startsWith("-- engine: duckdb, period 2026-10 (2026-10-01 .. 2026-10-31)\n");
      // shares is atom a0; cost_per_share is a1 (programme_cost) over a2 (its own shares atom)
      assertThat(text).contains("-- shares = a0\n", "-- cost_per_share = (a1 / a2)\n");
      assertThat(text).contains(q.sql() + ";\n");
      assertThat(String.join("\n", sqlLines(text))).isEqualTo(q.sql() + ";");
      assertThat(text).endsWith("-- parameters: [GBP, USD, 0.8, 2026-10-01, 2026-10-31, share.completed, share.completed,"
          + " GBP, USD, 0.8, 2026-10-01, 2026-10-31, 2026-10-31, 2026-10-01]\n");
    }

    @Test
    void aUserStringLiteralAppearsOnlyAmongTheParameters() {
      String text = explain(runner, List.of(), "shares");
      assertThat(sqlLines(text)).noneMatch(l -> l.contains("share.completed"));
      assertThat(text.lines().filter(l -> l.contains("share.completed")))
          .singleElement().asString().startsWith("-- parameters: [");
    }

    @Test
    void aLiteralThatLooksLikeSqlStaysInTheParameterLine() {
      MetricCatalog hostile = TestCatalogs.load("""
          version: 1
          metrics:
            odd:
              label: Odd
              type: count
              where: "grantee = 'x'' or 1=1 ; drop table activity; --\\n' or event_type = 'y\\nDROP TABLE costs;'"
          """);
      MetricRunner r = new MetricRunner(hostile, engine, MONEY, DisclosureRules.OFF);
      String text = explain(r, List.of(), "odd");
      assertThat(String.join("\n", sqlLines(text))).isEqualTo(compiled(r, List.of(), "odd").sql() + ";");
      assertThat(sqlLines(text)).noneMatch(l -> l.contains("drop table") || l.contains("DROP TABLE"));
      // the newlines inside the two literals are shown escaped, on the parameters line
      assertThat(text).endsWith(", x' or 1=1 ; drop table activity; --\\u000a, y\\u000aDROP TABLE costs;]\n");
      // and it computes as a plain comparison: no grantee is called that
      assertValue(row(r.compute(new MetricQuery(List.of("odd"), List.of(), period("2026-10"))), "odd"), 0);
    }
  }

  /** The same numbers from queries written by hand against the Parquet files. */
  @Nested
  class AgainstHandWrittenSql {

    private static final String OCTOBER_ACTIVITY = "(SELECT * FROM read_parquet(?, hive_partitioning = true)"
        + " WHERE occurred_on BETWEEN DATE '2026-10-01' AND DATE '2026-10-31')";

    private List<List<Object>> query(String sql) throws SQLException {
      String glob = fixture.store().root().resolve("activity").toAbsolutePath() + "/*/*/*.parquet";
      List<List<Object>> out = new ArrayList<>();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          PreparedStatement p = c.prepareStatement(sql.replace("OCTOBER_ACTIVITY", OCTOBER_ACTIVITY))) {
        p.setString(1, glob);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              row.add(rs.getObject(i));
            }
            out.add(row);
          }
        }
      }
      return out;
    }

    @Test
    void countsPerGrantee() throws SQLException {
      List<List<Object>> expected = query("SELECT grantee, count(*), count(DISTINCT participant),"
          + " count(*) FILTER (WHERE event_type = 'share.completed') FROM OCTOBER_ACTIVITY GROUP BY grantee ORDER BY grantee");
      ResultTable t = compute(runner(DisclosureRules.OFF), "2026-10", List.of("grantee"), "events", "participants", "shares");
      assertThat(expected).hasSize(2);
      for (List<Object> e : expected) {
        String grantee = (String) e.get(0);
        assertValue(row(t, "events", grantee), ((Number) e.get(1)).doubleValue());
        assertValue(row(t, "participants", grantee), ((Number) e.get(2)).doubleValue());
        assertValue(row(t, "shares", grantee), ((Number) e.get(3)).doubleValue());
      }
    }

    @Test
    void averagesAndPercentilesPerGrantee() throws SQLException {
      List<List<Object>> expected = query("SELECT grantee,"
          + " avg(CASE WHEN currency IS NULL OR currency = 'GBP' THEN amount::DOUBLE WHEN currency = 'USD' THEN amount::DOUBLE * 0.8 END),"
          + " quantile_cont(quantity, 0.9)"
          + " FROM OCTOBER_ACTIVITY GROUP BY grantee ORDER BY grantee");
      ResultTable t = october(List.of("grantee"), "avg_value", "p90_quantity");
      assertThat(expected).hasSize(2);
      for (List<Object> e : expected) {
        String grantee = (String) e.get(0);
        assertValue(row(t, "avg_value", grantee), ((Number) e.get(1)).doubleValue());
        assertValue(row(t, "p90_quantity", grantee), ((Number) e.get(2)).doubleValue());
      }
    }

    @Test
    void costSpreadPerGrantee() throws SQLException {
      String costs = fixture.store().root().resolve("costs").toAbsolutePath() + "/*/*.parquet";
      // days of overlap with October ÷ days covered, by date arithmetic rather than by listing days
      String sql = "SELECT grantee, sum(gbp * (least(period_end, DATE '2026-10-31') - greatest(period_start, DATE '2026-10-01') + 1)"
          + " / (period_end - period_start + 1)) FROM (SELECT *, CASE WHEN currency IS NULL OR currency = 'GBP' THEN amount::DOUBLE"
          + " WHEN currency = 'USD' THEN amount::DOUBLE * 0.8 END AS gbp FROM read_parquet(?, hive_partitioning = true))"
          + " WHERE period_start <= DATE '2026-10-31' AND period_end >= DATE '2026-10-01' GROUP BY grantee ORDER BY grantee";
      Map<String, Double> expected = new LinkedHashMap<>();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, costs);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            expected.put(rs.getString(1), rs.getDouble(2));
          }
        }
      }
      assertThat(expected).containsOnlyKeys("bradford", "kirklees", "leeds");
      ResultTable t = october(List.of("grantee"), "programme_cost");
      expected.forEach((grantee, value) -> assertValueNear(row(t, "programme_cost", grantee), Objects.requireNonNull(value)));
    }
  }
}
