package dev.spotlight.metrics.model;

import java.util.List;

/** The period a {@code change} metric compares with ({@code compare_to:}). */
public enum Comparison {
  PREVIOUS_PERIOD("previous_period"),
  SAME_PERIOD_LAST_YEAR("same_period_last_year");

  private final String yamlName;

  Comparison(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static List<String> yamlNames() {
    return java.util.Arrays.stream(values()).map(Comparison::yamlName).toList();
  }

  /** The comparison period for {@code p}. */
  public Period apply(Period p) {
    return this == PREVIOUS_PERIOD ? Periods.previous(p) : Periods.sameLastYear(p);
  }

  /** {@code p} shifted by each comparison in turn (a change of a change shifts twice). */
  public static Period apply(List<Comparison> shift, Period p) {
    Period out = p;
    for (Comparison c : shift) {
      out = c.apply(out);
    }
    return out;
  }
}
