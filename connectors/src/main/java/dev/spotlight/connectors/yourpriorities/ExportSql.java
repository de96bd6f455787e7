package dev.spotlight.connectors.yourpriorities;

/**
 * The DuckDB SQL that judges the rows of {@code yp_posts} and {@code yp_points} (the first failing
 * check names the row's {@code error}) and maps the good ones to canonical activity.
 */
final class ExportSql {

  /** How the export writes times: moment's {@code DD/MM/YY HH:mm}, local time. */
  static final String EXPORT_TIME = "%d/%m/%y %H:%M";

  private static final String ISO_LOCAL = "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?$";

  private ExportSql() {}

  /** A local time as the export writes it, or ISO-8601 when a spreadsheet program turned the cell into a date; else NULL. */
  static String time(String text) {
    return "coalesce(CAST(try_strptime(" + text + ", '" + EXPORT_TIME + "') AS TIMESTAMPTZ), CASE WHEN regexp_full_match(" + text + ", '"
        + ISO_LOCAL + "') THEN try_cast(" + text + " AS TIMESTAMPTZ) END)";
  }

  /** A whole count of 0 or more, or NULL. */
  static String count(String text) {
    return "CASE WHEN regexp_full_match(" + text + ", '[0-9]{1,15}') THEN CAST(" + text + " AS BIGINT) END";
  }

  private static String degrees(String text, int limit) {
    return "CASE WHEN abs(try_cast(" + text + " AS DOUBLE)) <= " + limit + " THEN try_cast(" + text + " AS DOUBLE) END";
  }

  static final String CHECK_POSTS = "CREATE OR REPLACE TEMP TABLE yp_posts_checked AS SELECT *,"
      + " CASE WHEN __e IS NULL AND row_number() OVER (PARTITION BY post_id, __e IS NULL ORDER BY file, sheet_row) > 1 THEN 'duplicate post id'"
      + " ELSE __e END AS error FROM (SELECT *, CASE"
      + " WHEN post_id IS NULL THEN 'missing post id'"
      + " WHEN created IS NULL THEN 'missing created time'"
      + " WHEN ts IS NULL THEN 'unreadable created time'"
      + " WHEN up_raw IS NOT NULL AND up IS NULL THEN 'unreadable up votes'"
      + " WHEN down_raw IS NOT NULL AND down IS NULL THEN 'unreadable down votes'"
      + " WHEN (lat_raw IS NOT NULL OR lon_raw IS NOT NULL) AND (lat IS NULL OR lon IS NULL) THEN 'unreadable location'"
      + " END AS __e FROM (SELECT *, " + time("created") + " AS ts, " + count("up_raw") + " AS up, " + count("down_raw") + " AS down, "
      + degrees("lat_raw", 90) + " AS lat, " + degrees("lon_raw", 180) + " AS lon FROM yp_posts))";

  static final String CHECK_POINTS = "CREATE OR REPLACE TEMP TABLE yp_points_checked AS SELECT *, CASE"
      + " WHEN post_id IS NULL THEN 'missing post id'"
      + " WHEN created IS NULL THEN 'missing created time'"
      + " WHEN ts IS NULL THEN 'unreadable created time'"
      + " WHEN value IS NULL THEN 'missing point value'"
      + " WHEN stance IS NULL THEN 'unknown point value'"
      + " WHEN helpful_raw IS NOT NULL AND helpful IS NULL THEN 'unreadable helpful count'"
      + " WHEN unhelpful_raw IS NOT NULL AND unhelpful IS NULL THEN 'unreadable unhelpful count'"
      + " WHEN post_id NOT IN (SELECT post_id FROM yp_posts_checked WHERE error IS NULL) THEN 'unknown post'"
      + " END AS error FROM (SELECT *, " + time("created") + " AS ts,"
      + " CASE lower(value) WHEN 'point for' THEN 'for' WHEN 'point against' THEN 'against' WHEN 'comment' THEN 'comment' END AS stance, "
      + count("helpful_raw") + " AS helpful, " + count("unhelpful_raw") + " AS unhelpful,"
      // a point's id is its post's id and its place among that post's points, counted over every row so skips move no id
      + " post_id || ':point:' || row_number() OVER (PARTITION BY post_id ORDER BY file, sheet_row) AS event_id FROM yp_points)";

  private static String attributes(String... keyValues) {
    StringBuilder s = new StringBuilder("map_from_entries(list_filter([");
    for (int i = 0; i < keyValues.length; i += 2) {
      s.append(i == 0 ? "" : ", ").append("{'k': '").append(keyValues[i]).append("', 'v': CAST(").append(keyValues[i + 1]).append(" AS VARCHAR)}");
    }
    return s.append("], lambda e: e.v IS NOT NULL)) AS attributes").toString();
  }

  private static final String COMMON = "'participation' AS platform_kind, CAST(? AS VARCHAR) AS grantee, ";

  private static String votes(String direction, String count) {
    return " UNION ALL BY NAME SELECT post_id || ':votes-" + direction + "' AS event_id, " + COMMON + "'vote.cast' AS event_type, ts AS occurred_at,"
        + " area AS area_code, lat, lon, CAST(" + count + " AS DOUBLE) AS quantity, "
        + attributes("direction", "'" + direction + "'", "post_id", "post_id", "category", "category")
        + ", origin, sheet_row AS origin_row FROM yp_posts_checked WHERE error IS NULL AND " + count + " > 0";
  }

  /** Inserts the canonical rows; binds the grantee {@link #STAGE_GRANTEE_PARAMS} times. */
  static final String STAGE = "INSERT INTO staged_activity BY NAME"
      + " SELECT post_id AS event_id, " + COMMON + "'idea.submitted' AS event_type, ts AS occurred_at, email AS participant,"
      + " area AS area_code, lat, lon, "
      + attributes("category", "category", "locale", "locale", "status", "status", "url", "url", "points", "points")
      + ", origin, sheet_row AS origin_row FROM yp_posts_checked WHERE error IS NULL"
      + votes("up", "up") + votes("down", "down")
      + " UNION ALL BY NAME SELECT k.event_id, " + COMMON + "'idea.debated' AS event_type, k.ts AS occurred_at, k.email AS participant,"
      + " p.area AS area_code, "
      + attributes("post_id", "k.post_id", "stance", "k.stance", "category", "p.category", "language", "k.language", "status", "k.status",
          "helpful", "k.helpful", "unhelpful", "k.unhelpful")
      + ", k.origin, k.sheet_row AS origin_row FROM yp_points_checked k JOIN yp_posts_checked p ON p.post_id = k.post_id AND p.error IS NULL"
      + " WHERE k.error IS NULL";

  static final int STAGE_GRANTEE_PARAMS = 4;
}
