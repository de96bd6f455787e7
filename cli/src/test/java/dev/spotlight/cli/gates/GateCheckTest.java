package dev.spotlight.cli.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.pipeline.PullRecord;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateCheckTest {

  private static final Instant NOW = Instant.parse("2026-11-15T09:30:00Z");
  private static final Period OCTOBER = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "2026-10");

  /** 412 of 13,290 is 3.100...%; 10 of 1,000 is exactly 1%. */
  private static final Map<String, PullRecord> PULLS = pulls(
      pull("street-reports", "2026-11-15T06:00:00Z", 13_290, 412),
      pull("loans", "2026-10-01T09:30:00Z", 1_000, 10));

  @Test
  void skippedWithoutALimitFailsOnAnySkippedRowAndNamesEverySource() {
    GateResult r = only("skipped", facts(PULLS));

    assertThat(r.passed()).isFalse();
    assertThat(r.message()).isEqualTo("quality gate 'skipped' failed: source 'street-reports' skipped 3.1% of rows (412 of 13,290);"
        + " source 'loans' skipped 1.0% of rows (10 of 1,000)");
  }

  @Test
  void skippedWithAPercentageFailsOnlyAboveIt() {
    assertThat(only("skipped>2%", facts(PULLS)).detail()).isEqualTo("source 'street-reports' skipped 3.1% of rows (412 of 13,290)");
    // exactly at the limit passes: 10 of 1,000 is 1%
    assertThat(only("skipped>3.1%", facts(PULLS)).detail()).isEqualTo("source 'street-reports' skipped 3.1% of rows (412 of 13,290)");
    assertThat(only("skipped>3.11%", facts(PULLS))).isEqualTo(new GateResult("skipped>3.11%", true, null));
    assertThat(only("skipped>1%", facts(pulls(pull("loans", "2026-11-01T00:00:00Z", 1_000, 10)))).passed()).isTrue();
  }

  @Test
  void skippedWithACountFailsOnlyAboveIt() {
    assertThat(only("skipped>411", facts(PULLS)).detail()).isEqualTo("source 'street-reports' skipped 3.1% of rows (412 of 13,290)");
    assertThat(only("skipped>412", facts(PULLS)).passed()).isTrue();
  }

  @Test
  void aSourceThatReadNothingSkippedNothing() {
    assertThat(only("skipped", facts(pulls(pull("loans", "2026-11-01T00:00:00Z", 0, 0)))).passed()).isTrue();
  }

  @Test
  void neverPulledNamesEveryListedSourceWithoutAPullRecord() {
    GateFacts f = new GateFacts(List.of("street-reports", "loans", "grants", "sensors"), PULLS, NOW, null, List.of(), null, null, null);

    assertThat(only("never-pulled", f).detail()).isEqualTo("source 'grants' was never pulled; source 'sensors' was never pulled");
    assertThat(only("never-pulled", facts(PULLS)).passed()).isTrue();
  }

  @Test
  void staleComparesTheLastPullWithTheLimit() {
    // loans: 2026-10-01T09:30Z to 2026-11-15T09:30Z is 45 days exactly
    assertThat(only("stale>35d", facts(PULLS)).detail()).isEqualTo("source 'loans' was last pulled 45 days ago (2026-10-01T09:30:00Z)");
    assertThat(only("stale>45d", facts(PULLS)).passed()).isTrue();
    // street-reports: 3.5 hours ago
    assertThat(only("stale>3h", facts(pulls(PULLS.get("street-reports")))).detail())
        .isEqualTo("source 'street-reports' was last pulled 3 hours ago (2026-11-15T06:00:00Z)");
    assertThat(only("stale>4h", facts(pulls(PULLS.get("street-reports")))).passed()).isTrue();
  }

  @Test
  void aSourceNeverPulledIsStale() {
    GateFacts f = new GateFacts(List.of("loans", "grants"), PULLS, NOW, null, List.of(), null, null, null);

    assertThat(only("stale>100d", f).detail()).isEqualTo("source 'grants' was never pulled");
  }

  @Test
  void emptyNamesSourcesWithNoRowsInThePeriod() {
    GateFacts f = periodFacts(List.of(), Map.of("street-reports", 3L), null);

    assertThat(only("empty", f).detail()).isEqualTo("source 'loans' has no rows in 2026-10");
    assertThat(only("empty", periodFacts(List.of(), Map.of("street-reports", 3L, "loans", 1L), null)).passed()).isTrue();
  }

  @Test
  void suppressedCountsTheShareOfCells() {
    // 3 of 8 cells suppressed = 37.5%, 1 undefined = 12.5%
    List<ResultRow> cells = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      MetricStatus s = i < 3 ? MetricStatus.SUPPRESSED : i == 3 ? MetricStatus.UNDEFINED : MetricStatus.OK;
      cells.add(new ResultRow("m" + i, "2026-10", Map.of(), s == MetricStatus.OK ? 1.0 : null, null, null, s));
    }
    GateFacts f = periodFacts(cells, null, null);

    assertThat(only("suppressed", f).message()).isEqualTo("quality gate 'suppressed' failed: 3 of 8 headline cells in 2026-10 are suppressed (37.5%)");
    assertThat(only("suppressed>37%", f).passed()).isFalse();
    assertThat(only("suppressed>37.5%", f).passed()).isTrue();
    assertThat(only("suppressed>2", f).passed()).isFalse();
    assertThat(only("suppressed>3", f).passed()).isTrue();
    assertThat(only("undefined", f).detail()).isEqualTo("1 of 8 headline cells in 2026-10 is undefined (12.5%)");
    assertThat(only("undefined>12.5%", f).passed()).isTrue();
  }

  @Test
  void noCellsMeansNothingSuppressed() {
    assertThat(only("suppressed>0%", periodFacts(List.of(), null, null)).passed()).isTrue();
  }

  @Test
  void excludedCurrencyCountsActivityAndCostRows() {
    GateFacts f = periodFacts(List.of(), null, new long[] {1_200, 3});

    assertThat(only("excluded-currency", f).detail()).isEqualTo("1,200 activity rows and 3 cost rows in 2026-10 carry a currency with no fx rate;"
        + " their amounts are left out of money metrics");
    assertThat(only("excluded-currency>1202", f).passed()).isFalse();
    assertThat(only("excluded-currency>1203", f).passed()).isTrue();
    assertThat(only("excluded-currency", periodFacts(List.of(), null, new long[] {0, 0})).passed()).isTrue();
  }

  @Test
  void everyGateGetsAResultInTheOrderGiven() {
    List<GateResult> results = GateCheck.run(List.of(GateParser.parse("never-pulled"), GateParser.parse("skipped>2%")), facts(PULLS));

    assertThat(results).extracting(GateResult::gate, GateResult::passed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("never-pulled", true), org.assertj.core.groups.Tuple.tuple("skipped>2%", false));
  }

  private static GateResult only(String gate, GateFacts facts) {
    return GateCheck.run(List.of(GateParser.parse(gate)), facts).get(0);
  }

  private static GateFacts facts(Map<String, PullRecord> pulls) {
    return new GateFacts(List.copyOf(pulls.keySet()), pulls, NOW, null, List.of(), null, null, null);
  }

  private static GateFacts periodFacts(List<ResultRow> cells, Map<String, Long> rows, long[] excluded) {
    return new GateFacts(List.of("street-reports", "loans"), PULLS, NOW, OCTOBER, cells, "headline cells", rows, excluded);
  }

  private static Map<String, PullRecord> pulls(PullRecord... records) {
    Map<String, PullRecord> out = new LinkedHashMap<>();
    for (PullRecord r : records) {
      out.put(r.source(), r);
    }
    return out;
  }

  private static PullRecord pull(String source, String at, long read, long skipped) {
    Map<String, Long> reasons = skipped == 0 ? Map.of() : Map.of("bad occurred_at", skipped);
    return new PullRecord(source, "mapped", at, List.of(), read, read - skipped, reasons, 0, read - skipped, 0, 1.0);
  }
}
