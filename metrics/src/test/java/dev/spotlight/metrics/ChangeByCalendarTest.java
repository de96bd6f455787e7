package dev.spotlight.metrics;

import static dev.spotlight.metrics.ImpactStoreFixture.LONDON;
import static dev.spotlight.metrics.MetricTypesTest.assertStatus;
import static dev.spotlight.metrics.MetricTypesTest.assertValue;
import static dev.spotlight.metrics.MetricTypesTest.row;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code change} metrics split by a calendar dimension, on DuckDB: each bucket against the bucket
 * before (or a year before), matched by label, with a gap month and a gap week. Shares (all g1
 * unless said), at 12:00 UTC:
 *
 * <pre>
 * 2025-07: 6        2025-09: 2 (g2)    2025-10: 1
 * 2026-06: 2        2026-07: 3          2026-08: none at all (the gap)
 * 2026-09: 5 (one of them g2)           2026-10: 4
 * weeks: 2026-09-22 (W39, Tue) 1, 2026-09-25 (W39, Fri) 1, 2026-10-02 (W40, Fri) 2 of the October 4,
 *        2026-10-13 (W42) 1, 2026-10-27 (W44) 1; nothing in W41
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeByCalendarTest {

  @TempDir
  static Path dir;

  private static final List<Event> EVENTS = new ArrayList<>();

  static {
    add("2025-07-10", "g1", 6);
    add("2025-09-10", "g2", 2);
    add("2025-10-10", "g1", 1);
    add("2026-06-10", "g1", 2);
    add("2026-07-10", "g1", 3);
    add("2026-09-22", "g1", 1);
    add("2026-09-25", "g1", 1);
    add("2026-09-10", "g1", 2);
    add("2026-09-11", "g2", 1);
    add("2026-10-02", "g1", 2);
    add("2026-10-13", "g1", 1);
    add("2026-10-27", "g1", 1);
  }

  private static void add(String day, String grantee, int n) {
    for (int i = 0; i < n; i++) {
      String id = day + "-" + grantee + "-" + i;
      EVENTS.add(ImpactStoreFixture.e(id, "peerby", grantee, "share.completed", day + "T12:00:00Z", "p-" + id, null, 1.0, null, null));
    }
  }

  private static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        shares:
          label: Items shared
          type: count
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
        shares_yoy:
          label: Items shared against the same month last year
          type: change
          of: shares
          compare_to: same_period_last_year
          as: absolute
      """);

  private DuckDbEngine engine;

  @BeforeAll
  void writeStore() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir, EVENTS, List.of(), MetricTypesTest.AREAS);
    engine = new DuckDbEngine(f.store(), null, LONDON);
  }

  @AfterAll
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private ResultTable compute(String period, List<String> dims, String... metrics) {
    MetricRunner runner = new MetricRunner(CATALOG, engine, new MoneyRules("GBP", Map.of()), DisclosureRules.OFF);
    return runner.compute(new MetricQuery(List.of(metrics), dims, Periods.parse(period, LocalDate.of(2026, 11, 17))));
  }

  @Test
  void eachMonthComparesWithTheMonthBeforeEvenAcrossAGap() {
    ResultTable t = compute("2026-07-01..2026-10-31", List.of("month"), "shares", "shares_change", "shares_growth");
    // July 3 − June 2 = 1 (June is before the period, read for the comparison)
    assertValue(row(t, "shares_change", "2026-07"), 1);
    assertValue(row(t, "shares_growth", "2026-07"), 0.5);
    // September 5 − August 0 = 5: not 5 − 3, which matching by position would give
    assertValue(row(t, "shares_change", "2026-09"), 5);
    assertStatus(row(t, "shares_growth", "2026-09"), MetricStatus.UNDEFINED);
    // October 4 − September 5 = −1, −1/5
    assertValue(row(t, "shares_change", "2026-10"), -1);
    assertValue(row(t, "shares_growth", "2026-10"), -0.2);
    // August has no rows, so no row, like any group without rows
    assertThat(t.rows()).extracting(ResultRow::dims).doesNotContain(Map.of("month", "2026-08"));
    assertThat(t.rows().stream().filter(r -> r.metric().equals("shares_change")).count()).isEqualTo(3);
  }

  @Test
  void sameMonthLastYear() {
    ResultTable t = compute("2026-07-01..2026-10-31", List.of("month"), "shares_yoy");
    // July 3 − July 2025 6 = −3; September 5 − September 2025 2 = 3; October 4 − October 2025 1 = 3
    assertValue(row(t, "shares_yoy", "2026-07"), -3);
    assertValue(row(t, "shares_yoy", "2026-09"), 3);
    assertValue(row(t, "shares_yoy", "2026-10"), 3);
  }

  @Test
  void withAnotherDimensionGroupsAreMatchedOnBoth() {
    ResultTable t = compute("2026-09-01..2026-10-31", List.of("grantee", "month"), "shares_change");
    // g1: September 4 − August 0 = 4; October 4 − September 4 = 0. g2: September 1 − 0 = 1; no October row
    assertValue(row(t, "shares_change", "g1", "2026-09"), 4);
    assertValue(row(t, "shares_change", "g1", "2026-10"), 0);
    assertValue(row(t, "shares_change", "g2", "2026-09"), 1);
    assertThat(t.rows()).hasSize(3);
  }

  @Test
  void weeksCompareTheSameDaysOfTheWeekBefore() {
    ResultTable t = compute("2026-10", List.of("week"), "shares", "shares_change");
    // October 2026 starts on a Thursday: W40 is Thu 1 – Sun 4 October, and is compared with Thu 24 – Sun
    // 27 September of W39 (the period shifted back 7 days), where 1 share (the 25th) falls, not the 22nd's.
    assertValue(row(t, "shares", "2026-W40"), 2);
    assertValue(row(t, "shares_change", "2026-W40"), 2 - 1);
    // W42: 1 − W41 0 = 1; W44 (Mon 26 – Sat 31): 1 − W43 0 = 1
    assertValue(row(t, "shares_change", "2026-W42"), 1);
    assertValue(row(t, "shares_change", "2026-W44"), 1);
    assertThat(t.rows().stream().filter(r -> r.metric().equals("shares_change")).map(r -> r.dims().get("week")))
        .containsExactlyInAnyOrder("2026-W40", "2026-W42", "2026-W44");
  }

  @Test
  void aQuarterByQuarterCrossesTheYear() {
    ResultTable t = compute("2026", List.of("quarter"), "shares_change");
    // Q2 (June) 2 − Q1 0 = 2; Q3 (July 3 + September 5) 8 − Q2 2 = 6; Q4 4 − 8 = −4
    assertValue(row(t, "shares_change", "2026-Q2"), 2);
    assertValue(row(t, "shares_change", "2026-Q3"), 6);
    assertValue(row(t, "shares_change", "2026-Q4"), -4);
  }
}
