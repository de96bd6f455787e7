package dev.spotlight.metrics;

import static dev.spotlight.metrics.ImpactStoreFixture.LONDON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.ImpactStoreFixture.Event;
import dev.spotlight.metrics.engine.duckdb.DuckDbEngine;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end numbers for the metric types built on other metrics (derived, per_capita), on a small
 * store written out below. Suppression is at {@code min_cell: 3} unless a test says otherwise, so
 * counts of 1 and 2 are hidden. Every expected number is worked out by hand in the comments.
 *
 * <p>October 2026 (all at 12:00 UTC, so the local date is the UTC date; amounts in GBP):
 *
 * <pre>
 * id   grantee  type             area  amount
 * o1   g1       share.completed  A1    10
 * o2   g1       share.completed  A1    20
 * o3   g1       share.completed  A2    30
 * o4   g1       share.requested  A1    -
 * o5   g1       share.requested  A2    -
 * o6   g1       share.requested  A2    -
 * o7   g1       share.requested  B1    -
 * o8   g1       share.requested  B1    -
 * o9   g2       share.completed  B1    40
 * o10  g2       share.requested  B1    -
 * o11  g2       share.requested  Z0    -
 * o12  g2       share.requested  Z0    -
 * o13  g2       share.requested  -     -
 * o14  g3       item.listed      A1    5
 * </pre>
 *
 * Totals: 14 events, shares 4 (o1 o2 o3 o9), requests 9 (o4..o8, o10..o13), listings 1 (o14),
 * value 105. Per grantee: g1 8 events, 3 shares, 5 requests, 0 listings, value 60; g2 5 events,
 * 1 share, 4 requests, value 40; g3 1 event, 0 shares, 0 requests, 1 listing, value 5.
 *
 * <p>September 2026 (the previous period): s1 s2 g1 shares (s1 worth 50), s3 a g1 request, s4 s5
 * s6 g4 shares. Totals: 6 events, 5 shares, 1 request, value 50; g1 3 events, 2 shares, 1 request,
 * value 50; g4 3 shares; g2 and g3 nothing.
 *
 * <p>October 2025 (the same period last year): y1..y4 g1 shares, y5 a g3 listing worth 5. Totals: 5
 * events, 4 shares; g1 4 events; g3 1 event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricTypesTest {

  @TempDir
  static Path dir;

  /**
   * Local authorities: Alpha = A1 (1000) + A2 (3000) = 4000; Beta = B1 (2000) + B2 (4000, no
   * activity at all) = 6000; Zed = Z0 (population 0). All areas: 10000.
   */
  static final String AREAS = """
      area_code,name,local_authority,population,deprivation_decile
      A1,North,Alpha,1000,1
      A2,South,Alpha,3000,2
      B1,East,Beta,2000,5
      B2,West,Beta,4000,5
      Z0,Empty,Zed,0,10
      """;

  static final List<Event> EVENTS = List.of(
      ev("o1", "g1", "share.completed", "2026-10-01", "A1", "10.00"),
      ev("o2", "g1", "share.completed", "2026-10-02", "A1", "20.00"),
      ev("o3", "g1", "share.completed", "2026-10-03", "A2", "30.00"),
      ev("o4", "g1", "share.requested", "2026-10-04", "A1", null),
      ev("o5", "g1", "share.requested", "2026-10-05", "A2", null),
      ev("o6", "g1", "share.requested", "2026-10-06", "A2", null),
      ev("o7", "g1", "share.requested", "2026-10-07", "B1", null),
      ev("o8", "g1", "share.requested", "2026-10-08", "B1", null),
      ev("o9", "g2", "share.completed", "2026-10-09", "B1", "40.00"),
      ev("o10", "g2", "share.requested", "2026-10-10", "B1", null),
      ev("o11", "g2", "share.requested", "2026-10-11", "Z0", null),
      ev("o12", "g2", "share.requested", "2026-10-12", "Z0", null),
      ev("o13", "g2", "share.requested", "2026-10-13", null, null),
      ev("o14", "g3", "item.listed", "2026-10-14", "A1", "5.00"),
      // September 2026, the previous period
      ev("s1", "g1", "share.completed", "2026-09-10", "A1", "50.00"),
      ev("s2", "g1", "share.completed", "2026-09-11", "A1", null),
      ev("s3", "g1", "share.requested", "2026-09-12", "A2", null),
      ev("s4", "g4", "share.completed", "2026-09-13", "B1", null),
      ev("s5", "g4", "share.completed", "2026-09-14", "B1", null),
      ev("s6", "g4", "share.completed", "2026-09-15", "B1", null),
      // October 2025, the same period last year
      ev("y1", "g1", "share.completed", "2025-10-01", "A1", null),
      ev("y2", "g1", "share.completed", "2025-10-02", "A1", null),
      ev("y3", "g1", "share.completed", "2025-10-03", "A2", null),
      ev("y4", "g1", "share.completed", "2025-10-04", "A2", null),
      ev("y5", "g3", "item.listed", "2025-10-20", "A1", "5.00"));

  private static Event ev(String id, String grantee, String type, String day, String area, String amount) {
    return ImpactStoreFixture.e(id, "peerby", grantee, type, day + "T12:00:00Z", "p-" + id, area, 1.0, amount, null);
  }

  static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        events:
          label: Events
          type: count
        shares:
          label: Items shared
          type: count
          where: event_type = 'share.completed'
        requests:
          label: Requests
          type: count
          where: event_type = 'share.requested'
        listings:
          label: Listings
          type: count
          where: event_type = 'item.listed'
        missing:
          label: Events nobody records
          type: count
          where: event_type = 'nothing.happened'
        value:
          label: Value
          type: sum
          of: amount
        fill_rate:
          label: Requests met
          type: ratio
          numerator: shares
          denominator: requests
        unmet_share:
          label: Share of requests not met
          type: derived
          expr: (requests - shares) / requests
        shares_per_listing:
          label: Shares per listing
          type: derived
          expr: shares / listings
        value_per_missing:
          label: Value per missing event
          type: derived
          expr: value / missing
        gap:
          label: Requests not met
          type: derived
          expr: requests - shares
        mixed:
          label: A derived metric of a derived metric and a ratio
          type: derived
          expr: round(gap * 2 + fill_rate - -1, 2) + abs(shares - requests) / 10
        g1_gap_share:
          label: Share of the gap that is g1's
          type: ratio
          numerator: { metric: gap, where: grantee = 'g1' }
          denominator: gap
        shares_per_1000:
          label: Items shared per 1,000 residents
          type: per_capita
          of: shares
        events_per_1000:
          label: Events per 1,000 residents
          type: per_capita
          of: events
          per: 1000
        value_per_resident:
          label: Value per resident
          type: per_capita
          of: value
          per: 1
        g1_shares_per_1000:
          label: g1's items shared per 1,000 residents
          type: per_capita
          of: { metric: shares, where: grantee = 'g1' }
        shares_change:
          label: Change in items shared
          type: change
          of: shares
          compare_to: previous_period
          as: absolute
        shares_growth:
          label: Growth in items shared
          type: change
          of: shares
          compare_to: previous_period
          as: relative
        value_change:
          label: Change in value
          type: change
          of: value
          compare_to: previous_period
          as: absolute
        value_growth:
          label: Growth in value
          type: change
          of: value
          compare_to: previous_period
          as: relative
        events_yoy:
          label: Events on the same month last year
          type: change
          of: events
          compare_to: same_period_last_year
          as: relative
        fill_rate_change:
          label: Change in the share of requests met
          type: change
          of: fill_rate
          compare_to: previous_period
          as: absolute
        change_of_change:
          label: This year's monthly change against last year's
          type: change
          of: shares_change
          compare_to: same_period_last_year
          as: absolute
        twice_per_1000:
          label: A derived metric over a per_capita metric
          type: derived
          expr: shares_per_1000 * 2
      """);

  private DuckDbEngine engine;
  private DuckDbEngine engineWithoutAreas;

  @BeforeAll
  void writeStore() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir, EVENTS, List.of(), AREAS);
    engine = new DuckDbEngine(f.store(), f.areasFile(), LONDON);
    engineWithoutAreas = new DuckDbEngine(f.store(), null, LONDON);
  }

  @AfterAll
  void close() {
    if (engine != null) {
      engine.close();
    }
    if (engineWithoutAreas != null) {
      engineWithoutAreas.close();
    }
  }

  private ResultTable compute(DisclosureRules rules, String period, List<String> dims, String... metrics) {
    MetricRunner runner = new MetricRunner(CATALOG, engine, new MoneyRules("GBP", Map.of()), rules);
    return runner.compute(new MetricQuery(List.of(metrics), dims, Periods.parse(period, LocalDate.of(2026, 11, 17))));
  }

  private ResultTable october(List<String> dims, String... metrics) {
    return compute(new DisclosureRules(3, 0), "2026-10", dims, metrics);
  }

  static ResultRow row(ResultTable t, String metric, String... dims) {
    List<ResultRow> found = t.rows().stream()
        .filter(r -> r.metric().equals(metric))
        .filter(r -> new ArrayList<>(r.dims().values()).equals(Arrays.asList(dims)))
        .toList();
    assertThat(found).as("rows of %s for %s", metric, Arrays.toString(dims)).hasSize(1);
    return found.get(0);
  }

  static void assertValue(ResultRow r, double expected) {
    assertThat(r.status()).as("status of %s %s", r.metric(), r.dims()).isEqualTo(MetricStatus.OK);
    assertThat(r.value()).as("value of %s %s", r.metric(), r.dims()).isCloseTo(expected, within(1e-12));
  }

  static void assertStatus(ResultRow r, MetricStatus status) {
    assertThat(r.status()).as("status of %s %s", r.metric(), r.dims()).isEqualTo(status);
    assertThat(r.value()).isNull();
    assertThat(r.low()).isNull();
    assertThat(r.high()).isNull();
  }

  @Nested
  class Derived {

    @Test
    void arithmeticOverCounts() {
      // (requests − shares) / requests = (9 − 4) / 9
      assertValue(row(october(List.of(), "unmet_share"), "unmet_share"), 5.0 / 9);
    }

    @Test
    void perGroupSuppressedUndefinedAndOk() {
      ResultTable t = october(List.of("grantee"), "unmet_share");
      // g1: (5 − 3) / 5
      assertValue(row(t, "unmet_share", "g1"), 0.4);
      // g2: 1 share is below min_cell 3, so the value built from it is suppressed
      assertStatus(row(t, "unmet_share", "g2"), MetricStatus.SUPPRESSED);
      // g3: (0 − 0) / 0; zero counts are not suppressed, the division is undefined
      assertStatus(row(t, "unmet_share", "g3"), MetricStatus.UNDEFINED);
    }

    @Test
    void divisionByZeroIsUndefinedAndSuppressionWinsOverIt() {
      // value / missing: 105 / 0; a sum and a zero count, nothing to suppress
      assertStatus(row(october(List.of(), "value_per_missing"), "value_per_missing"), MetricStatus.UNDEFINED);
      ResultTable t = october(List.of("grantee"), "shares_per_listing");
      // g1: 3 / 0 → undefined
      assertStatus(row(t, "shares_per_listing", "g1"), MetricStatus.UNDEFINED);
      // g2: 1 / 0 → undefined, but the 1 share is suppressed, and suppression wins
      assertStatus(row(t, "shares_per_listing", "g2"), MetricStatus.SUPPRESSED);
      // g3: 0 / 1 → the 1 listing is suppressed
      assertStatus(row(t, "shares_per_listing", "g3"), MetricStatus.SUPPRESSED);
      // with suppression off: g3 0 / 1 = 0, g2 still undefined
      ResultTable open = compute(DisclosureRules.OFF, "2026-10", List.of("grantee"), "shares_per_listing");
      assertValue(row(open, "shares_per_listing", "g3"), 0);
      assertStatus(row(open, "shares_per_listing", "g2"), MetricStatus.UNDEFINED);
    }

    @Test
    void derivedOfDerivedAndRatioWithConstantsAbsAndRound() {
      // gap = 9 − 4 = 5; fill_rate = 4 / 9
      // round(5 × 2 + 4/9 − (−1), 2) = round(11.444…, 2) = 11.44; abs(4 − 9) / 10 = 0.5 → 11.94
      ResultTable t = october(List.of(), "gap", "mixed");
      assertValue(row(t, "gap"), 5);
      assertValue(row(t, "mixed"), 11.94);
    }

    @Test
    void aFilteredReferenceToADerivedMetricFiltersEveryCountBelowIt() {
      // g1's gap: 5 requests − 3 shares = 2, of the whole gap 5
      assertValue(row(october(List.of(), "g1_gap_share"), "g1_gap_share"), 0.4);
    }

    @Test
    void derivedValuesAreNotRoundedLikeCounts() {
      // rounding to 5 applies to count metrics; the derived value uses the counts as counted
      ResultTable t = compute(new DisclosureRules(0, 5), "2026-10", List.of(), "shares", "requests", "unmet_share");
      assertValue(row(t, "shares"), 5);     // 4
      assertValue(row(t, "requests"), 10);  // 9
      // (9 − 4) / 9, not (10 − 5) / 10
      assertValue(row(t, "unmet_share"), 5.0 / 9);
    }

    @Test
    void explainShowsTheArithmetic() {
      MetricRunner runner = new MetricRunner(CATALOG, engine, new MoneyRules("GBP", Map.of()), DisclosureRules.OFF);
      String text = runner.explain(new MetricQuery(List.of("unmet_share", "mixed"), List.of(), Periods.parse("2026-10", LocalDate.now())));
      // unmet_share: a0 requests, a1 shares, a2 requests; mixed: gap (a3 − a4), fill_rate a5 / a6, abs(a7 − a8)
      assertThat(text).contains("-- unmet_share = ((a0 - a1) / a2)\n");
      assertThat(text).contains("-- mixed = (round(((((a3 - a4) * 2) + (a5 / a6)) - (0 - 1)), 2) + (abs((a7 - a8)) / 10))\n");
    }
  }

  @Nested
  class PerCapita {

    @Test
    void withoutAreaDimensionsTheWholeAreasFileIsThePopulation() {
      // all five areas: 1000 + 3000 + 2000 + 4000 + 0 = 10000 residents
      ResultTable t = october(List.of(), "shares_per_1000", "value_per_resident", "g1_shares_per_1000", "twice_per_1000");
      // 4 shares / 10000 × 1000
      assertValue(row(t, "shares_per_1000"), 0.4);
      // 105 / 10000 × 1
      assertValue(row(t, "value_per_resident"), 0.0105);
      // the filter applies to the shares, not the population: 3 / 10000 × 1000
      assertValue(row(t, "g1_shares_per_1000"), 0.3);
      assertValue(row(t, "twice_per_1000"), 0.8);
    }

    @Test
    void byLocalAuthorityEveryAreaOfTheAuthorityCountsActiveOrNot() {
      ResultTable t = october(List.of("local_authority"), "events_per_1000", "value_per_resident");
      // one row per group with activity: B2 has none, but it is part of Beta's population
      assertThat(t.rows().stream().filter(r -> r.metric().equals("events_per_1000")).map(r -> r.dims().get("local_authority")))
          .containsExactly("Alpha", "Beta", "Zed", null);
      // Alpha (A1 + A2 = 4000): o1..o6 and o14 = 7 events → 7 / 4000 × 1000
      assertValue(row(t, "events_per_1000", "Alpha"), 1.75);
      // Beta (B1 2000 + B2 4000 = 6000): o7 o8 o9 o10 = 4 events → 4 / 6000 × 1000
      assertValue(row(t, "events_per_1000", "Beta"), 4.0 / 6);
      // Zed: 2 events (o11 o12), below min_cell 3: suppressed, though the population 0 makes it undefined too
      assertStatus(row(t, "events_per_1000", "Zed"), MetricStatus.SUPPRESSED);
      // no local authority (o13 has no area): 1 event, suppressed
      assertStatus(row(t, "events_per_1000", (String) null), MetricStatus.SUPPRESSED);
      // a sum is never suppressed: Alpha 10 + 20 + 30 + 5 = 65 over 4000; Beta 40 over 6000
      assertValue(row(t, "value_per_resident", "Alpha"), 65.0 / 4000);
      assertValue(row(t, "value_per_resident", "Beta"), 40.0 / 6000);
      // Zed has population 0, and the group with no local authority has no known population
      assertStatus(row(t, "value_per_resident", "Zed"), MetricStatus.UNDEFINED);
      assertStatus(row(t, "value_per_resident", (String) null), MetricStatus.UNDEFINED);
    }

    @Test
    void byAreaAndByDecile() {
      ResultTable byArea = october(List.of("area"), "events_per_1000");
      // A1 (1000): o1 o2 o4 o14 = 4; A2 (3000): o3 o5 o6 = 3; B1 (2000): o7 o8 o9 o10 = 4
      assertValue(row(byArea, "events_per_1000", "A1"), 4);
      assertValue(row(byArea, "events_per_1000", "A2"), 1);
      assertValue(row(byArea, "events_per_1000", "B1"), 2);
      ResultTable byDecile = october(List.of("deprivation_decile"), "events_per_1000");
      // decile 5 is B1 and B2: 4 events over 6000 residents; decile 1 is A1 alone
      assertValue(row(byDecile, "events_per_1000", "5"), 4.0 / 6);
      assertValue(row(byDecile, "events_per_1000", "1"), 4);
    }

    @Test
    void aDimensionThatIsNotAnAreaUsesTheWholePopulation() {
      ResultTable t = october(List.of("grantee"), "events_per_1000", "value_per_resident");
      // 10000 residents for every grantee: g1 8 events, g2 5, g3 1 (suppressed)
      assertValue(row(t, "events_per_1000", "g1"), 0.8);
      assertValue(row(t, "events_per_1000", "g2"), 0.5);
      assertStatus(row(t, "events_per_1000", "g3"), MetricStatus.SUPPRESSED);
      assertValue(row(t, "value_per_resident", "g3"), 0.0005);
      // with an area dimension as well, the population is that of the area dimension's group:
      // g1 in Alpha: o1..o6 = 6 events over 4000
      ResultTable both = october(List.of("grantee", "local_authority"), "events_per_1000");
      assertValue(row(both, "events_per_1000", "g1", "Alpha"), 1.5);
    }

    @Test
    void theSameNumbersAsAHandWrittenPopulationQuery() throws Exception {
      // Beta's population straight from the areas file
      double beta = 0;
      for (String line : AREAS.lines().skip(1).toList()) {
        String[] f = line.split(",", -1);
        if (f[2].equals("Beta")) {
          beta += Double.parseDouble(f[3]);
        }
      }
      assertThat(beta).isEqualTo(6000);
      ResultTable t = compute(DisclosureRules.OFF, "2026-10", List.of("local_authority"), "events_per_1000");
      assertValue(row(t, "events_per_1000", "Beta"), 4 / beta * 1000);
    }

    @Test
    void withoutAnAreasFileAPerCapitaMetricIsADefinitionError() {
      MetricRunner runner = new MetricRunner(CATALOG, engineWithoutAreas, new MoneyRules("GBP", Map.of()), DisclosureRules.OFF);
      SpotlightException e = catchThrowableOfType(SpotlightException.class,
          () -> runner.compute(new MetricQuery(List.of("twice_per_1000"), List.of(), Periods.parse("2026-10", LocalDate.now()))));
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
      assertThat(e.getMessage()).contains("metric 'twice_per_1000' needs the population of the areas, but the project has no areas file");
    }

    @Test
    void explainShowsThePopulation() {
      MetricRunner runner = new MetricRunner(CATALOG, engine, new MoneyRules("GBP", Map.of()), DisclosureRules.OFF);
      String text = runner.explain(new MetricQuery(List.of("shares_per_1000"), List.of("local_authority"), Periods.parse("2026-10", LocalDate.now())));
      assertThat(text).contains("-- shares_per_1000 = ((a0 / population) * 1000)\n");
      assertThat(text).contains("pop AS (SELECT \"local_authority\" AS \"local_authority\", CAST(sum(\"population\") AS DOUBLE) AS \"__population\" FROM areas GROUP BY ALL)");
    }
  }

  @Nested
  class Change {

    @Test
    void absoluteAndRelativeOnThePreviousPeriod() {
      ResultTable t = october(List.of(), "shares_change", "shares_growth", "value_change", "value_growth");
      // shares 4 in October, 5 in September
      assertValue(row(t, "shares_change"), -1);
      assertValue(row(t, "shares_growth"), -0.2);
      // value 105 against 50: +55, and 55 / 50 as a fraction
      assertValue(row(t, "value_change"), 55);
      assertValue(row(t, "value_growth"), 1.1);
    }

    @Test
    void theSamePeriodLastYear() {
      // 14 events in October 2026, 5 in October 2025: (14 − 5) / 5
      assertValue(row(october(List.of(), "events_yoy"), "events_yoy"), 1.8);
    }

    @Test
    void groupsAreMatchedByValueAndAGroupMissingInTheComparisonPeriodCountsAsZero() {
      ResultTable t = october(List.of("grantee"), "shares_change", "shares_growth", "value_change", "value_growth");
      // one row per group with rows in October: g4 (September only) has none
      assertThat(t.rows().stream().filter(r -> r.metric().equals("value_change")).map(r -> r.dims().get("grantee")))
          .containsExactly("g1", "g2", "g3");
      // g1: 3 shares against 2, and the comparison period's 2 is below min_cell 3
      assertStatus(row(t, "shares_change", "g1"), MetricStatus.SUPPRESSED);
      // g2: 1 share against none
      assertStatus(row(t, "shares_change", "g2"), MetricStatus.SUPPRESSED);
      // g3: 0 against 0 is a change of 0; relative to 0 it is undefined
      assertValue(row(t, "shares_change", "g3"), 0);
      assertStatus(row(t, "shares_growth", "g3"), MetricStatus.UNDEFINED);
      // value: g1 60 against 50; g2 40 and g3 5 against nothing in September (0)
      assertValue(row(t, "value_change", "g1"), 10);
      assertValue(row(t, "value_growth", "g1"), 0.2);
      assertValue(row(t, "value_change", "g2"), 40);
      assertValue(row(t, "value_change", "g3"), 5);
      assertStatus(row(t, "value_growth", "g2"), MetricStatus.UNDEFINED);
      assertStatus(row(t, "value_growth", "g3"), MetricStatus.UNDEFINED);
    }

    @Test
    void sameMonthLastYearPerGrantee() {
      ResultTable open = compute(DisclosureRules.OFF, "2026-10", List.of("grantee"), "events_yoy");
      // g1 8 against 4; g3 1 against 1; g2 5 against none → relative change from zero
      assertValue(row(open, "events_yoy", "g1"), 1);
      assertValue(row(open, "events_yoy", "g3"), 0);
      assertStatus(row(open, "events_yoy", "g2"), MetricStatus.UNDEFINED);
      ResultTable t = october(List.of("grantee"), "events_yoy");
      assertValue(row(t, "events_yoy", "g1"), 1);
      // g3: 1 event in each year, both below min_cell 3
      assertStatus(row(t, "events_yoy", "g3"), MetricStatus.SUPPRESSED);
    }

    @Test
    void aChangeOfARatioAndAChangeOfAChange() {
      // fill_rate: 4 / 9 in October, 5 / 1 in September; the September 1 is suppressed
      assertStatus(row(october(List.of(), "fill_rate_change"), "fill_rate_change"), MetricStatus.SUPPRESSED);
      ResultTable open = compute(DisclosureRules.OFF, "2026-10", List.of(), "fill_rate_change", "change_of_change");
      assertValue(row(open, "fill_rate_change"), 4.0 / 9 - 5);
      // (Oct 2026 − Sep 2026) − (Oct 2025 − Sep 2025) = (4 − 5) − (4 − 0)
      assertValue(row(open, "change_of_change"), -5);
    }

    @Test
    void aChangeCanBeSplitByOneCalendarDimensionOnly() {
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> october(List.of("month", "week"), "shares_change"));
      assertThat(e.kind()).isEqualTo(ExitKind.USAGE);
      assertThat(e.getMessage()).isEqualTo("change metric 'shares_change' can be split by one calendar dimension, not month and week (keep one, e.g. --by week)");
    }

    @Test
    void explainShowsOneStatementPerPeriod() {
      MetricRunner runner = new MetricRunner(CATALOG, engine, new MoneyRules("GBP", Map.of()), DisclosureRules.OFF);
      String text = runner.explain(new MetricQuery(List.of("shares_growth"), List.of(), Periods.parse("2026-10", LocalDate.now())));
      assertThat(text).contains("-- shares_growth = ((a0 - a1) / a1)\n");
      assertThat(text).contains("-- comparison period 2026-09 (2026-09-01 .. 2026-09-30)\n");
      assertThat(text.lines().filter(l -> l.startsWith("-- parameters: "))).containsExactly(
          "-- parameters: [GBP, 2026-10-01, 2026-10-31, share.completed]",
          "-- parameters: [GBP, 2026-09-01, 2026-09-30, share.completed]");
    }
  }
}
