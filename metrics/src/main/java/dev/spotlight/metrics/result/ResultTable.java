package dev.spotlight.metrics.result;

import dev.spotlight.metrics.model.Period;
import java.util.List;

/** The tidy result of one query: the period, the dimensions grouped by, and one row per metric and group. */
public record ResultTable(Period period, List<String> dimensions, List<ResultRow> rows) {

  public ResultTable {
    dimensions = List.copyOf(dimensions);
    rows = List.copyOf(rows);
  }
}
