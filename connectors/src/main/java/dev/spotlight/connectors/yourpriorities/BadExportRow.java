package dev.spotlight.connectors.yourpriorities;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Words the first bad row of an export pull, in file order (posts sheet before points sheet), as one error line. */
final class BadExportRow {

  private static final String SKIP = "; or set on_bad_row: skip to skip and count such rows";

  private BadExportRow() {}

  static SpotlightException first(Connection c, List<ExportFile> inputs) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM ("
            + "SELECT error, file, 0 AS sheet, sheet_row, CASE error WHEN 'unreadable up votes' THEN up_raw WHEN 'unreadable down votes' THEN down_raw"
            + " WHEN 'unreadable location' THEN coalesce(lat_raw, '') || ', ' || coalesce(lon_raw, '') WHEN 'duplicate post id' THEN post_id"
            + " ELSE created END AS raw FROM yp_posts_checked WHERE error IS NOT NULL UNION ALL "
            + "SELECT error, file, 1, sheet_row, CASE error WHEN 'unknown point value' THEN value WHEN 'unreadable helpful count' THEN helpful_raw"
            + " WHEN 'unreadable unhelpful count' THEN unhelpful_raw WHEN 'unknown post' THEN post_id ELSE created END"
            + " FROM yp_points_checked WHERE error IS NOT NULL) ORDER BY file, sheet, sheet_row LIMIT 1")) {
      rs.next();
      String error = rs.getString(1);
      ExportFile in = inputs.get(rs.getInt(2));
      boolean posts = rs.getInt(3) == 0;
      long row = rs.getLong(4);
      String raw = rs.getString(5);
      ExportSheet sheet = posts ? in.posts() : in.points();
      Map<String, Optional<String>> columns = posts ? in.postColumns() : in.pointColumns();
      String what = posts ? "the post" : "the point";
      String column;
      String message;
      String hint = "fix the row" + SKIP;
      switch (error) {
        case "missing post id":
          column = columns.get("post_id").orElseThrow();
          message = what + " has no " + column;
          break;
        case "missing created time":
          column = columns.get("created").orElseThrow();
          message = what + " has no " + column + " time";
          break;
        case "unreadable created time":
          column = columns.get("created").orElseThrow();
          message = "cannot read '" + raw + "' as a date-time in column '" + column + "'";
          hint = "the export writes DD/MM/YY HH:mm, e.g. 05/10/24 14:30" + SKIP;
          break;
        case "unreadable up votes":
        case "unreadable down votes":
          column = columns.get(error.contains("up") ? "up_raw" : "down_raw").orElseThrow();
          message = "cannot read '" + raw + "' as a number of votes in column '" + column + "'";
          hint = "a whole number, 0 or more" + SKIP;
          break;
        case "unreadable location":
          column = columns.get("lat_raw").or(() -> columns.get("lon_raw")).orElseThrow();
          message = "cannot read '" + raw + "' as a latitude and longitude in degrees";
          hint = "both cells as decimal degrees (64.14, -21.94), or both empty" + SKIP;
          break;
        case "duplicate post id":
          column = columns.get("post_id").orElseThrow();
          message = "duplicate " + column + " '" + raw + "'";
          hint = "each post appears once in a source; check for two exports of the same group, or set on_bad_row: skip to keep the first";
          break;
        case "missing point value":
        case "unknown point value":
          column = columns.get("value").orElseThrow();
          message = "the point's " + column + " is " + (raw == null ? "empty" : "'" + raw + "'") + ", not 'Point for', 'Point against' or 'Comment'";
          break;
        case "unreadable helpful count":
        case "unreadable unhelpful count":
          column = columns.get(error.contains("unhelpful") ? "unhelpful_raw" : "helpful_raw").orElseThrow();
          message = "cannot read '" + raw + "' as a count in column '" + column + "'";
          hint = "a whole number, 0 or more" + SKIP;
          break;
        default:
          column = columns.get("post_id").orElseThrow();
          message = "the point belongs to post '" + raw + "', which is not in sheet '" + in.posts().name + "' (or its row there is bad)";
          hint = "export the group again: a points sheet goes with its own posts sheet" + SKIP;
          break;
      }
      return new SpotlightException(ExitKind.DATA, sheet.locate(row, column), "sheet '" + sheet.name + "' row " + row + ": " + message, hint);
    }
  }
}
