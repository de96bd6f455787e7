package dev.spotlight.connectors.threesixtygiving;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The one-line error for the first bad grant of a pull. */
final class GrantErrors {

  private GrantErrors() {}

  /** Where a grant's field is: file index, record, line (JSON, XLSX) and field give a location. */
  interface Locator {
    Location locate(int file, long record, int line, GrantField field);

    /** Words naming the place that the location cannot (the sheet of a workbook), or "". */
    String where(int file, int line);
  }

  /**
   * The error for the current row of: {@code __error, __file_idx, __rec, __line, id, currency, amount,
   * award_date, start_date, p_start, end_date, p_end, duration}.
   */
  static SpotlightException firstBadGrant(ResultSet rs, Locator locator) throws SQLException {
    int reason = rs.getInt(1);
    long record = rs.getLong(3);
    String id = rs.getString(5);
    GrantField field = GrantSql.REASON_FIELDS.get(reason);
    String bad = null;
    if (reason == 8) {
      if (rs.getString(9) != null && rs.getObject(10) == null) {
        bad = rs.getString(9);
      } else if (rs.getString(11) != null && rs.getObject(12) == null) {
        field = GrantField.END_DATE;
        bad = rs.getString(11);
      } else {
        field = GrantField.DURATION;
        bad = rs.getString(13);
      }
    }
    Location at = locator.locate(rs.getInt(2), record, rs.getInt(4), field);
    String which = locator.where(rs.getInt(2), rs.getInt(4)) + "grant " + (id == null ? record : "'" + id + "'") + (at.line() > 0 || id == null ? "" : " (record " + record + ")") + ": ";
    String message = switch (reason) {
      case 3 -> "'" + rs.getString(6) + "' is not a currency code (Currency takes three letters of ISO 4217, e.g. GBP)";
      case 5 -> "cannot read '" + rs.getString(7) + "' as Amount Awarded (a number such as 1500.50, without currency sign or thousands separators)";
      case 7 -> "cannot read '" + rs.getString(8) + "' as Award Date (expected YYYY-MM-DD, a date-time, DD/MM/YYYY or DD-MM-YYYY)";
      case 8 -> field == GrantField.DURATION
          ? "cannot read '" + bad + "' as " + field.title + " (a number of months)"
          : "cannot read '" + bad + "' as " + field.title + " (expected YYYY-MM-DD, YYYY-MM, YYYY, a date-time, or DD/MM/YYYY)";
      case 11 -> "no Recipient Org:Identifier (nor Recipient Ind:Identifier): the 360Giving standard requires the recipient";
      default -> "no " + field.title + ": the 360Giving standard requires it";
    };
    return new SpotlightException(ExitKind.DATA, at, which + message,
        "fix the grant, or set on_bad_row: skip to skip and count such grants");
  }
}
