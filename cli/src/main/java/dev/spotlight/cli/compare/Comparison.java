package dev.spotlight.cli.compare;

import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.common.store.CanonicalTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The funder view of a result split by grantee: for each row, its {@code rank}, its
 * {@code diff_from_median} and its {@code per_1000_funding} (see docs/cli.md, {@code spotlight compare}).
 *
 * <ul>
 *   <li>{@code rank}: among the metric's rows with status ok and a grantee, 1 = the highest value;
 *       equal values share the best rank of the tie and the next value skips (1, 1, 3).
 *   <li>{@code diff_from_median}: value minus the median of those ok values (the mean of the two
 *       middle values when their number is even).
 *   <li>{@code per_1000_funding}: value ÷ (the grantee's funding ÷ 1000), only for count,
 *       count_distinct and sum metrics over activity whose unit is neither a currency nor percent,
 *       and only when the funding is above 0.
 * </ul>
 *
 * All three are null when the row's status is not ok or it has no grantee.
 */
public final class Comparison {

  public static final String GRANTEE = "grantee";
  public static final List<String> FIELDS = List.of("rank", "diff_from_median", "per_1000_funding");

  private Comparison() {}

  /**
   * @param metric the definition of each metric in {@code table}
   * @param funding grantee id to funding in the period (absent = none)
   */
  public static ExtraFields of(ResultTable table, Function<String, MetricDefinition> metric, Map<String, Double> funding) {
    Map<String, List<Double>> okValues = new HashMap<>();
    for (ResultRow r : table.rows()) {
      if (counts(r)) {
        okValues.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r.value());
      }
    }
    Map<String, double[]> sorted = new HashMap<>();
    okValues.forEach((m, vs) -> {
      double[] a = vs.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(a);
      sorted.put(m, a);
    });
    List<List<Double>> values = new ArrayList<>();
    for (ResultRow r : table.rows()) {
      if (!counts(r)) {
        values.add(Arrays.asList(null, null, null));
        continue;
      }
      double[] a = sorted.get(r.metric());
      double v = r.value();
      values.add(Arrays.asList((double) rank(a, v), v - median(a), perThousand(metric.apply(r.metric()), v, funding.get(r.dims().get(GRANTEE)))));
    }
    return new ExtraFields(FIELDS, values);
  }

  private static boolean counts(ResultRow r) {
    return r.status() == MetricStatus.OK && r.value() != null && r.dims().get(GRANTEE) != null;
  }

  /** 1 + the number of values strictly greater than {@code v}. */
  static int rank(double[] ascending, double v) {
    int greater = 0;
    for (double x : ascending) {
      if (x > v) {
        greater++;
      }
    }
    return greater + 1;
  }

  static double median(double[] ascending) {
    int n = ascending.length;
    return n % 2 == 1 ? ascending[n / 2] : (ascending[n / 2 - 1] + ascending[n / 2]) / 2;
  }

  private static Double perThousand(MetricDefinition def, double value, Double funding) {
    if (!perFundingApplies(def) || funding == null || funding <= 0) {
      return null;
    }
    return value / (funding / 1000);
  }

  /** Whether a value per £1,000 of funding means something: counts and sums over activity, not money or shares. */
  public static boolean perFundingApplies(MetricDefinition def) {
    if (def == null || !(def.body() instanceof MetricBody.Aggregate)) {
      return false;
    }
    MetricBody.Aggregate a = (MetricBody.Aggregate) def.body();
    boolean kind = a.function() == AggregateFunction.COUNT || a.function() == AggregateFunction.COUNT_DISTINCT
        || a.function() == AggregateFunction.SUM;
    String unit = def.unit();
    boolean plainUnit = unit == null || !(unit.equals("percent") || unit.matches("[A-Z]{3}"));
    return kind && a.table() == CanonicalTable.ACTIVITY && plainUnit;
  }
}
