package dev.spotlight.metrics.result;

import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.model.IntervalKind;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.plan.Atom;
import dev.spotlight.metrics.plan.MetricPlan;
import dev.spotlight.metrics.plan.QueryPlan;
import dev.spotlight.metrics.plan.ValueTree;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.stats.PoissonInterval;
import dev.spotlight.metrics.stats.WilsonInterval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds tidy results from an engine's atom values: evaluates each metric's value tree, applies
 * small-number suppression (before any renderer sees a value) and rounding, and adds intervals.
 */
public final class ResultAssembler {

  private final DisclosureRules rules;

  public ResultAssembler(DisclosureRules rules) {
    this.rules = rules;
  }

  public ResultTable assemble(QueryPlan plan, AtomTable atoms) {
    List<ResultRow> rows = new ArrayList<>();
    for (MetricPlan mp : plan.metrics()) {
      for (AtomTable.Row group : atoms.rows()) {
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < atoms.atoms().size(); i++) {
          values.put(atoms.atoms().get(i), group.values().get(i));
        }
        Map<String, String> dims = new LinkedHashMap<>();
        for (int i = 0; i < plan.dimensions().size(); i++) {
          dims.put(plan.dimensions().get(i), group.dims().get(i));
        }
        rows.add(row(mp, plan.period().label(), dims, values));
      }
    }
    return new ResultTable(plan.period(), plan.dimensions(), rows);
  }

  private ResultRow row(MetricPlan mp, String period, Map<String, String> dims, Map<String, Double> values) {
    String id = mp.metric().id();
    for (Atom count : mp.countAtoms()) {
      Double c = values.get(count.alias());
      if (c != null && rules.suppresses(c)) {
        return new ResultRow(id, period, dims, null, null, null, MetricStatus.SUPPRESSED);
      }
    }
    Double value = evaluate(mp.value(), values);
    if (value == null || value.isNaN() || value.isInfinite()) {
      return new ResultRow(id, period, dims, null, null, null, MetricStatus.UNDEFINED);
    }
    Double low = null;
    Double high = null;
    if (mp.metric().interval() == IntervalKind.WILSON && mp.value() instanceof ValueTree.Quotient q) {
      Double x = evaluate(q.numerator(), values);
      Double n = evaluate(q.denominator(), values);
      double[] ci = x == null || n == null ? null : WilsonInterval.of(x, n);
      if (ci != null) {
        low = ci[0];
        high = ci[1];
      }
    }
    if (mp.metric().body() instanceof MetricBody.Aggregate a && a.function().isCount()) {
      value = rules.round(value);
      if (mp.metric().interval() == IntervalKind.POISSON) {
        // from the published (rounded) count: bounds from the raw one would give it away
        double[] ci = PoissonInterval.of(value);
        if (ci != null) {
          low = ci[0];
          high = ci[1];
        }
      }
    }
    return new ResultRow(id, period, dims, value, low, high, MetricStatus.OK);
  }

  /** The value of a tree; null when any part is undefined (a null aggregate or a zero denominator). */
  static Double evaluate(ValueTree tree, Map<String, Double> values) {
    if (tree instanceof ValueTree.Of o) {
      return values.get(o.atom().alias());
    }
    if (tree instanceof ValueTree.Population) {
      return values.get(ValueTree.Population.COLUMN);
    }
    if (tree instanceof ValueTree.Constant c) {
      return c.value();
    }
    if (tree instanceof ValueTree.Quotient q) {
      return divide(evaluate(q.numerator(), values), evaluate(q.denominator(), values));
    }
    if (tree instanceof ValueTree.Arithmetic a) {
      Double left = evaluate(a.left(), values);
      Double right = evaluate(a.right(), values);
      if (left == null || right == null) {
        return null;
      }
      return switch (a.op()) {
        case ADD -> left + right;
        case SUB -> left - right;
        case MUL -> left * right;
        case DIV -> divide(left, right);
      };
    }
    ValueTree.Function f = (ValueTree.Function) tree;
    Double x = evaluate(f.argument(), values);
    if (x == null || x.isNaN() || x.isInfinite()) {
      return null;
    }
    return switch (f.name()) {
      case "abs" -> Math.abs(x);
      case "round" -> BigDecimal.valueOf(x).setScale(f.digits(), RoundingMode.HALF_UP).doubleValue();
      default -> throw new IllegalStateException("unknown function " + f.name());
    };
  }

  /** {@code num / den}; null (undefined) when either is undefined or the denominator is 0. */
  private static Double divide(Double num, Double den) {
    if (num == null || den == null || den == 0.0) {
      return null;
    }
    return num / den;
  }
}
