package dev.spotlight.metrics.plan;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.Comparison;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a query into a plan: resolves each metric to a tree of atoms, pushing filtered references'
 * {@code where} down into every atom below them, and rejects dimensions a metric's table lacks.
 */
public final class QueryPlanner {

  private final MetricCatalog catalog;

  public QueryPlanner(MetricCatalog catalog) {
    this.catalog = catalog;
  }

  public QueryPlan plan(MetricQuery query) {
    for (String dim : query.dimensions()) {
      if (!TableScope.DIMENSIONS.contains(dim) && !TableScope.ATTRIBUTE.matcher(dim).matches()) {
        // a dimension name is part of the metric language, wherever it is written (--by, a template, a test)
        throw SpotlightException.definition(Location.NONE, "unknown dimension '" + dim + "'", DidYouMean.closest(dim, TableScope.DIMENSIONS)
            .map(c -> "did you mean '" + c + "'?").orElse("dimensions are " + String.join(", ", TableScope.DIMENSIONS) + " and attributes.KEY"));
      }
    }
    List<Atom> atoms = new ArrayList<>();
    List<MetricPlan> plans = new ArrayList<>();
    Set<CanonicalTable> tables = new LinkedHashSet<>();
    for (String id : query.metrics()) {
      MetricDefinition d = catalog.get(id, Location.NONE);
      ValueTree tree = resolve(d, List.of(), atoms, tables, query.dimensions(), List.of());
      plans.add(new MetricPlan(d, tree));
    }
    return new QueryPlan(atoms, plans, query.dimensions(), query.period(), tables);
  }

  private ValueTree resolve(MetricDefinition d, List<Expr> extra, List<Atom> atoms, Set<CanonicalTable> tables, List<String> dims, List<Comparison> shift) {
    if (d.body() instanceof MetricBody.Aggregate a) {
      TableScope scope = TableScope.of(a.table());
      for (String dim : dims) {
        if (!scope.hasDimension(dim)) {
          throw SpotlightException.definition(d.location(), "metric '" + d.id() + "' reads the " + a.table().tableName()
              + " table, which cannot be split by '" + dim + "'", "split " + a.table().tableName() + " metrics by grantee, source or a calendar dimension");
        }
      }
      List<Expr> filters = new ArrayList<>();
      if (a.where() != null) {
        filters.add(a.where());
      }
      filters.addAll(extra);
      Atom atom = new Atom("a" + atoms.size(), a.table(), a.function(), a.of(), filters, a.p(), shift);
      atoms.add(atom);
      tables.add(a.table());
      return new ValueTree.Of(atom);
    }
    if (d.body() instanceof MetricBody.Derived x) {
      return derived(x.expr(), extra, atoms, tables, dims, shift);
    }
    if (d.body() instanceof MetricBody.Change c) {
      List<String> calendar = dims.stream().filter(TableScope.TIME_DIMENSIONS::contains).toList();
      if (calendar.size() > 1) {
        throw SpotlightException.usage("change metric '" + d.id() + "' can be split by one calendar dimension, not "
            + String.join(" and ", calendar), "keep one, e.g. --by "
            + calendar.stream().min(java.util.Comparator.comparing(TableScope.TIME_DIMENSIONS::indexOf)).orElseThrow());
      }
      List<Comparison> earlier = new ArrayList<>(shift);
      earlier.add(c.compareTo());
      ValueTree now = resolveRef(c.of(), extra, atoms, tables, dims, shift);
      ValueTree then = resolveRef(c.of(), extra, atoms, tables, dims, earlier);
      ValueTree difference = new ValueTree.Arithmetic(ValueTree.Op.SUB, now, then);
      return c.relative() ? new ValueTree.Arithmetic(ValueTree.Op.DIV, difference, then) : difference;
    }
    if (d.body() instanceof MetricBody.PerCapita pc) {
      ValueTree of = resolveRef(pc.of(), extra, atoms, tables, dims, shift);
      return new ValueTree.Arithmetic(ValueTree.Op.MUL,
          new ValueTree.Arithmetic(ValueTree.Op.DIV, of, new ValueTree.Population()), new ValueTree.Constant(pc.per()));
    }
    if (d.body() instanceof MetricBody.SocialValue v) {
      ValueTree outcomes = resolveRef(v.outcomes(), extra, atoms, tables, dims, shift);
      return new ValueTree.Arithmetic(ValueTree.Op.MUL, outcomes, new ValueTree.Constant(v.perUnit()));
    }
    MetricBody.Ratio r = (MetricBody.Ratio) d.body();
    return new ValueTree.Quotient(
        resolveRef(r.numerator(), extra, atoms, tables, dims, shift), resolveRef(r.denominator(), extra, atoms, tables, dims, shift));
  }

  /** A derived metric's expr (checked at load time: metric ids, numbers, + - * /, abs, round) as a tree. */
  private ValueTree derived(Expr e, List<Expr> extra, List<Atom> atoms, Set<CanonicalTable> tables, List<String> dims, List<Comparison> shift) {
    if (e instanceof Expr.ColumnRef c) {
      return resolve(catalog.get(c.name(), c.location()), extra, atoms, tables, dims, shift);
    }
    if (e instanceof Expr.Literal l) {
      return new ValueTree.Constant(((Number) l.value()).doubleValue());
    }
    if (e instanceof Expr.Unary u) {
      return new ValueTree.Arithmetic(ValueTree.Op.SUB, new ValueTree.Constant(0), derived(u.operand(), extra, atoms, tables, dims, shift));
    }
    if (e instanceof Expr.Binary b) {
      ValueTree.Op op = switch (b.op()) {
        case ADD -> ValueTree.Op.ADD;
        case SUB -> ValueTree.Op.SUB;
        case MUL -> ValueTree.Op.MUL;
        case DIV -> ValueTree.Op.DIV;
        default -> throw new IllegalStateException("not arithmetic: " + b.op());
      };
      return new ValueTree.Arithmetic(op, derived(b.left(), extra, atoms, tables, dims, shift), derived(b.right(), extra, atoms, tables, dims, shift));
    }
    if (e instanceof Expr.FunctionCall f) {
      int digits = f.args().size() == 2 ? ((Number) ((Expr.Literal) f.args().get(1)).value()).intValue() : 0;
      return new ValueTree.Function(f.name(), derived(f.args().get(0), extra, atoms, tables, dims, shift), digits);
    }
    throw new IllegalStateException("not allowed in a derived metric: " + e);
  }

  private ValueTree resolveRef(dev.spotlight.metrics.model.MetricRef ref, List<Expr> extra, List<Atom> atoms, Set<CanonicalTable> tables, List<String> dims, List<Comparison> shift) {
    List<Expr> filters = new ArrayList<>(extra);
    if (ref.where() != null) {
      filters.add(ref.where());
    }
    return resolve(catalog.get(ref.metricId(), ref.location()), filters, atoms, tables, dims, shift);
  }
}
