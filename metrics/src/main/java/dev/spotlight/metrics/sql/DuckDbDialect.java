package dev.spotlight.metrics.sql;

import dev.spotlight.metrics.expr.BuiltinFunction;

/** SQL as DuckDB reads it. */
public final class DuckDbDialect implements SqlDialect {

  public static final DuckDbDialect INSTANCE = new DuckDbDialect();

  private DuckDbDialect() {}

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String quoteIdentifier(String identifier) {
    if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a valid identifier: '" + identifier + "'");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String typeName(SqlType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case BIGINT -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
    };
  }

  @Override
  public String dateDiff(String unit, String start, String end) {
    // Inlined so the unit reads plainly in the SQL kept for provenance; the whitelist is what
    // makes inlining safe.
    if (!BuiltinFunction.DATE_DIFF_UNITS.contains(unit)) {
      throw new IllegalArgumentException("not a date_diff unit: '" + unit + "'");
    }
    return "DATE_DIFF('" + unit + "', " + start + ", " + end + ")";
  }

  @Override
  public String timeBucket(String unit, String date) {
    return switch (unit) {
      case "day" -> "strftime(" + date + ", '%Y-%m-%d')";
      case "week" -> "strftime(" + date + ", '%G-W%V')";
      case "month" -> "strftime(" + date + ", '%Y-%m')";
      case "quarter" -> "strftime(" + date + ", '%Y') || '-Q' || CAST(quarter(" + date + ") AS VARCHAR)";
      case "year" -> "strftime(" + date + ", '%Y')";
      default -> throw new IllegalArgumentException("not a calendar bucket: '" + unit + "'");
    };
  }

  @Override
  public String percentile(String value, double p) {
    return "quantile_cont(" + value + ", " + Double.toString(p) + ")";
  }

  @Override
  public String mapValue(String map, String key) {
    return map + "[" + key + "]";
  }

  @Override
  public String daySeries(String from, String to) {
    return "CAST(unnest(generate_series(" + from + ", " + to + ", INTERVAL 1 DAY)) AS DATE)";
  }

  @Override
  public String round(String value, String places) {
    return places == null ? "ROUND(" + value + ")" : "ROUND(" + value + ", " + places + ")";
  }
}
