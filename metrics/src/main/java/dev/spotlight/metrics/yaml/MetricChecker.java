package dev.spotlight.metrics.yaml;

import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.TypeChecker;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricRef;
import dev.spotlight.metrics.plan.ExprNames;
import dev.spotlight.metrics.plan.TableScope;
import dev.spotlight.metrics.proxy.Proxy;
import dev.spotlight.metrics.proxy.ProxyCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic stage of loading: unique ids, expression types against the metric's table, references
 * that exist, and no cycles. Returns definitions whose expressions carry the checker's coercions.
 */
public final class MetricChecker {

  /** The unit that stands for the project's currency ({@code unit: currency}). */
  public static final String PROJECT_CURRENCY = "currency";

  private MetricChecker() {}

  /** Checks {@code definitions} for a project with no proxies file, leaving units as written. */
  public static MetricCatalog check(List<MetricDefinition> definitions, Problems problems) {
    return check(definitions, ProxyCatalog.none(), problems);
  }

  /**
   * Checks {@code definitions}; {@code value} metrics take their proxy from {@code proxies}. The
   * unit {@code currency}, and the missing unit of a value metric, become the project's currency.
   */
  public static MetricCatalog check(List<MetricDefinition> definitions, ProxyCatalog proxies, String currency, Problems problems) {
    MetricCatalog catalog = check(definitions, proxies, problems);
    List<MetricDefinition> out = new ArrayList<>();
    for (MetricDefinition d : catalog.all()) {
      boolean money = PROJECT_CURRENCY.equals(d.unit()) || (d.body() instanceof MetricBody.SocialValue && d.unit() == null);
      String description = d.description();
      if (d.body() instanceof MetricBody.SocialValue v) {
        // the figures behind the value travel with its definition, to the Method sheet
        description = (description.isBlank() ? "" : description.strip() + " ") + "Valued with the " + v.resolved().summary() + ".";
      }
      out.add(new MetricDefinition(d.id(), d.label(), description, money ? currency : d.unit(), d.body(), d.interval(), d.tags(), d.file(),
          d.location(), d.text()));
    }
    return new MetricCatalog(out);
  }

  private static MetricCatalog check(List<MetricDefinition> definitions, ProxyCatalog proxies, Problems problems) {
    Map<String, MetricDefinition> byId = new LinkedHashMap<>();
    for (MetricDefinition d : definitions) {
      MetricDefinition first = byId.get(d.id());
      if (first != null) {
        String hint = "metric ids must be unique across all metric files"
            + (d.id().endsWith(MetricFileLoader.GROSS_SUFFIX) ? "; a value metric's gross value is ID" + MetricFileLoader.GROSS_SUFFIX : "");
        problems.add(d.location(), "metric '" + d.id() + "' is already defined at " + first.location().render(), hint);
        continue;
      }
      byId.put(d.id(), d);
    }
    List<MetricDefinition> checked = new ArrayList<>();
    for (MetricDefinition d : byId.values()) {
      if (d.body() instanceof MetricBody.Unloadable) {
        continue;
      }
      try {
        MetricBody body = checkBody(d, byId, proxies);
        if (body != null) {
          checked.add(withBody(d, body));
        }
      } catch (SpotlightException e) {
        if (!isGrossCompanion(d)) {
          // a gross companion fails exactly where its net metric does, which has reported it
          problems.addAll(e);
        }
      } catch (BuiltOnUnloadable e) {
        // the metric it is built on has errors, reported where that metric is written
      }
    }
    for (MetricDefinition d : byId.values()) {
      try {
        findCycle(d.id(), byId, new ArrayList<>(), new HashSet<>());
      } catch (SpotlightException e) {
        if (!isGrossCompanion(d)) {
          problems.addAll(e);
        }
      }
    }
    return new MetricCatalog(checked);
  }

  /** Thrown while checking a metric built on one whose own errors are already reported: nothing more to say. */
  private static final class BuiltOnUnloadable extends RuntimeException {
    BuiltOnUnloadable() {
      super(null, null, false, false);
    }
  }

  private static boolean isGrossCompanion(MetricDefinition d) {
    return d.body() instanceof MetricBody.SocialValue v && v.gross();
  }

  private static MetricDefinition withBody(MetricDefinition d, MetricBody body) {
    return new MetricDefinition(d.id(), d.label(), d.description(), d.unit(), body, d.interval(), d.tags(), d.file(), d.location(), d.text());
  }

