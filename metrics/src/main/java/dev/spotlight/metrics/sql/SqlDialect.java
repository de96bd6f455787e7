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

  /**
   * The label of the calendar bucket {@code date} falls in, as text: {@code day} 2026-10-01,
   * {@code week} 2026-W40 (ISO 8601 weeks, starting on Monday, in their ISO year), {@code month}
   * 2026-10, {@code quarter} 2026-Q4, {@code year} 2026. {@code date} is rendered SQL of type DATE.
   */
  String timeBucket(String unit, String date);

  /** The {@code p} quantile of {@code value} (a DOUBLE), interpolated linearly between the nearest ranks. */
  String percentile(String value, double p);

  /** The value of {@code map} at {@code key} (rendered SQL of type text), null when the key is absent. */
  String mapValue(String map, String key);

  /**
   * A select item that yields one row per day from {@code from} to {@code to} (DATEs, both
   * inclusive; none when {@code to} is before {@code from}), each with that day as a DATE.
   */
  String daySeries(String from, String to);

  /**
   * {@code value} rounded to {@code places} decimal places (rendered SQL of type INTEGER, used once
   * and after {@code value}, since it may be a parameter; null
   * means whole numbers), halves away from zero, on the double as it is stored: every engine must
   * give the same result as DuckDB's {@code round}, which multiplies by 10^places, rounds and
   * divides back.
   */
  String round(String value, String places);
}
