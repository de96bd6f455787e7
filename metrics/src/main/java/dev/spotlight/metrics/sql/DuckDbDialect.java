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
}
