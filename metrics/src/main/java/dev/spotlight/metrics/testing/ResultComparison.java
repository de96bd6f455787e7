package dev.spotlight.metrics.testing;

import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a query's results with a test's expected rows. Rows are matched by their dimension
 * values as text; numbers are equal within 1e-9 relative; {@code null} matches a suppressed or
 * undefined value. An expected row with no result row, and a result row no expected row matches,
 * are differences.
 */
final class ResultComparison {

  static final double RELATIVE_TOLERANCE = 1e-9;

  private ResultComparison() {}

  /** The differences, in expected-row order then extra rows in result order; empty when the results match. */
  static List<String> differences(MetricTest test, ResultTable results) {
    List<String> dims = test.query().dimensions();
    List<String> metrics = test.query().metrics();
    Map<List<String>, Map<String, ResultRow>> groups = new LinkedHashMap<>();
    for (ResultRow r : results.rows()) {
      List<String> key = new ArrayList<>();
      for (String d : dims) {
        key.add(r.dims().get(d));
      }
      groups.computeIfAbsent(key, k -> new HashMap<>()).put(r.metric(), r);
    }
    List<String> out = new ArrayList<>();
    List<List<String>> matched = new ArrayList<>();
    for (MetricTest.ExpectedRow row : test.expect()) {
      List<String> key = new ArrayList<>();
      for (String d : dims) {
        YamlScalar v = row.fields().get(d);
        key.add(v == null || v.isNull() ? null : v.text());
      }
      Map<String, ResultRow> got = groups.get(key);
      String where = label(dims, key);
      if (got == null || matched.contains(key)) {
        out.add("no result row for " + (where.isEmpty() ? "the whole period" : where));
        continue;
      }
      matched.add(key);
      for (String m : metrics) {
        YamlScalar expected = row.fields().get(m);
        if (expected == null) {
          continue;
        }
        String difference = compare(expected, got.get(m));
        if (difference != null) {
          out.add((where.isEmpty() ? "" : where + " ") + m + " " + difference);
        }
      }
    }
    for (var e : groups.entrySet()) {
      if (!matched.contains(e.getKey())) {
        String where = label(dims, e.getKey());
        StringBuilder values = new StringBuilder();
        for (String m : metrics) {
          values.append(values.length() == 0 ? "" : ", ").append(m).append('=').append(shown(e.getValue().get(m)));
        }
        out.add("unexpected result row " + (where.isEmpty() ? "" : where + " ") + "(" + values + ")");
      }
    }
    return out;
  }

  /** Null when {@code got} matches {@code expected}, else what differs, e.g. {@code expected 125.0, got 120.0}. */
  static String compare(YamlScalar expected, ResultRow got) {
    boolean gotNull = got == null || got.status() != MetricStatus.OK || got.value() == null;
    if (expected.isNull()) {
      return gotNull ? null : "expected null, got " + shown(got);
    }
    if (gotNull) {
      return "expected " + expected.text() + ", got " + shown(got);
    }
    double e = expected.asDouble("an expected value");
    double g = got.value();
    return equal(e, g) ? null : "expected " + expected.text() + ", got " + shown(got);
  }

  static boolean equal(double expected, double got) {
    if (expected == got) {
      return true;
    }
    return Math.abs(expected - got) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(got));
  }

  /** A result value as the messages show it: the number, or null with why. */
  static String shown(ResultRow r) {
    if (r == null) {
      return "null (no value)";
    }
    if (r.status() != MetricStatus.OK || r.value() == null) {
      return "null (" + (r.status() == MetricStatus.OK ? "undefined" : r.status().label()) + ")";
    }
    return Double.toString(r.value());
  }

  private static String label(List<String> dims, List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < dims.size(); i++) {
      out.append(i == 0 ? "" : " ").append(dims.get(i)).append('=').append(Objects.toString(values.get(i), "null"));
    }
    return out.toString();
  }
}
