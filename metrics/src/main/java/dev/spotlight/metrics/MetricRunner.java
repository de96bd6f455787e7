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
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.plan.Atom;
import dev.spotlight.metrics.plan.CalendarDimension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    List<QueryPlan> parts = plan.byPeriod();
    AtomTable atoms = engine.run(build(parts.get(0)), parts.get(0).period());
    for (QueryPlan part : parts.subList(1, parts.size())) {
      AtomTable comparison = engine.run(build(part), part.period());
      atoms = joinComparison(atoms, relabel(comparison, part), part.atoms());
    }
    return new ResultAssembler(rules).assemble(plan, atoms);
  }

  /**
   * The SQL for the query period's part of {@code plan} (all of it unless the plan has change
   * metrics, whose comparison periods are further statements: see {@link #compileAll}).
   */
  public CompiledQuery compile(QueryPlan plan) {
    return build(plan.byPeriod().get(0));
  }

  /** One statement per period the plan reads, the query period first, each with its period. */
  public List<Map.Entry<Period, CompiledQuery>> compileAll(QueryPlan plan) {
    List<Map.Entry<Period, CompiledQuery>> out = new ArrayList<>();
    for (QueryPlan part : plan.byPeriod()) {
      out.add(Map.entry(part.period(), build(part)));
    }
    return out;
  }

  private CompiledQuery build(QueryPlan part) {
    return new QuerySqlBuilder(engine.dialect(), money, engine.hasAreas()).build(part);
  }

  /**
   * A comparison period's rows with each calendar bucket relabelled as the bucket it is compared
   * with (September's row becomes October's when months are compared with the month before).
   */
  static AtomTable relabel(AtomTable comparison, QueryPlan part) {
    var calendar = CalendarDimension.in(part.dimensions());
    if (calendar.isEmpty()) {
      return comparison;
    }
    int column = part.dimensions().indexOf(calendar.get().dimension());
    List<dev.spotlight.metrics.model.Comparison> shift = part.atoms().get(0).shift();
    List<AtomTable.Row> rows = new ArrayList<>();
    for (AtomTable.Row r : comparison.rows()) {
      List<String> dims = new ArrayList<>(r.dims());
      dims.set(column, calendar.get().forward(shift, dims.get(column)));
      rows.add(new AtomTable.Row(dims, r.values()));
    }
    return new AtomTable(comparison.dimensions(), comparison.atoms(), rows);
  }

  /**
   * The query period's groups with a comparison period's atom values added, matched by dimension
   * values (never by row position). A group the comparison period lacks gets 0 for counts and sums
   * (a period with no rows counts as zero) and no value for other aggregates.
   */
  static AtomTable joinComparison(AtomTable base, AtomTable comparison, List<Atom> comparisonAtoms) {
    Map<List<String>, List<Double>> byGroup = new HashMap<>();
    for (AtomTable.Row r : comparison.rows()) {
      byGroup.put(r.dims(), r.values());
    }
    List<Double> absent = new ArrayList<>();
    for (String alias : comparison.atoms()) {
      Atom a = comparisonAtoms.stream().filter(x -> x.alias().equals(alias)).findFirst().orElseThrow();
      absent.add(a.function().isCount() || a.function() == AggregateFunction.SUM ? 0.0 : null);
    }
    List<String> names = new ArrayList<>(base.atoms());
    names.addAll(comparison.atoms());
    List<AtomTable.Row> rows = new ArrayList<>();
    for (AtomTable.Row r : base.rows()) {
      List<Double> values = new ArrayList<>(r.values());
      values.addAll(byGroup.getOrDefault(r.dims(), absent));
      rows.add(new AtomTable.Row(r.dims(), values));
    }
    return new AtomTable(base.dimensions(), names, rows);
  }

  /** The SQL the engine runs for {@code query}, its parameters, and how each metric is made from the result columns. */
  public String explain(MetricQuery query) {
    QueryPlan plan = new QueryPlanner(catalog).plan(query);
    List<Map.Entry<Period, CompiledQuery>> statements = compileAll(plan);
    StringBuilder out = new StringBuilder();
    out.append("-- engine: ").append(engine.dialect().name()).append(", period ").append(query.period().label())
        .append(" (").append(query.period().start()).append(" .. ").append(query.period().end()).append(")\n");
    for (MetricPlan mp : plan.metrics()) {
      out.append("-- ").append(mp.metric().id()).append(" = ").append(formula(mp.value())).append('\n');
    }
    for (int i = 0; i < statements.size(); i++) {
      Period p = statements.get(i).getKey();
      CompiledQuery sql = statements.get(i).getValue();
      if (i > 0) {
        out.append("-- comparison period ").append(p.label()).append(" (").append(p.start()).append(" .. ").append(p.end()).append(")\n");
      }
      out.append(sql.sql()).append(";\n");
      out.append("-- parameters: ").append(parameters(sql.params())).append('\n');
    }
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