  /** {@code d}'s body with checked expressions and references; null when it uses a proxy whose errors are already reported. */
  private static MetricBody checkBody(MetricDefinition d, Map<String, MetricDefinition> byId, ProxyCatalog proxies) {
    if (d.body() instanceof MetricBody.Aggregate a) {
      TableScope scope = TableScope.of(a.table());
      Expr of = a.of();
      if (of != null) {
        of = a.function().needsNumericOf() ? TypeChecker.checkNumeric(of, scope, "of").expr() : TypeChecker.check(of, scope).expr();
      }
      Expr where = a.where() == null ? null : TypeChecker.checkBoolean(a.where(), scope, "where").expr();
      return new MetricBody.Aggregate(a.function(), a.table(), of, where, a.p());
    }
    if (d.body() instanceof MetricBody.Derived x) {
      DerivedExprChecker.check(x.expr(), byId.keySet());
      for (MetricRef ref : x.references()) {
        if (byId.get(ref.metricId()).body() instanceof MetricBody.Unloadable) {
          throw new BuiltOnUnloadable();
        }
      }
      if (x.references().isEmpty()) {
        throw SpotlightException.definition(x.expr().location(),
            "derived metric '" + d.id() + "' names no metric: it would be the same constant in every group",
            "use metric ids in expr, e.g. (requests - shares) / requests");
      }
      return x;
    }
    if (d.body() instanceof MetricBody.PerCapita pc) {
      MetricRef of = checkRef(pc.of(), byId);
      populationFilter(of, d.id());
      return new MetricBody.PerCapita(of, pc.per());
    }
    if (d.body() instanceof MetricBody.Change c) {
      return new MetricBody.Change(checkRef(c.of(), byId), c.compareTo(), c.relative());
    }
    if (d.body() instanceof MetricBody.SocialValue v) {
      MetricRef outcomes = checkRef(v.outcomes(), byId);
      Proxy proxy = proxies.get(v.proxy(), v.proxyAt());
      if (proxy == null) {
        return null;
      }
      return new MetricBody.SocialValue(outcomes, v.proxy(), v.proxyAt(), v.gross(), proxy);
    }
    MetricBody.Ratio r = (MetricBody.Ratio) d.body();
    return new MetricBody.Ratio(checkRef(r.numerator(), byId), checkRef(r.denominator(), byId));
  }

  /** The metrics {@code body} is built from, as written. */
  static List<MetricRef> references(MetricBody body) {
    if (body instanceof MetricBody.Ratio r) {
      return List.of(r.numerator(), r.denominator());
    }
    if (body instanceof MetricBody.Derived x) {
      return x.references();
    }
    if (body instanceof MetricBody.PerCapita pc) {
      return List.of(pc.of());
    }
    if (body instanceof MetricBody.Change c) {
      return List.of(c.of());
    }
    if (body instanceof MetricBody.SocialValue v) {
      return List.of(v.outcomes());
    }
    return List.of();
  }

  private static MetricRef checkRef(MetricRef ref, Map<String, MetricDefinition> byId) {
    MetricDefinition target = byId.get(ref.metricId());
    if (target == null) {
      throw SpotlightException.definition(ref.location(), "unknown metric '" + ref.metricId() + "'",
          dev.spotlight.common.text.DidYouMean.hint(ref.metricId(), byId.keySet()));
    }
    if (target.body() instanceof MetricBody.Unloadable) {
      throw new BuiltOnUnloadable();
    }
    if (ref.where() == null) {
      return ref;
    }
    String perCapita = perCapitaBelow(target, byId, new HashSet<>());
    if (perCapita != null) {
      populationFilter(ref, perCapita);
    }
    Set<TableScope> scopes = new HashSet<>();
    tablesOf(target, byId, scopes, new HashSet<>());
    Expr where = ref.where();
    for (TableScope scope : scopes) {
      where = TypeChecker.checkBoolean(where, scope, "where").expr();
    }
    return new MetricRef(ref.metricId(), where, ref.location());
  }

  /**
   * A filter on an area column above a per_capita metric would narrow the count but not the
   * population it is divided by: the filter would be silently ignored for half the ratio.
   */
  private static void populationFilter(MetricRef ref, String perCapitaId) {
    if (ref.where() == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    ExprNames.collect(ref.where(), names);
    for (String area : List.of("area", "area_code", "local_authority", "deprivation_decile", "population")) {
      if (names.contains(area)) {
        String by = area.equals("area_code") || area.equals("population") ? "area" : area;
        throw SpotlightException.definition(ref.location(), "a filter on '" + area + "' would not narrow the population that '" + perCapitaId
            + "' divides by", "split by " + by + " instead (--by " + by + "): the population then follows each group");
      }
    }
  }

  /** The id of the per_capita metric {@code d} is or is built from, or null. */
  private static String perCapitaBelow(MetricDefinition d, Map<String, MetricDefinition> byId, Set<String> seen) {
    if (!seen.add(d.id())) {
      return null;
    }
    if (d.body() instanceof MetricBody.PerCapita) {
      return d.id();
    }
    for (MetricRef r : references(d.body())) {
      MetricDefinition t = byId.get(r.metricId());
      String found = t == null ? null : perCapitaBelow(t, byId, seen);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The tables the aggregates under {@code d} read (a filtered reference must make sense on each). */
  private static void tablesOf(MetricDefinition d, Map<String, MetricDefinition> byId, Set<TableScope> out, Set<String> seen) {
    if (!seen.add(d.id())) {
      return;
    }
    if (d.body() instanceof MetricBody.Aggregate a) {
      out.add(TableScope.of(a.table()));
    } else {
      for (MetricRef ref : references(d.body())) {
        MetricDefinition t = byId.get(ref.metricId());
        if (t != null) {
          tablesOf(t, byId, out, seen);
        }
      }
    }
  }

  private static void findCycle(String id, Map<String, MetricDefinition> byId, List<String> path, Set<String> done) {
    if (path.contains(id)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      MetricDefinition d = byId.get(path.get(0));
      throw SpotlightException.definition(d.location(), "metric '" + path.get(0) + "' refers to itself through " + String.join(" -> ", cycle), "break the cycle");
    }
    MetricDefinition d = byId.get(id);
    if (d == null || done.contains(id)) {
      return;
    }
    path.add(id);
    for (MetricRef ref : references(d.body())) {
      findCycle(ref.metricId(), byId, path, done);
    }
    path.remove(path.size() - 1);
    if (path.isEmpty()) {
      done.add(id);
    }
  }
}
