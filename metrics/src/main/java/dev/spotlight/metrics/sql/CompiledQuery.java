package dev.spotlight.metrics.sql;

import java.util.List;

/**
 * SQL ready for an engine: text with {@code ?} placeholders, their values in order, and the result
 * columns it yields (dimensions, then one column per atom).
 */
public record CompiledQuery(String sql, List<Object> params, List<String> dimensionColumns, List<String> atomColumns) {

  public CompiledQuery {
    params = List.copyOf(params);
    dimensionColumns = List.copyOf(dimensionColumns);
    atomColumns = List.copyOf(atomColumns);
  }
}
