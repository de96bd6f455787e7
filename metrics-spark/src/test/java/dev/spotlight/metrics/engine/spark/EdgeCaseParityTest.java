package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.ImpactStoreFixture;
import dev.spotlight.metrics.ImpactStoreFixture.Cost;
import dev.spotlight.metrics.ImpactStoreFixture.Event;
import dev.spotlight.metrics.TestCatalogs;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traps between the engines, each on rows written for it: month edges in the project's time
 * zone, ISO weeks across a year end, empty periods, zero denominators, nulls, every date_diff unit,
 * rounding of doubles, percentiles between ranks, attributes, suppression and intervals. Where a
 * number is asserted it was worked out by hand from the rows below; every query is also run on both
 * engines and must agree.
 */
class EdgeCaseParityTest {

  private static Event ev(String id, String grantee, String type, String at, String participant, String area, Double quantity,
      String amount, String channel) {
    return new Event(id, "peerby", grantee, type, at, participant, area, quantity, amount, null, channel);
  }

  /** Europe/London: BST (UTC+1) until 25 October 2026 01:00 UTC; GMT in winter. */
  static final List<Event> EVENTS = List.of(
      // 23:30 UTC on 31 August is 00:30 BST on 1 September: a September event
      ev("m1", "a", "share.completed", "2026-08-31T23:30:00Z", "p1", "E01000001", 0.285, "10.00", "app"),
      // 22:59 UTC on 31 August is 23:59 BST: still August
      ev("m2", "a", "share.completed", "2026-08-31T22:59:00Z", "p2", "E01000001", 1.005, "20.00", "web"),
      ev("m3", "a", "share.requested", "2026-09-15T12:00:00Z", "p1", "E01000002", 2.5, null, null),
      ev("m4", "b", "share.completed", "2026-09-30T22:30:00Z", null, null, null, "7.25", "app"),   // 23:30 BST 30 Sep
      // across the year end: Mon 28 Dec 2026 .. Sun 3 Jan 2027 are ISO week 2026-W53
      ev("w1", "a", "share.completed", "2026-12-28T10:00:00Z", "p3", "E01000001", 4.0, "1.10", null),
      ev("w2", "a", "share.completed", "2027-01-01T10:00:00Z", "p4", "E01000002", 5.0, "2.20", null),
      ev("w3", "b", "share.completed", "2027-01-03T23:30:00Z", "p5", "E01000003", 6.0, "3.30", null),  // Sunday, GMT
      ev("w4", "b", "share.completed", "2027-01-04T00:30:00Z", "p5", "E01000003", 7.0, "4.40", null),  // Monday: 2027-W01
      ev("w5", "a", "share.completed", "2025-12-29T09:00:00Z", "p6", "E01000004", 8.0, "5.50", null),  // Monday: 2026-W01
      ev("w6", "a", "share.completed", "2025-12-28T09:00:00Z", "p6", "E01000004", 9.0, "6.60", null)); // Sunday: 2025-W52

  static final List<Cost> COSTS = List.of(
      new Cost("c1", "funder", "a", "2026-08-20", "2026-09-10", "2200.00", null),   // 22 days: 12 in Aug, 10 in Sep
      new Cost("c2", "funder", "b", "2026-12-30", "2027-01-02", "400.00", "USD"),   // 4 days across the year end
      new Cost("c3", "funder", "b", "2026-09-20", "2026-09-05", "999.00", null));   // ends before it starts: no days, no cost

  static final String AREAS = """
      area_code,name,local_authority,population,deprivation_decile
      E01000001,One,Kirklees,1000,1
      E01000002,Two,Kirklees,3000,2
      E01000003,Three,Leeds,0,9
      E01000004,Four,Leeds,500,
      """;

