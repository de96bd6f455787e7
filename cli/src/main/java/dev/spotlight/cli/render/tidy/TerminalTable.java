package dev.spotlight.cli.render.tidy;

import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;

/** Prints tidy results as an aligned text table for people, with display rounding and footnotes. */
public final class TerminalTable {

  private TerminalTable() {}

  /**
   * @param units metric id to unit, for display formatting
   * @param suppressedLabel e.g. {@code <5}
   */
  public static void print(TidyRows rows, Map<String, String> units, String suppressedLabel, PrintWriter out) {
    print(rows, units, suppressedLabel, List.of(), List.of(), out);
  }

  /**
   * Like {@link #print(TidyRows, Map, String, PrintWriter)} with more right-aligned columns after
   * {@code status}: {@code extraHeader} names them and {@code extraCells} holds each row's display text.
   */
  public static void print(TidyRows rows, Map<String, String> units, String suppressedLabel, List<String> extraHeader,
      List<List<String>> extraCells, PrintWriter out) {
    print(rows, units, suppressedLabel, extraHeader, extraCells, (dimension, value) -> value, out);
  }

  /**
   * Like {@link #print(TidyRows, Map, String, List, List, PrintWriter)}, showing each dimension value
   * as {@code label} gives it, e.g. a grantee's name for its id.
   */
  public static void print(TidyRows rows, Map<String, String> units, String suppressedLabel, List<String> extraHeader,
      List<List<String>> extraCells, BinaryOperator<String> label, PrintWriter out) {
    if (!extraHeader.isEmpty() && extraCells.size() != rows.rows().size()) {
      throw new IllegalArgumentException("expected extra cells for " + rows.rows().size() + " rows, got " + extraCells.size());
    }
    List<String> header = new ArrayList<>(List.of("metric", "period"));
    header.addAll(rows.dimensions());
    header.addAll(List.of("value", "low", "high", "status"));
    header.addAll(extraHeader);
    List<List<String>> lines = new ArrayList<>();
    boolean anySuppressed = false;
    boolean anyUndefined = false;
    for (int i = 0; i < rows.rows().size(); i++) {
      ResultRow r = rows.rows().get(i);
      List<String> cells = new ArrayList<>(List.of(r.metric(), r.period()));
      for (String d : rows.dimensions()) {
        String v = r.dims().get(d);
        cells.add(v == null ? "(none)" : label.apply(d, v));
      }
      String unit = units.get(r.metric());
      if (r.status() == MetricStatus.SUPPRESSED) {
        anySuppressed = true;
        cells.add(suppressedLabel);
      } else if (r.status() == MetricStatus.UNDEFINED) {
        anyUndefined = true;
        cells.add("–");
      } else {
        cells.add(format(r.value(), unit));
      }
      cells.add(r.low() == null ? "" : format(r.low(), unit));
      cells.add(r.high() == null ? "" : format(r.high(), unit));
      cells.add(r.status().label());
      if (!extraHeader.isEmpty()) {
        cells.addAll(extraCells.get(i));
      }
      lines.add(cells);
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> l : lines) {
        width[i] = Math.max(width[i], l.get(i).length());
      }
    }
    int valueCol = 2 + rows.dimensions().size();
    print(out, header, width, valueCol);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i > 0 ? "  " : "").append("-".repeat(width[i]));
    }
    out.println(rule);
    for (List<String> l : lines) {
      print(out, l, width, valueCol);
    }
    if (anySuppressed) {
      int threshold = Integer.parseInt(suppressedLabel.substring(1));
      out.println(suppressedLabel + " = suppressed: counts from 1 to " + (threshold - 1) + " are not shown (small-number rule)");
    }
    if (anyUndefined) {
      out.println("– = undefined (e.g. a ratio over zero, or a median of no values)");
    }
    out.flush();
  }

  private static void print(PrintWriter out, List<String> cells, int[] width, int valueCol) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      boolean right = i >= valueCol && i < valueCol + 3 || i > valueCol + 3;
      String pad = " ".repeat(width[i] - c.length());
      b.append(i > 0 ? "  " : "").append(right ? pad + c : c + (i == cells.size() - 1 ? "" : pad));
    }
    // empty right-aligned extra cells at the end would leave trailing blanks
    out.println(b.toString().stripTrailing());
  }

  /** Display formatting by unit: percent as 25.0%, money with 2 decimals, whole numbers without decimals. */
  public static String format(Double v, String unit) {
    if (v == null) {
      return "";
    }
    if ("percent".equals(unit)) {
      return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
    if (unit != null && unit.matches("[A-Z]{3}")) {
      return String.format(Locale.ROOT, "%,.2f", v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v.doubleValue());
    }
    return String.format(Locale.ROOT, "%,.2f", v);
  }
}
