package dev.spotlight.cli.render.tidy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Extra numeric fields for each tidy row, e.g. {@code compare}'s rank: {@code names} in order, and
 * for every row (in row order) one value per name, null where there is none.
 */
public record ExtraFields(List<String> names, List<List<Double>> values) {

  public static final ExtraFields NONE = new ExtraFields(List.of(), List.of());

  public ExtraFields {
    names = List.copyOf(names);
    List<List<Double>> copy = new ArrayList<>();
    for (List<Double> v : values) {
      if (v.size() != names.size()) {
        throw new IllegalArgumentException("expected " + names.size() + " extra values per row, got " + v.size());
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(v)));
    }
    values = Collections.unmodifiableList(copy);
  }

  /** The values of row {@code i}; none when there are no extra fields. */
  List<Double> row(int i) {
    return names.isEmpty() ? List.of() : values.get(i);
  }

  void checkRows(int rows) {
    if (!names.isEmpty() && values.size() != rows) {
      throw new IllegalArgumentException("expected extra values for " + rows + " rows, got " + values.size());
    }
  }
}