  static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        events: { label: Events, type: count }
        shares: { label: Shares, type: count, where: event_type = 'share.completed' }
        requests: { label: Requests, type: count, where: event_type = 'share.requested' }
        people: { label: People, type: count_distinct, of: participant }
        app_events: { label: App events, type: count, where: attributes.channel = 'app' }
        value: { label: Value, type: sum, of: amount }
        typical: { label: Typical, type: median, of: amount }
        lowest: { label: Lowest, type: min, of: quantity }
        highest: { label: Highest, type: max, of: quantity }
        mean_quantity: { label: Mean, type: avg, of: quantity }
        q25: { label: Lower quartile, type: percentile, of: quantity, p: 0.25 }
        q90: { label: 90th percentile, type: percentile, of: quantity, p: 0.9 }
        rounded: { label: Rounded, type: sum, of: 'round(quantity, 2)' }
        rounded_whole: { label: Rounded whole, type: sum, of: round(quantity) }
        cost: { label: Cost, type: sum, table: costs, of: amount }
        cost_rows: { label: Cost rows, type: count, table: costs }
        per_share: { label: Cost per share, type: ratio, numerator: cost, denominator: shares }
        fill: { label: Fill rate, type: ratio, numerator: shares, denominator: events, interval: wilson }
        deprived: { label: Deprived share, type: ratio, numerator: { metric: people, where: deprivation_decile <= 2 }, denominator: people }
        per_resident: { label: Per 1000, type: per_capita, of: events, per: 1000 }
        gap: { label: Gap, type: derived, expr: (requests - shares) / requests }
        growth: { label: Growth, type: change, of: events, compare_to: previous_period, as: relative }
        late_days: { label: Days late, type: sum, of: "date_diff('day', occurred_at, occurred_on)" }
        d_week: { label: Weeks, type: sum, of: "date_diff('week', date '2026-01-01', occurred_on)" }
        d_month: { label: Months, type: sum, of: "date_diff('month', date '2026-01-31', occurred_at)" }
        d_quarter: { label: Quarters, type: sum, of: "date_diff('quarter', date '2025-12-31', occurred_on)" }
        d_year: { label: Years, type: sum, of: "date_diff('year', occurred_on, date '2030-01-01')" }
        d_hour: { label: Hours, type: sum, of: "date_diff('hour', occurred_on, occurred_at)" }
        d_minute: { label: Minutes, type: sum, of: "date_diff('minute', occurred_on, occurred_at)" }
        d_second: { label: Seconds, type: sum, of: "date_diff('second', occurred_on, occurred_at)" }
        d_hour_dates: { label: Hours between dates, type: sum, of: "date_diff('hour', date '2026-10-24', occurred_on)" }
      """);

  static final List<String> ALL = List.copyOf(CATALOG.ids());
  static final List<String> ACTIVITY_ONLY = ALL.stream().filter(m -> !List.of("cost", "cost_rows", "per_share").contains(m)).toList();
  /** Change metrics compare whole periods, so they are not split by calendar dimensions. */
  static final List<String> SPLITTABLE = ALL.stream().filter(m -> !m.equals("growth")).toList();

  private static final MoneyRules MONEY = new MoneyRules("GBP", Map.of("USD", new BigDecimal("0.75")));

  @TempDir
  static Path dir;

  private static ImpactStoreFixture store;

  @BeforeAll
  static void writeStore() {
    store = ImpactStoreFixture.write(dir, EVENTS, COSTS, AREAS);
  }

  private static ResultTable both(List<String> metrics, List<String> dims, String period, DisclosureRules rules) {
    return Parity.check(CATALOG, store.store(), store.areasFile(), ImpactStoreFixture.LONDON, MONEY, rules,
        new MetricQuery(metrics, dims, Periods.parse(period, LocalDate.of(2027, 6, 1))));
  }

  private static Double value(ResultTable t, String metric, Map<String, String> dims) {
    return t.rows().stream().filter(r -> r.metric().equals(metric) && r.dims().equals(dims)).findFirst()
        .map(ResultRow::value).orElseThrow(() -> new AssertionError("no row " + metric + " " + dims));
  }

  @Test
  void monthEdgesFollowTheProjectTimeZone() {
    ResultTable t = both(SPLITTABLE, List.of("month", "grantee"), "2026-Q3", DisclosureRules.OFF);
    // August: m2 only (22:59 UTC = 23:59 BST); September: m1 (00:30 BST on 1 Sep), m3, m4
    assertThat(value(t, "events", Map.of("month", "2026-08", "grantee", "a"))).isEqualTo(1.0);
    assertThat(value(t, "events", Map.of("month", "2026-09", "grantee", "a"))).isEqualTo(2.0);
    assertThat(value(t, "events", Map.of("month", "2026-09", "grantee", "b"))).isEqualTo(1.0);
    // c1 spreads 2200 over 22 days: 12 in August = 1200, 10 in September = 1000
    assertThat(value(t, "cost", Map.of("month", "2026-08", "grantee", "a"))).isCloseTo(1200.0, org.assertj.core.data.Offset.offset(1e-9));
    // c3 ends before it starts: it covers no day, so b's September has no cost and no cost row
    assertThat(value(t, "cost", Map.of("month", "2026-09", "grantee", "b"))).isEqualTo(0.0);
    assertThat(value(t, "cost_rows", Map.of("month", "2026-09", "grantee", "b"))).isEqualTo(0.0);
  }

  @Test
  void isoWeeksAcrossTheYearEnd() {
    ResultTable t = both(SPLITTABLE, List.of("week"), "2025-12-28..2027-01-10", DisclosureRules.OFF);
    // w6 Sunday 28 Dec 2025 is 2025-W52; w5 Monday 29 Dec 2025 is 2026-W01;
    // w1, w2, w3 (Sunday 3 Jan 2027, 23:30 GMT) are 2026-W53; w4 is 2027-W01
    assertThat(value(t, "events", Map.of("week", "2025-W52"))).isEqualTo(1.0);
    assertThat(value(t, "events", Map.of("week", "2026-W01"))).isEqualTo(1.0);
    assertThat(value(t, "events", Map.of("week", "2026-W53"))).isEqualTo(3.0);
    assertThat(value(t, "events", Map.of("week", "2027-W01"))).isEqualTo(1.0);
    // c2: 400 USD at 0.75 = 300 GBP over 4 days (30 Dec .. 2 Jan), all in 2026-W53
    assertThat(value(t, "cost", Map.of("week", "2026-W53"))).isCloseTo(300.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void quartersAndYearsAcrossTheYearEnd() {
    both(SPLITTABLE, List.of("quarter", "year", "grantee"), "2025-12-01..2027-01-31", DisclosureRules.OFF);
  }

  @Test
  void byDayWithSuppression() {
    both(SPLITTABLE, List.of("day"), "2026-08-01..2027-01-31", new DisclosureRules(2, 5));
  }

  @Test
  void anEmptyPeriodGivesZerosAndUndefinedValues() {
    ResultTable t = both(ALL, List.of(), "2026-05", DisclosureRules.OFF);
    assertThat(value(t, "events", Map.of())).isEqualTo(0.0);
    assertThat(t.rows()).filteredOn(r -> r.metric().equals("typical")).allMatch(r -> r.value() == null);
  }

  @Test
  void zeroDenominatorsAndZeroPopulation() {
    // grantee b in Q3 has no requests: gap divides by zero; area E01000003 has population 0
    both(ACTIVITY_ONLY, List.of("grantee"), "2026-Q3", DisclosureRules.OFF);
    both(ACTIVITY_ONLY, List.of("area", "deprivation_decile"), "2025-12-01..2027-01-31", DisclosureRules.OFF);
  }

  @Test
  void roundingAndDateDifferencesAgreeWithWorkedNumbers() {
    ResultTable t = both(ALL, List.of(), "2026-09", DisclosureRules.OFF);
    // September quantities: m1 0.285, m3 2.5, m4 null. DuckDB rounds 0.285 * 100 = 28.499999999999996 down: 0.28 + 2.5
    assertThat(value(t, "rounded", Map.of())).isCloseTo(2.78, org.assertj.core.data.Offset.offset(1e-12));
    // round(0.285) = 0, round(2.5) = 3 (halves away from zero)
    assertThat(value(t, "rounded_whole", Map.of())).isEqualTo(3.0);
    // occurred_at is on occurred_on in London: 0 days late each
    assertThat(value(t, "late_days", Map.of())).isEqualTo(0.0);
    // hours from local midnight: m1 00:30 BST -> 0, m3 13:00 BST -> 13, m4 23:30 BST -> 23
    assertThat(value(t, "d_hour", Map.of())).isEqualTo(36.0);
  }
}
