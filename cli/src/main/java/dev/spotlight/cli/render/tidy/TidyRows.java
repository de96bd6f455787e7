package dev.spotlight.cli.render.tidy;

import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Several result tables as one tidy list, with the union of their dimensions in first-seen order. */
public record TidyRows(List<String> dimensions, List<ResultRow> rows) {

  public static TidyRows of(List<ResultTable> tables) {
    Set<String> dims = new LinkedHashSet<>();
    List<ResultRow> rows = new ArrayList<>();
    for (ResultTable t : tables) {
      dims.addAll(t.dimensions());
      rows.addAll(t.rows());
    }
    return new TidyRows(List.copyOf(dims), rows);
  }
}
