package dev.spotlight.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.cli.render.chart.FunnelLimits.Point;
import dev.spotlight.cli.render.chart.FunnelSpec;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.ValueType;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.IntervalKind;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricRef;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostPerOutcomeTest {

  private static final Period OCTOBER = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "2026-10");

  private static MetricDefinition def(String id, String label, String unit, MetricBody body) {
    return new MetricDefinition(id, label, "", unit, body, IntervalKind.NONE, Map.of(), "test.yaml", Location.NONE, "");
  }

  private static MetricBody aggregate(AggregateFunction f, CanonicalTable table) {
    return new MetricBody.Aggregate(f, table, new Expr.ColumnRef("person_id", Location.NONE), null, null);
  }

  private static MetricBody ratio(String numerator, String denominator, Expr where) {
    return new MetricBody.Ratio(new MetricRef(numerator, null, Location.NONE), new MetricRef(denominator, where, Location.NONE));
  }

  private static final Expr DEPRIVED = new Expr.Binary(Expr.BinaryOp.EQ, new Expr.ColumnRef("deprivation_decile", Location.NONE),
      new Expr.Literal(1L, ValueType.NUMBER, Location.NONE), Location.NONE);

  private final Map<String, MetricDefinition> defs = Map.of(
      "participants", def("participants", "People taking part", "people", aggregate(AggregateFunction.COUNT_DISTINCT, CanonicalTable.ACTIVITY)),
      "programme_cost", def("programme_cost", "Programme cost", "GBP", aggregate(AggregateFunction.SUM, CanonicalTable.COSTS)),
      "cost_per_participant", def("cost_per_participant", "Cost per person", "GBP", ratio("programme_cost", "participants", null)),
      "cost_per_deprived", def("cost_per_deprived", "Cost per deprived person", "GBP", ratio("programme_cost", "participants", DEPRIVED)),
      "cost_share", def("cost_share", "Share", "percent", ratio("programme_cost", "programme_cost", null)),
      "cost_per_pound", def("cost_per_pound", "Cost per pound", "GBP", ratio("programme_cost", "programme_cost", null)));

  @Test
  void onlyMoneyOverAnUnfilteredCountOfActivityIsACostPerOutcome() {
    assertThat(CostPerOutcome.outcomeMetrics(List.of("participants", "programme_cost", "cost_per_participant", "cost_per_deprived", "cost_share",
        "cost_per_pound"), defs::get))
        .containsExactly(Map.entry("cost_per_participant", "participants"));
  }

  private static ResultRow row(String metric, String grantee, Double value, MetricStatus status) {
    return new ResultRow(metric, "2026-10", Map.of("grantee", grantee), value, null, null, status);
  }

  @Test
  void everyGranteeWithACostAndOutcomesIsAPointAndTheOthersAreNamedWithTheirMark() {
    ResultTable costs = new ResultTable(OCTOBER, List.of("grantee"), List.of(
        row("cost_per_participant", "a", 40.0, MetricStatus.OK),
        row("cost_per_participant", "b", 120.0, MetricStatus.OK),
        row("cost_per_participant", "c", null, MetricStatus.SUPPRESSED),
        row("cost_per_participant", "d", null, MetricStatus.UNDEFINED),
        row("participants", "a", 100.0, MetricStatus.OK)));
    ResultTable outcomes = new ResultTable(OCTOBER, List.of("grantee"), List.of(
        row("participants", "a", 100.0, MetricStatus.OK),
        row("participants", "b", 25.0, MetricStatus.OK),
        row("participants", "c", null, MetricStatus.SUPPRESSED),
        row("participants", "d", 0.0, MetricStatus.OK)));

    FunnelSpec spec = CostPerOutcome.funnel(defs.get("cost_per_participant"), defs.get("participants"), costs, outcomes,
        Map.of("a", "Alpha Trust"), new StatusMarks(5), "Source: test");

    assertThat(spec.title()).isEqualTo("Cost per person against the portfolio, 2026-10");
    assertThat(spec.outcomeLabel()).isEqualTo("People taking part");
    assertThat(spec.currency()).isEqualTo("GBP");
    assertThat(spec.points()).containsExactly(new Point("Alpha Trust", 100, 40), new Point("b", 25, 120));
    assertThat(spec.leftOut()).containsExactly("c (<5)", "d (–)");
  }
}
