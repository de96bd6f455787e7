package dev.spotlight.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.IntervalKind;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareChartsTest {

  private static final Period OCTOBER = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "2026-10");

  private static MetricDefinition def(String id, String label, String unit, AggregateFunction f, CanonicalTable table) {
    return new MetricDefinition(id, label, "", unit, new MetricBody.Aggregate(f, table, new Expr.ColumnRef("x", Location.NONE), null, null),
        IntervalKind.NONE, Map.of(), "test.yaml", Location.NONE, "");
  }

  private final Map<String, MetricDefinition> defs = Map.of(
      "participants", def("participants", "People taking part", "people", AggregateFunction.COUNT_DISTINCT, CanonicalTable.ACTIVITY),
      "programme_cost", def("programme_cost", "Programme cost", "GBP", AggregateFunction.SUM, CanonicalTable.COSTS));

  private static ResultRow row(String metric, String grantee, Double value, MetricStatus status) {
    return new ResultRow(metric, "2026-10", Map.of("grantee", grantee), value, null, null, status);
  }

  @Test
  void eachMetricIsABarSectionWithAPerFundingMetricWhereCompareGivesOne() {
    ResultTable result = new ResultTable(OCTOBER, List.of("grantee"), List.of(
        row("participants", "alpha", 6.0, MetricStatus.OK),
        row("participants", "beta", null, MetricStatus.SUPPRESSED),
        row("participants", "delta", 8.0, MetricStatus.OK),
        row("programme_cost", "alpha", 3000.0, MetricStatus.OK)));
    // rank, diff_from_median, per_1000_funding per row: alpha has £3,000 of grant (6 / 3 = 2), delta none.
    ExtraFields extra = new ExtraFields(Comparison.FIELDS, List.of(
        Arrays.asList(2.0, -1.0, 2.0), Arrays.asList(null, null, null), Arrays.asList(1.0, 1.0, null), Arrays.asList(1.0, 0.0, null)));
    CompareCharts.Inputs in = new CompareCharts.Inputs("Fund", "1.0", "GBP", 5, Map.of("alpha", "Alpha Trust"),
        List.of("participants", "programme_cost"), defs::get, result, extra, Map.of(), new ResultTable(OCTOBER, List.of(), List.of()));

    ReportContent content = CompareCharts.barContent(in);

    assertThat(content.sections()).extracting(SectionContent::id).containsExactly("participants", "programme_cost");
    SectionContent people = content.sections().get(0);
    assertThat(people.chart()).isEqualTo("bar");
    assertThat(people.dimension()).isEqualTo("grantee");
    assertThat(people.metricIds()).containsExactly("participants", "participants.per_1000_funding");
    assertThat(people.results().rows()).filteredOn(r -> r.metric().endsWith("per_1000_funding"))
        .extracting(r -> r.dims().get("grantee"), ResultRow::value, ResultRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alpha", 2.0, MetricStatus.OK),
            org.assertj.core.groups.Tuple.tuple("beta", null, MetricStatus.SUPPRESSED),
            org.assertj.core.groups.Tuple.tuple("delta", null, MetricStatus.UNDEFINED));
    assertThat(content.metrics()).filteredOn(m -> m.id().equals("participants.per_1000_funding"))
        .extracting(MetricInfo::label, MetricInfo::unit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("People taking part per £1,000 of funding", "people per £1,000"));
    // Money has no value per £1,000: one metric only.
    assertThat(content.sections().get(1).metricIds()).containsExactly("programme_cost");
    assertThat(content.groupLabel("grantee", "alpha")).isEqualTo("Alpha Trust");
    assertThat(content.minCell()).isEqualTo(5);
  }
}
