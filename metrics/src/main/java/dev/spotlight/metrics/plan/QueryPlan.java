package dev.spotlight.metrics.plan;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.model.Period;
import java.util.List;
import java.util.Set;

/** A planned query: the atoms to aggregate per group, the metrics built from them, the dimensions and the period. */
public record QueryPlan(List<Atom> atoms, List<MetricPlan> metrics, List<String> dimensions, Period period, Set<CanonicalTable> tables) {

  public QueryPlan {
    atoms = List.copyOf(atoms);
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
    tables = Set.copyOf(tables);
  }

  /**
   * One plan per period the atoms are computed over, the query period first: each holds the atoms
   * of one shift (a {@code change} metric adds its comparison period) and that period. Only the
   * first keeps the metrics, so only it asks for the population. A plan without change metrics is
   * its own single part.
   */
  public List<QueryPlan> byPeriod() {
    java.util.Map<List<dev.spotlight.metrics.model.Comparison>, List<Atom>> parts = new java.util.LinkedHashMap<>();
    parts.put(List.of(), new java.util.ArrayList<>());
    for (Atom a : atoms) {
      parts.computeIfAbsent(a.shift(), k -> new java.util.ArrayList<>()).add(a);
    }
    if (parts.size() == 1) {
      return List.of(this);
    }
    List<QueryPlan> out = new java.util.ArrayList<>();
    for (var e : parts.entrySet()) {
      Set<CanonicalTable> used = new java.util.LinkedHashSet<>();
      e.getValue().forEach(a -> used.add(a.table()));
      boolean first = out.isEmpty();
      out.add(new QueryPlan(e.getValue(), first ? metrics : List.of(), dimensions, comparisonPeriod(e.getKey()), used));
    }
    return out;
  }

  /**
   * The period atoms with {@code shift} read: the query period shifted by each comparison, or, when
   * the query is split by a calendar dimension, shifted back one bucket (or one year) per comparison.
   */
  public Period comparisonPeriod(List<dev.spotlight.metrics.model.Comparison> shift) {
    return CalendarDimension.in(dimensions).map(c -> c.shiftBack(shift, period))
        .orElseGet(() -> dev.spotlight.metrics.model.Comparison.apply(shift, period));
  }

  /** The first metric that needs the population of the areas (a per_capita metric, at any depth), if any. */
  public java.util.Optional<MetricPlan> populationMetric() {
    return metrics.stream().filter(m -> usesPopulation(m.value())).findFirst();
  }

  private static boolean usesPopulation(ValueTree t) {
    return t instanceof ValueTree.Population || t.children().stream().anyMatch(QueryPlan::usesPopulation);
  }
}
