package dev.spotlight.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.IntervalKind;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricRef;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareFieldsTest {

  private static final Expr AMOUNT = new Expr.ColumnRef("amount", Location.NONE);

  private static MetricDefinition def(String unit, MetricBody body) {
    return new MetricDefinition("m", "m", "", unit, body, IntervalKind.NONE, Map.of(), "f", Location.NONE, "");
  }

  private static MetricDefinition agg(AggregateFunction f, CanonicalTable table, String unit) {
    return def(unit, new MetricBody.Aggregate(f, table, f.needsOf() ? AMOUNT : null, null, null));
  }

  private static ResultRow row(String grantee, Double value, MetricStatus status) {
    Map<String, String> dims = new HashMap<>();
    dims.put("grantee", grantee);
    return new ResultRow("m", "2026-10", dims, value, null, null, status);
  }

  private static ExtraFields compare(MetricDefinition def, Map<String, Double> funding, ResultRow... rows) {
    ResultTable t = new ResultTable(Periods.parse("2026-10", LocalDate.of(2026, 11, 15)), List.of("grantee"), List.of(rows));
    return Comparison.of(t, id -> def, funding);
  }

  @Test
  void tiesShareTheBestRankAndTheNextRankSkips() {
    // 5, 9, 5, 1: 9 -> 1, both 5s -> 2, 1 -> 4; median of 1,5,5,9 = (5 + 5) / 2 = 5
    ExtraFields e = compare(agg(AggregateFunction.COUNT, CanonicalTable.ACTIVITY, "people"), Map.of("a", 500.0, "b", 2000.0),
        row("a", 5.0, MetricStatus.OK), row("b", 9.0, MetricStatus.OK), row("c", 5.0, MetricStatus.OK), row("d", 1.0, MetricStatus.OK));
    assertThat(e.names()).containsExactly("rank", "diff_from_median", "per_1000_funding");
    // a: 5 / (500 / 1000) = 10; b: 9 / 2 = 4.5; c and d have no funding
    assertThat(e.values()).containsExactly(List.of(2.0, 0.0, 10.0), List.of(1.0, 4.0, 4.5),
        Arrays.asList(2.0, 0.0, null), Arrays.asList(4.0, -4.0, null));
  }

  @Test
  void suppressedUndefinedAndUngroupedRowsGetNullsAndAreLeftOutOfRankAndMedian() {
    // ok values 3, 7, 20 -> median 7
    ExtraFields e = compare(agg(AggregateFunction.SUM, CanonicalTable.ACTIVITY, null), Map.of("a", 1000.0, "x", 1000.0),
        row("a", 3.0, MetricStatus.OK), row("s", null, MetricStatus.SUPPRESSED), row("u", null, MetricStatus.UNDEFINED),
        row("b", 20.0, MetricStatus.OK), row(null, 100.0, MetricStatus.OK), row("c", 7.0, MetricStatus.OK));
    List<Double> none = Arrays.asList(null, null, null);
    assertThat(e.values()).containsExactly(List.of(3.0, -4.0, 3.0), none, none, Arrays.asList(1.0, 13.0, null), none,
        Arrays.asList(2.0, 0.0, null));
  }

  @Test
  void zeroFundingGivesNoValuePerThousand() {
    ExtraFields e = compare(agg(AggregateFunction.COUNT_DISTINCT, CanonicalTable.ACTIVITY, "people"), Map.of("a", 0.0),
        row("a", 4.0, MetricStatus.OK));
    assertThat(e.values()).containsExactly(Arrays.asList(1.0, 0.0, null));
  }

  @Test
  void valuePerThousandOnlyForCountsAndSumsOverActivityThatAreNotMoneyOrShares() {
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.COUNT, CanonicalTable.ACTIVITY, "loans"))).isTrue();
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.COUNT_DISTINCT, CanonicalTable.ACTIVITY, null))).isTrue();
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.SUM, CanonicalTable.ACTIVITY, "kg"))).isTrue();
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.SUM, CanonicalTable.ACTIVITY, "GBP"))).isFalse();
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.SUM, CanonicalTable.ACTIVITY, "percent"))).isFalse();
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.COUNT, CanonicalTable.COSTS, "rows"))).isFalse();
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.AVG, CanonicalTable.ACTIVITY, "loans"))).isFalse();
    assertThat(Comparison.perFundingApplies(agg(AggregateFunction.MEDIAN, CanonicalTable.ACTIVITY, "days"))).isFalse();
    MetricRef ref = new MetricRef("x", null, Location.NONE);
    assertThat(Comparison.perFundingApplies(def("loans per person", new MetricBody.Ratio(ref, ref)))).isFalse();
  }
}
