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

  /** The first metric that needs the population of the areas (a per_capita metric, at any depth), if any. */
  public java.util.Optional<MetricPlan> populationMetric() {
    return metrics.stream().filter(m -> usesPopulation(m.value())).findFirst();
  }

  private static boolean usesPopulation(ValueTree t) {
    return t instanceof ValueTree.Population || t.children().stream().anyMatch(QueryPlan::usesPopulation);
  }
}
