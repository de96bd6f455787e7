package dev.spotlight.cli.compare;

import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.cli.render.chart.FunnelLimits.Point;
import dev.spotlight.cli.render.chart.FunnelSpec;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which compared metrics are a cost per outcome, and their funnel plots. A metric qualifies when it
 * is a {@code ratio} in a currency whose denominator is an unfiltered {@code count},
 * {@code count_distinct} or {@code sum} over activity in a plain unit (people, items…): the outcomes.
 * A grantee's outcomes are that denominator's value for it, under the same small-number rule.
 */
public final class CostPerOutcome {

  private CostPerOutcome() {}

  /** Each qualifying metric id (in {@code ids} order) to the id of its outcomes metric. */
  public static Map<String, String> outcomeMetrics(List<String> ids, Function<String, MetricDefinition> metric) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : ids) {
      MetricDefinition def = metric.apply(id);
      if (def == null || !(def.body() instanceof MetricBody.Ratio) || def.unit() == null || !def.unit().matches("[A-Z]{3}")) {
        continue;
      }
      MetricBody.Ratio ratio = (MetricBody.Ratio) def.body();
      if (ratio.denominator().where() == null && countsOutcomes(metric.apply(ratio.denominator().metricId()))) {
        out.put(id, ratio.denominator().metricId());
      }
    }
    return out;
  }

  private static boolean countsOutcomes(MetricDefinition def) {
    if (def == null || !(def.body() instanceof MetricBody.Aggregate)) {
      return false;
    }
    MetricBody.Aggregate a = (MetricBody.Aggregate) def.body();
    boolean counts = a.function() == AggregateFunction.COUNT || a.function() == AggregateFunction.COUNT_DISTINCT
        || a.function() == AggregateFunction.SUM;
    String unit = def.unit();
    return counts && a.table() == CanonicalTable.ACTIVITY && (unit == null || !(unit.equals("percent") || unit.matches("[A-Z]{3}")));
  }

  /**
   * The funnel plot of one cost-per-outcome metric: a point for every grantee whose cost per outcome
   * and outcomes are both shown and whose outcomes are above 0; the others are listed as left out,
   * with their mark.
   *
   * @param costs the compared results (rows of {@code metricId} by grantee are used)
   * @param outcomes the outcomes metric by grantee, computed under the project's small-number rule
   * @param names grantee id to display name
   */
  public static FunnelSpec funnel(MetricDefinition metric, MetricDefinition outcomeMetric, ResultTable costs, ResultTable outcomes,
      Map<String, String> names, StatusMarks marks, String source) {
    Map<String, ResultRow> outcomeRows = new HashMap<>();
    for (ResultRow r : outcomes.rows()) {
      if (r.metric().equals(outcomeMetric.id()) && r.dims().get(Comparison.GRANTEE) != null) {
        outcomeRows.put(r.dims().get(Comparison.GRANTEE), r);
      }
    }
    List<Point> points = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (ResultRow r : costs.rows()) {
      String grantee = r.dims().get(Comparison.GRANTEE);
      if (!r.metric().equals(metric.id()) || grantee == null) {
        continue;
      }
      String name = names.getOrDefault(grantee, grantee);
      ResultRow n = outcomeRows.get(grantee);
      MetricStatus hidden = hiddenStatus(r, n);
      if (hidden == null) {
        points.add(new Point(name, n.value(), r.value()));
      } else {
        leftOut.add(name + " (" + marks.of(hidden) + ")");
      }
    }
    String title = metric.label() + " against the portfolio, " + costs.period().label();
    return new FunnelSpec(title, outcomeMetric.label(), metric.unit(), points, leftOut, source);
  }

  /** Why a grantee cannot be drawn (suppressed wins over undefined), or null when it can. */
  private static MetricStatus hiddenStatus(ResultRow cost, ResultRow outcomes) {
    if (cost.status() == MetricStatus.SUPPRESSED || (outcomes != null && outcomes.status() == MetricStatus.SUPPRESSED)) {
      return MetricStatus.SUPPRESSED;
    }
    boolean shown = cost.status() == MetricStatus.OK && finite(cost.value())
        && outcomes != null && outcomes.status() == MetricStatus.OK && finite(outcomes.value()) && outcomes.value() > 0;
    return shown ? null : MetricStatus.UNDEFINED;
  }

  private static boolean finite(Double v) {
    return v != null && Double.isFinite(v);
  }
}
