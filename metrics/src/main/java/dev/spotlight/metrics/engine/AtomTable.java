package dev.spotlight.metrics.engine;

import java.util.List;

/** What an engine returns: one row per group, with its dimension values (as text) and atom values. */
public record AtomTable(List<String> dimensions, List<String> atoms, List<Row> rows) {

  public AtomTable {
    dimensions = List.copyOf(dimensions);
    atoms = List.copyOf(atoms);
    rows = List.copyOf(rows);
  }

  /** One group: dimension values (null where the group's value is null) and atom values (null when SQL gave NULL). */
  public record Row(List<String> dims, List<Double> values) {}
}
