package dev.spotlight.metrics.engine.spark;

import dev.spotlight.metrics.expr.BuiltinFunction;
import dev.spotlight.metrics.sql.SqlDialect;
import dev.spotlight.metrics.sql.SqlType;

/**
 * SQL as Spark 4 reads it (ANSI mode on), written to give exactly what {@link
 * dev.spotlight.metrics.sql.DuckDbDialect} gives: ISO weeks, DuckDB's boundary-counting {@code
 * date_diff}, DuckDB's rounding of doubles and linear percentiles. Bound parameters are positional,
 * so every rendering keeps its operands' text in the order they were given.
 */
public final class SparkDialect implements SqlDialect {

  public static final SparkDialect INSTANCE = new SparkDialect();

  /** Wall-clock seconds since 1970 of a DATE or TIMESTAMP, in the session time zone. */
  private static final String EPOCH = "TIMESTAMP_NTZ '1970-01-01 00:00:00'";

  private SparkDialect() {}

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String quoteIdentifier(String identifier) {
    if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a valid identifier: '" + identifier + "'");
    }
    return '`' + identifier.replace("`", "``") + '`';
  }

  @Override
  public String typeName(SqlType type) {
    return switch (type) {
      case STRING -> "STRING";
      case BIGINT -> "BIGINT";
      case INTEGER -> "INT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
    };
  }

  /**
   * DuckDB counts boundaries crossed in local time (a month boundary between 31 October and 1
   * November is one month) and counts weeks as whole seven-day spans of days. Each unit is
   * rendered as {@code -(index of start) + (index of end)} so the operands stay in order.
   */
  @Override
  public String dateDiff(String unit, String start, String end) {
    if (!BuiltinFunction.DATE_DIFF_UNITS.contains(unit)) {
      throw new IllegalArgumentException("not a date_diff unit: '" + unit + "'");
    }
    return switch (unit) {
      case "day" -> days(start, end);
      case "week" -> "CAST(" + days(start, end) + " / 7 AS BIGINT)";
      case "month" -> difference(start, end, localDate("year(d) * 12 + month(d)"));
      case "quarter" -> difference(start, end, localDate("year(d) * 4 + quarter(d)"));
      case "year" -> difference(start, end, "year(%s)");
      case "hour" -> difference(start, end, wallClock(3600));
      case "minute" -> difference(start, end, wallClock(60));
      case "second" -> difference(start, end, wallClock(1));
      default -> throw new IllegalArgumentException("not a date_diff unit: '" + unit + "'");
    };
  }

  private static String days(String start, String end) {
    return "(-unix_date(CAST(" + start + " AS DATE)) + unix_date(CAST(" + end + " AS DATE)))";
  }

  /** The whole {@code seconds}-long units of local wall-clock time since 1970 that {@code %s} (used once) is in. */
  private static String wallClock(int seconds) {
    String elapsed = "timestampdiff(SECOND, " + EPOCH + ", CAST(%s AS TIMESTAMP_NTZ))";
    return seconds == 1 ? elapsed : "FLOOR(" + elapsed + " / " + seconds + ")";
  }

  /**
   * {@code formula} of the local date of {@code %s}, which it names {@code d}: the operand may hold
   * a parameter, so it is written once and named by a lambda.
   */
  private static String localDate(String formula) {
    return "element_at(transform(array(CAST(%s AS DATE)), d -> " + formula + "), 1)";
  }

  /** {@code index(end) - index(start)}; {@code index} names its operand with {@code %s}, exactly once. */
  private static String difference(String start, String end, String index) {
    return "(-(" + index.replace("%s", "(" + start + ")") + ") + (" + index.replace("%s", "(" + end + ")") + "))";
  }

  @Override
  public String timeBucket(String unit, String date) {
    return switch (unit) {
      case "day" -> "date_format(" + date + ", 'yyyy-MM-dd')";
      case "week" -> "concat(CAST(extract(YEAROFWEEK FROM " + date + ") AS STRING), '-W', lpad(CAST(weekofyear(" + date + ") AS STRING), 2, '0'))";
      case "month" -> "date_format(" + date + ", 'yyyy-MM')";
      case "quarter" -> "date_format(" + date + ", 'yyyy') || '-Q' || CAST(quarter(" + date + ") AS STRING)";
      case "year" -> "date_format(" + date + ", 'yyyy')";
      default -> throw new IllegalArgumentException("not a calendar bucket: '" + unit + "'");
    };
  }

  @Override
  public String percentile(String value, double p) {
    return "percentile(" + value + ", CAST(" + Double.toString(p) + " AS DOUBLE))";
  }

  @Override
  public String mapValue(String map, String key) {
    return map + "[" + key + "]";
  }

  /**
   * Spark's {@code sequence} fails where DuckDB's series is empty (a cost row ending before it
   * starts): the series runs to the later of the two days and keeps the days up to {@code to}.
   * Both operands may hold parameters, so each is written once and named by a lambda.
   */
  @Override
  public String daySeries(String from, String to) {
    return "explode(element_at(transform(array(named_struct('f', " + from + ", 't', " + to + ")),"
        + " r -> filter(sequence(r.f, greatest(r.f, r.t), INTERVAL 1 DAY), d -> d <= r.t)), 1))";
  }

  /**
   * Spark rounds a double's shortest decimal text (0.285 to 0.29) where DuckDB rounds the double
   * times 10^places (28.499999999999996, so 0.28): multiplying first gives DuckDB's numbers.
   */
  @Override
  public String round(String value, String places) {
    if (places == null) {
      return "ROUND(" + value + ")";
    }
    // places is a parameter and must appear once, after value: a lambda names both
    return "element_at(transform(array(named_struct('v', CAST(" + value + " AS DOUBLE), 'n', " + places
        + ")), r -> ROUND(r.v * power(10, r.n)) / power(10, r.n)), 1)";
  }
}
