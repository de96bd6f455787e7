package dev.spotlight.connectors.threesixtygiving;

import dev.spotlight.connectors.canonical.Sql;
import java.util.List;

/**
 * The SQL that reads a grant's text fields (DuckDB): amounts, the date forms real files use, the
 * judging of required fields, and the period a grant covers.
 */
final class GrantSql {

  private GrantSql() {}

  static final String AMOUNT_PATTERN = "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$";
  static final String ISO_DAY = "^\\d{4}-\\d{2}-\\d{2}([T ].*|Z|[+-]\\d{2}:?\\d{2})?$";
  static final String SLASHED_DAY = "^\\d{1,2}/\\d{1,2}/\\d{4}$";
  static final String DASHED_DAY = "^\\d{1,2}-\\d{1,2}-\\d{4}$";
  static final String SLASHED_ISO_DAY = "^\\d{4}/\\d{1,2}/\\d{1,2}$";
  static final String DURATION_PATTERN = "^\\d+(\\.\\d*)?$";

  /** Why a grant is bad, in the order a grant is judged (the index is stored per grant). */
  static final List<String> REASONS = List.of("missing Identifier", "missing Title", "missing Currency", "unreadable Currency",
      "missing Amount Awarded", "unreadable Amount Awarded", "missing Award Date", "unreadable Award Date", "unreadable Planned Dates",
      "missing Funding Org:Identifier", "missing Funding Org:Name", "missing Recipient Org:Identifier", "missing Recipient Org:Name");

  /** The field each reason is about (for the column an error points at); reason 8 is worked out per grant. */
  static final List<GrantField> REASON_FIELDS = List.of(GrantField.ID, GrantField.TITLE, GrantField.CURRENCY, GrantField.CURRENCY,
      GrantField.AMOUNT, GrantField.AMOUNT, GrantField.AWARD_DATE, GrantField.AWARD_DATE, GrantField.START_DATE,
      GrantField.FUNDER_ID, GrantField.FUNDER_NAME, GrantField.RECIPIENT_ID, GrantField.RECIPIENT_NAME);

  /** The parsed columns added to the raw grants: {@code amt}, {@code award}, {@code p_start}, {@code p_end}, {@code months}. */
  static String parsed() {
    return "CASE WHEN regexp_full_match(amount, " + Sql.literal(AMOUNT_PATTERN) + ") THEN try_cast(amount AS DECIMAL(18,2)) END AS amt, "
        + day("award_date") + " AS award, "
        + "CASE WHEN regexp_full_match(start_date, '^\\d{4}$') THEN try_cast(start_date || '-01-01' AS DATE)"
        + " WHEN regexp_full_match(start_date, '^\\d{4}-\\d{2}$') THEN try_cast(start_date || '-01' AS DATE)"
        + " ELSE " + day("start_date") + " END AS p_start, "
        + "CASE WHEN regexp_full_match(end_date, '^\\d{4}$') THEN try_cast(end_date || '-12-31' AS DATE)"
        + " WHEN regexp_full_match(end_date, '^\\d{4}-\\d{2}$') THEN last_day(try_cast(end_date || '-01' AS DATE))"
        + " ELSE " + day("end_date") + " END AS p_end, "
        + "CASE WHEN regexp_full_match(duration, " + Sql.literal(DURATION_PATTERN) + ") THEN CAST(round(CAST(duration AS DOUBLE)) AS INTEGER) END AS months";
  }

  /** A day written as ISO-8601 (a time or zone after it is ignored), DD/MM/YYYY, DD-MM-YYYY or YYYY/MM/DD; anything else is null. */
  static String day(String text) {
    return "CASE WHEN regexp_full_match(" + text + ", " + Sql.literal(ISO_DAY) + ") THEN try_cast(left(" + text + ", 10) AS DATE)"
        + " WHEN regexp_full_match(" + text + ", " + Sql.literal(SLASHED_DAY) + ") THEN CAST(try_strptime(" + text + ", '%d/%m/%Y') AS DATE)"
        + " WHEN regexp_full_match(" + text + ", " + Sql.literal(DASHED_DAY) + ") THEN CAST(try_strptime(" + text + ", '%d-%m-%Y') AS DATE)"
        + " WHEN regexp_full_match(" + text + ", " + Sql.literal(SLASHED_ISO_DAY) + ") THEN CAST(try_strptime(" + text + ", '%Y/%m/%d') AS DATE) END";
  }

  /** The index into {@link #REASONS} of what is wrong with a grant, or null; over the parsed columns. */
  static String judge() {
    return "CASE WHEN id IS NULL THEN 0"
        + " WHEN title IS NULL THEN 1"
        + " WHEN currency IS NULL THEN 2"
        + " WHEN NOT regexp_full_match(currency, '^[A-Za-z]{3}$') THEN 3"
        + " WHEN amount IS NULL THEN 4"
        + " WHEN amt IS NULL THEN 5"
        + " WHEN award_date IS NULL THEN 6"
        + " WHEN award IS NULL THEN 7"
        + " WHEN (start_date IS NOT NULL AND p_start IS NULL) OR (end_date IS NOT NULL AND p_end IS NULL)"
        + " OR (duration IS NOT NULL AND months IS NULL) THEN 8"
        + " WHEN funder_id IS NULL THEN 9"
        + " WHEN funder_name IS NULL THEN 10"
        + " WHEN recipient_id IS NULL AND individual_id IS NULL THEN 11"
        + " WHEN recipient_id IS NOT NULL AND recipient_name IS NULL THEN 12 END";
  }

  /** The first day a grant covers: its planned start, else its award date. */
  static final String START = "coalesce(p_start, award)";

  /** How the period was found: a planned end not before the start, else the start plus the duration, else the start alone. */
  static final String RULE = "CASE WHEN p_end >= " + START + " THEN 'planned_dates' WHEN months > 0 THEN 'duration' ELSE 'single_day' END";

  /** The last day a grant covers, by {@link #RULE}. */
  static final String END = "CASE WHEN p_end >= " + START + " THEN p_end"
      + " WHEN months > 0 THEN CAST(" + START + " + to_months(months) - INTERVAL 1 DAY AS DATE) ELSE " + START + " END";
}
