package dev.spotlight.metrics;

import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.plan.MetricPlan;
import dev.spotlight.metrics.plan.QueryPlan;
import dev.spotlight.metrics.plan.QueryPlanner;
import dev.spotlight.metrics.plan.ValueTree;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.ResultAssembler;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.sql.QuerySqlBuilder;
import java.util.List;

/** Computes metric queries end to end: plan, render for the engine's dialect, run, assemble tidy results. */
public final class MetricRunner {

  private final MetricCatalog catalog;
  private final Engine engine;
  private final MoneyRules money;
  private final DisclosureRules rules;

  public MetricRunner(MetricCatalog catalog, Engine engine, MoneyRules money, DisclosureRules rules) {
    this.catalog = catalog;
    this.engine = engine;
    this.money = money;
    this.rules = rules;
  }

  public MetricCatalog catalog() {
    return catalog;
  }

  public ResultTable compute(MetricQuery query) {
    if (query.metrics().isEmpty()) {
      return new ResultTable(query.period(), query.dimensions(), java.util.List.of());
    }
    QueryPlan plan = new QueryPlanner(catalog).plan(query);
    CompiledQuery sql = compile(plan);
    AtomTable atoms = engine.run(sql, query.period());
    return new ResultAssembler(rules).assemble(plan, atoms);
  }

  public CompiledQuery compile(QueryPlan plan) {
    return new QuerySqlBuilder(engine.dialect(), money, engine.hasAreas()).build(plan);
  }

  /** The SQL the engine runs for {@code query}, its parameters, and how each metric is made from the result columns. */
  public String explain(MetricQuery query) {
    QueryPlan plan = new QueryPlanner(catalog).plan(query);
    CompiledQuery sql = compile(plan);
    StringBuilder out = new StringBuilder();
    out.append("-- engine: ").append(engine.dialect().name()).append(", period ").append(query.period().label())
        .append(" (").append(query.period().start()).append(" .. ").append(query.period().end()).append(")\n");
    for (MetricPlan mp : plan.metrics()) {
      out.append("-- ").append(mp.metric().id()).append(" = ").append(formula(mp.value())).append('\n');
    }
    out.append(sql.sql()).append(";\n");
    out.append("-- parameters: ").append(parameters(sql.params())).append('\n');
    return out.toString();
  }

  /** The parameters as a list on one line: control characters are escaped, so no value can end the comment. */
  static String parameters(List<Object> params) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      for (char c : String.valueOf(params.get(i)).toCharArray()) {
        out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append(']').toString();
  }

  static String formula(ValueTree t) {
    if (t instanceof ValueTree.Of o) {
      return o.atom().alias();
    }
    if (t instanceof ValueTree.Population) {
      return "population";
    }
    if (t instanceof ValueTree.Constant c) {
      double v = c.value();
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    if (t instanceof ValueTree.Arithmetic a) {
      return "(" + formula(a.left()) + " " + a.op().symbol() + " " + formula(a.right()) + ")";
    }
    if (t instanceof ValueTree.Function f) {
      return f.name() + "(" + formula(f.argument()) + (f.name().equals("round") ? ", " + f.digits() : "") + ")";
    }
    ValueTree.Quotient q = (ValueTree.Quotient) t;
    return "(" + formula(q.numerator()) + " / " + formula(q.denominator()) + ")";
  }
}
