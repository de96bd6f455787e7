package dev.spotlight.metrics.sql;

/** The parts of SQL that differ between the engines metrics are rendered for. */
public interface SqlDialect {

  /** A short name for logs and the Method sheet, e.g. "duckdb". */
  String name();

  /** {@code identifier} quoted for use in SQL; it must come from the catalogue, not user text. */
  String quoteIdentifier(String identifier);

  /** How this dialect spells {@code type} in {@code CAST(? AS type)}. */
  String typeName(SqlType type);

  /**
   * The number of {@code unit} boundaries from {@code start} to {@code end}. The unit must be one
   * of {@link dev.spotlight.metrics.expr.BuiltinFunction#DATE_DIFF_UNITS}. {@code start} and {@code
   * end} are rendered SQL that may hold {@code ?} parameters, so they must appear in the result in
   * this order: parameters bind by position.
   */
  String dateDiff(String unit, String start, String end);
}
