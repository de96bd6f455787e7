package dev.spotlight.metrics.model;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.proxy.Proxy;
import java.util.ArrayList;
import java.util.List;

/** What a metric computes; one record per family of metric types. */
public sealed interface MetricBody {

  String typeName();

  /** count, count_distinct, sum, avg, min, max, median, percentile over one table. */
  record Aggregate(AggregateFunction function, CanonicalTable table, Expr of, Expr where, Double p) implements MetricBody {
    @Override
    public String typeName() {
      return function.typeName();
    }
  }

  /** numerator / denominator, each a (possibly filtered) reference to another metric. */
  record Ratio(MetricRef numerator, MetricRef denominator) implements MetricBody {
    @Override
    public String typeName() {
      return "ratio";
    }
  }

  /**
   * {@code of} per {@code per} residents: the referenced metric's value divided by the population
   * of the areas in each group (of all areas when the query has no area dimension), times {@code per}.
   */
  record PerCapita(MetricRef of, double per) implements MetricBody {
    @Override
    public String typeName() {
      return "per_capita";
    }
  }

  /**
   * Period over period: {@code of} in the query period against {@code of} in the comparison period,
   * as a difference ({@code absolute}) or a fraction of the comparison value ({@code relative}).
   */
  record Change(MetricRef of, Comparison compareTo, boolean relative) implements MetricBody {
    @Override
    public String typeName() {
      return "change";
    }
  }

  /**
   * A metric whose definition has errors, already reported where it is written. It stands in for the
   * metric during checking so that metrics built on it are not reported again as naming an unknown
   * metric; it never reaches a catalogue.
   */
  record Unloadable() implements MetricBody {
    @Override
    public String typeName() {
      return "unloadable";
    }
  }

  /**
   * Social value: {@code outcomes} (a metric counting or measuring an outcome) times what the proxy
   * for {@code proxy} says one unit is worth. The metric as written is the net value; its companion
   * {@code ID_gross} ({@code gross} true) is the same before deadweight, attribution and displacement.
   * {@code resolved} is the proxy itself once the metric is checked against the proxies file.
   */
  record SocialValue(MetricRef outcomes, String proxy, Location proxyAt, boolean gross, Proxy resolved) implements MetricBody {
    @Override
    public String typeName() {
      return "value";
    }

    /** What one unit of {@code outcomes} is worth in the project's currency (needs {@code resolved}). */
    public double perUnit() {
      return gross ? resolved.grossPerUnit() : resolved.netPerUnit();
    }
  }

  /**
   * Arithmetic over other metrics: {@code expr} is checked at load time to use only metric ids,
   * numbers, {@code + - * /}, unary minus, parentheses, {@code abs} and {@code round}; its names
   * ({@link Expr.ColumnRef}) are metric ids, not columns.
   */
  record Derived(Expr expr) implements MetricBody {
    @Override
    public String typeName() {
      return "derived";
    }

    /** The metric ids {@code expr} names, each where it is written, in order of appearance. */
    public List<MetricRef> references() {
      List<MetricRef> out = new ArrayList<>();
      collect(expr, out);
      return out;
    }

    private static void collect(Expr e, List<MetricRef> out) {
      if (e instanceof Expr.ColumnRef c) {
        out.add(new MetricRef(c.name(), null, c.location()));
      } else if (e instanceof Expr.Unary u) {
        collect(u.operand(), out);
      } else if (e instanceof Expr.Binary b) {
        collect(b.left(), out);
        collect(b.right(), out);
      } else if (e instanceof Expr.FunctionCall f) {
        f.args().forEach(a -> collect(a, out));
      } else if (e instanceof Expr.InList in) {
        collect(in.value(), out);
        in.items().forEach(i -> collect(i, out));
      } else if (e instanceof Expr.Between b) {
        collect(b.value(), out);
        collect(b.low(), out);
        collect(b.high(), out);
      } else if (e instanceof Expr.IsNull n) {
        collect(n.value(), out);
      }
    }
  }
}
