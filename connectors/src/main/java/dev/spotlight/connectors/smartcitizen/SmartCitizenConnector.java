package dev.spotlight.connectors.smartcitizen;

import dev.spotlight.connectors.files.FileOrigin;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorOption;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.DuckDbErrors;
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.Checksums;
import dev.spotlight.connectors.files.FileGlob;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Smart Citizen Kit SD-card CSV exports (citizen air and noise sensing). Every sensor value of every
 * row becomes one {@code reading.recorded} event; every device gets one {@code device.active} event
 * per local day with at least one reading. DuckDB reads, unpivots and checks the rows; Java reads only
 * the four header rows of each file.
 *
 * <p>Counts are in sensor values: {@code recordsRead} is data rows times sensor columns kept,
 * {@code filtered} the null/none/empty values, {@code skipped} the values of bad rows (and duplicate
 * readings) when {@code on_bad_row: skip}; {@code rowsKept} is the canonical rows staged (readings plus
 * device days). Each input file's {@code records} is its number of data rows.
 */
public final class SmartCitizenConnector implements Connector {

  static final String READING = "reading.recorded";
  static final String ACTIVE = "device.active";
  static final String REASON_TIME = "unreadable TIME (values of the row)";
  static final String REASON_VALUE = "non-numeric sensor value (values of the row)";
  static final String REASON_RAGGED = "wrong number of fields (values of the row)";
  static final String REASON_DUPLICATE = "duplicate reading (same device, time and sensor)";

  /** A file name the SD card chose itself (a date like 20-09-02, or a counter): the device is the folder. */
  private static final Pattern SD_CARD_NAME = Pattern.compile("^[0-9][0-9_.\\-]*$");
  /** A time that carries its own offset; an offset-free time is UTC, as the kit logs it. */
  private static final String OFFSET_RE = "[0-9]:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)? ?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$";
  private static final String NULL_TOKENS = "('', 'null', 'none', 'nan')";

  @Override
  public String id() {
    return "smartcitizen";
  }

  @Override
  public String description() {
    return "Smart Citizen Kit SD-card CSV exports (4 header rows): one reading.recorded per sensor value, device.active per device and day";
  }

  @Override
  public List<String> secretOptions() {
    return List.of("token_env");
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "path or glob (or a list) of SD-card CSV files, relative to the project file (or devices: for the API)"),
        new ConnectorOption("device", false, "device id for every file; default the file name without extension"
            + " (the folder name when the file is named by date, e.g. 20-09-02.CSV)"),
        new ConnectorOption("sensors", false, "sensor keys to keep (first header row, e.g. [TEMP, NOISE_A]); with devices: sensor ids; default all"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"),
        new ConnectorOption("devices", false, "instead of files: device ids to read from the readings API, e.g. [1616]"),
        new ConnectorOption("rollup", false, "API: the readings' rollup, e.g. 1h (default) or 15m"),
        new ConnectorOption("url", false, "API: base URL (default https://api.smartcitizen.me)"),
        new ConnectorOption("token_env", false, "API: environment variable holding an access token (sent as a Bearer token)"),
        new ConnectorOption("window_days", false, "API: days per readings request (default 30)"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    if (SmartCitizenApiOptions.wanted(source.options())) {
      SmartCitizenApiOptions.parse(source.options(), problems);
    } else {
      SmartCitizenOptions.parse(source.options(), problems);
    }
    if (source.grantee() == null || source.grantee().isBlank()) {
      problems.add(source.location(), "source '" + source.name() + "' has no grantee", "add grantee: to the source; Smart Citizen files do not name one");
    }
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    validate(source, problems);
    problems.throwIfAny();
    if (SmartCitizenApiOptions.wanted(source.options())) {
      return new SmartCitizenApi(source, context, SmartCitizenApiOptions.parse(source.options(), problems)).pull();
    }
    SmartCitizenOptions options = SmartCitizenOptions.parse(source.options(), problems);
    List<Path> paths = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    List<SdCardFile> files = new ArrayList<>();
    for (Path p : paths) {
      files.add(SdCardFile.open(p, p.toString()));
    }
    checkSensorsExist(options, files);
    Connection c = context.connection();
    try {
      createWorkTables(c);
      List<PullResult.InputFile> inputs = new ArrayList<>();
      long rowsRead = 0;
      long raggedValues = 0;
      for (int i = 0; i < files.size(); i++) {
        SdCardFile file = files.get(i);
        CompletableFuture<String> sha = Checksums.sha256Async(file.path());
        String device = options.device() != null ? options.device() : deviceOf(file.path());
        List<SdCardFile.Sensor> kept = keptSensors(options, file);
        long[] loaded = load(c, i, file, device, FileOrigin.of(source.projectDir(), file.path()), kept, options.skipBadRows());
        long rows = loaded[0] + loaded[1];
        raggedValues += loaded[1] * kept.size();
        rowsRead += rows;
        inputs.add(new PullResult.InputFile(file.path().toString(), sha.join(), rows));
        context.progress().recordsRead(source.name(), rowsRead);
      }
      return judgeAndStage(c, source.grantee(), options, files, inputs, raggedValues);
    } catch (SQLException e) {
      throw new IllegalStateException("smartcitizen source '" + source.name() + "' failed in DuckDB: " + e.getMessage(), e);
    }
  }

  /** The device id a file's name gives: its name without extension, or its folder's name when the SD card named it by date. */
  static String deviceOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (SD_CARD_NAME.matcher(stem).matches() && parent != null && parent.getFileName() != null) {
      return parent.getFileName().toString();
    }
    return stem;
  }


  private static void checkSensorsExist(SmartCitizenOptions options, List<SdCardFile> files) {
    if (options.sensors().isEmpty()) {
      return;
    }
    Set<String> known = new LinkedHashSet<>();
    files.forEach(f -> f.sensors().forEach(s -> known.add(s.key())));
    Set<String> lower = known.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    for (String wanted : options.sensors()) {
      if (!lower.contains(wanted.toLowerCase(Locale.ROOT))) {
        String hint = DidYouMean.closest(wanted, known).map(k -> "did you mean '" + k + "'?").orElse("the files have: " + String.join(", ", known));
        throw new SpotlightException(ExitKind.DATA, options.sensorsAt(), "sensors: lists '" + wanted + "' but no file has that sensor column", hint);
      }
    }
  }

  private static List<SdCardFile.Sensor> keptSensors(SmartCitizenOptions options, SdCardFile file) {
    if (options.sensors().isEmpty()) {
      return file.sensors();
    }
    Set<String> wanted = options.sensors().stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return file.sensors().stream().filter(s -> wanted.contains(s.key().toLowerCase(Locale.ROOT))).toList();
  }

  private static void createWorkTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE sc_files (file_idx INTEGER, origin VARCHAR, device VARCHAR)");
      s.execute("CREATE OR REPLACE TEMP TABLE sc_sensors (file_idx INTEGER, col VARCHAR, column_no INTEGER,"
          + " sensor VARCHAR, unit VARCHAR, name VARCHAR, sensor_id VARCHAR)");
      s.execute("CREATE OR REPLACE TEMP TABLE sc_rows (file_idx INTEGER, row_no BIGINT, time_text VARCHAR, ts TIMESTAMPTZ)");
      s.execute("CREATE OR REPLACE TEMP TABLE sc_cells (file_idx INTEGER, row_no BIGINT, col VARCHAR, value VARCHAR)");
    }
  }

  /**
   * Reads one file's data rows into sc_rows and its kept sensor values, unpivoted, into sc_cells;
   * returns its data rows read and, when {@code leaveOutRagged}, the rows left out for their number of fields.
   */
  private static long[] load(Connection c, int idx, SdCardFile file, String device, String origin, List<SdCardFile.Sensor> kept,
      boolean leaveOutRagged) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO sc_files VALUES (?, ?, ?)")) {
      p.setInt(1, idx);
      p.setString(2, origin);
      p.setString(3, device);
      p.execute();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO sc_sensors VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (SdCardFile.Sensor s : kept) {
        p.setInt(1, idx);
        p.setString(2, "c" + s.column());
        p.setInt(3, s.column());
        p.setString(4, s.key());
        p.setString(5, s.unit());
        p.setString(6, s.name());
        p.setString(7, s.sensorId());
        p.addBatch();
      }
      p.executeBatch();
    }
    StringBuilder columns = new StringBuilder();
    for (int col = 1; col <= file.fieldCount(); col++) {
      columns.append(col > 1 ? ", " : "").append(Sql.literal("c" + col)).append(": 'VARCHAR'");
    }
    String read = "read_csv(" + Sql.literal(file.path().toAbsolutePath().toString())
        + ", header = false, skip = " + SdCardFile.HEADER_ROWS + ", auto_detect = false, columns = {" + columns + "}"
        + ", delim = ',', quote = '\"', escape = '\"', strict_mode = true, null_padding = false, max_line_size = 16777216";
    String t = "trim(c1)";
    String ts = "CASE WHEN " + t + " = '' THEN NULL WHEN regexp_matches(" + t + ", " + Sql.literal(OFFSET_RE) + ") THEN try_cast(" + t
        + " AS TIMESTAMPTZ) ELSE timezone('UTC', try_cast(" + t + " AS TIMESTAMP)) END";
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE sc_raw AS SELECT row_number() OVER () AS row_no, * FROM " + read
          + (leaveOutRagged ? RaggedSdRows.readOptions(idx) : "") + ")");
    } catch (SQLException e) {
      throw DuckDbErrors.readError(e, file.shown());
    }
    int ragged = leaveOutRagged ? RaggedSdRows.leaveOut(c, idx, file, read + ")") : 0;
    try (Statement s = c.createStatement()) {
      long rows = s.executeUpdate("INSERT INTO sc_rows SELECT " + idx + ", row_no, c1, " + ts + " FROM sc_raw");
      if (!kept.isEmpty()) {
        String in = kept.stream().map(k -> Sql.identifier("c" + k.column())).collect(Collectors.joining(", "));
        s.executeUpdate("INSERT INTO sc_cells SELECT " + idx + ", row_no, col, value FROM (SELECT row_no, " + in
            + " FROM sc_raw) UNPIVOT INCLUDE NULLS (value FOR col IN (" + in + "))");
      }
      s.execute("DROP TABLE sc_raw");
      return new long[] {rows, ragged};
    }
  }

  private PullResult judgeAndStage(
      Connection c, String grantee, SmartCitizenOptions options, List<SdCardFile> files, List<PullResult.InputFile> inputs, long raggedValues)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE sc_checked AS SELECT k.file_idx, k.row_no, k.col, k.value, r.time_text, r.ts,"
          + " coalesce(lower(trim(k.value)), '') IN " + NULL_TOKENS + " AS is_null,"
          + " try_cast(trim(k.value) AS DOUBLE) AS num"
          + " FROM sc_cells k JOIN sc_rows r USING (file_idx, row_no)");
      // every bad row, with its first problem: an unreadable time before any value, then the leftmost bad value
      s.execute("CREATE OR REPLACE TEMP TABLE sc_bad AS"
          + " SELECT file_idx, row_no, 1 AS column_no, time_text AS value, 'time' AS kind FROM sc_rows WHERE ts IS NULL"
          + " UNION ALL SELECT file_idx, row_no, min(n.column_no), arg_min(k.value, n.column_no), 'value'"
          + " FROM sc_checked k JOIN sc_sensors n USING (file_idx, col)"
          + " WHERE k.ts IS NOT NULL AND NOT k.is_null AND (k.num IS NULL OR NOT isfinite(k.num)) GROUP BY ALL");
    }
    long read = scalar(c, "SELECT count(*) FROM sc_cells") + raggedValues;
    Map<String, Long> skipped = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT b.kind, count(k.row_no) FROM sc_bad b"
            + " LEFT JOIN sc_cells k USING (file_idx, row_no) GROUP BY b.kind ORDER BY b.kind")) {
      while (rs.next()) {
        skipped.put(rs.getString(1).equals("time") ? REASON_TIME : REASON_VALUE, rs.getLong(2));
      }
    }
    if (raggedValues > 0) {
      skipped.put(REASON_RAGGED, raggedValues);
    }
    if (!skipped.isEmpty() && !options.skipBadRows()) {
      throw firstBadRow(c, files);
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE sc_good AS SELECT k.file_idx, k.row_no, k.ts, k.num, n.column_no, n.sensor, n.unit, n.name, n.sensor_id,"
          + " f.device, f.origin FROM sc_checked k"
          + " JOIN sc_sensors n USING (file_idx, col) JOIN sc_files f USING (file_idx)"
          + " ANTI JOIN sc_bad b USING (file_idx, row_no) WHERE NOT k.is_null");
    }
    long filtered = scalar(c, "SELECT count(*) FROM sc_checked k ANTI JOIN sc_bad b USING (file_idx, row_no) WHERE k.is_null");
    long duplicates = scalar(c, "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM sc_good GROUP BY device, ts, lower(sensor) HAVING count(*) > 1)");
    if (duplicates > 0) {
      if (!options.skipBadRows()) {
        throw firstDuplicate(c, files);
      }
      skipped.put(REASON_DUPLICATE, duplicates);
    }
    StagingTables.create(c, CanonicalTable.ACTIVITY);
    String cols = "event_id, platform_kind, grantee, event_type, outcome, occurred_at, participant, counterpart, area_code, lat, lon,"
        + " quantity, amount, currency, attributes, origin, origin_row";
    String utc = "CASE WHEN microsecond(ts) % 1000000 = 0 THEN strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%SZ')"
        + " ELSE strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%S.%fZ') END";
    long readings;
    long days;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " (" + cols + ")"
        + " SELECT device || '/' || (" + utc + ") || '/' || sensor, 'sensing', ?, '" + READING + "', NULL, ts, NULL, device, NULL, NULL, NULL,"
        + " num, NULL, NULL,"
        + " map_from_entries(list_filter([{'k': 'sensor', 'v': sensor}, {'k': 'unit', 'v': unit}, {'k': 'sensor_name', 'v': name},"
        + " {'k': 'sensor_id', 'v': sensor_id}, {'k': 'device', 'v': device}], lambda e: e.v IS NOT NULL)),"
        + " origin, row_no FROM sc_good"
        + (duplicates > 0 ? " QUALIFY row_number() OVER (PARTITION BY device, ts, lower(sensor) ORDER BY file_idx, row_no, column_no) = 1" : ""))) {
      p.setString(1, grantee);
      readings = p.executeUpdate();
    }
    // one device.active per device and local day (the session's time zone is the project's)
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " (" + cols + ")"
        + " SELECT device || '/' || strftime(day, '%Y-%m-%d'), 'sensing', ?, '" + ACTIVE + "', NULL, first_ts, NULL, device, NULL, NULL, NULL,"
        + " n, NULL, NULL, MAP {'device': device}, origin, row_no FROM ("
        + " SELECT counterpart AS device, CAST(occurred_at AS DATE) AS day, min(occurred_at) AS first_ts, count(*) AS n,"
        + " arg_min(origin, occurred_at) AS origin, arg_min(origin_row, occurred_at) AS row_no"
        + " FROM " + StagingTables.ACTIVITY + " WHERE event_type = '" + READING + "' GROUP BY ALL)")) {
      p.setString(1, grantee);
      days = p.executeUpdate();
    }
    try (Statement s = c.createStatement()) {
      for (String t : List.of("sc_good", "sc_bad", "sc_checked", "sc_cells", "sc_rows", "sc_sensors", "sc_files")) {
        s.execute("DROP TABLE " + t);
      }
    }
    return new PullResult(inputs, read, readings + days, skipped, filtered);
  }

  private static SpotlightException firstBadRow(Connection c, List<SdCardFile> files) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT b.file_idx, b.row_no, b.column_no, b.value, b.kind, n.sensor FROM sc_bad b"
            + " LEFT JOIN sc_sensors n ON n.file_idx = b.file_idx AND n.column_no = b.column_no"
            + " ORDER BY b.file_idx, b.row_no, b.column_no LIMIT 1")) {
      rs.next();
      SdCardFile file = files.get(rs.getInt(1));
      Location at = new Location(file.shown(), (int) Math.min(file.lineOf(rs.getLong(2)), Integer.MAX_VALUE), rs.getInt(3));
      String value = rs.getString(4);
      String hint = "fix the row, or set on_bad_row: skip to skip and count such rows";
      if (rs.getString(5).equals("time")) {
        String what = value == null || value.isBlank() ? "TIME is empty" : "cannot read TIME '" + value + "' as an ISO 8601 date-time";
        return new SpotlightException(ExitKind.DATA, at, what, hint + " (times look like 2020-09-02T15:35:19Z)");
      }
      return new SpotlightException(ExitKind.DATA, at,
          "cannot read '" + value + "' as a number in sensor column '" + rs.getString(6) + "'", hint + " (null, none and empty mean no reading)");
    }
  }

  private static SpotlightException firstDuplicate(Connection c, List<SdCardFile> files) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT file_idx, row_no, column_no, device, sensor, strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%SZ'),"
            + " first_file, first_row FROM (SELECT *, row_number() OVER w AS rank, first_value(file_idx) OVER w AS first_file,"
            + " first_value(row_no) OVER w AS first_row FROM sc_good"
            + " WINDOW w AS (PARTITION BY device, ts, lower(sensor) ORDER BY file_idx, row_no, column_no))"
            + " WHERE rank = 2 ORDER BY file_idx, row_no, column_no LIMIT 1")) {
      rs.next();
      SdCardFile file = files.get(rs.getInt(1));
      SdCardFile first = files.get(rs.getInt(7));
      Location at = new Location(file.shown(), (int) file.lineOf(rs.getLong(2)), rs.getInt(3));
      Location firstAt = new Location(first.shown(), (int) first.lineOf(rs.getLong(8)), 0);
      return new SpotlightException(ExitKind.DATA, at,
          "duplicate reading of sensor '" + rs.getString(5) + "' of device '" + rs.getString(4) + "' at " + rs.getString(6)
              + " (first seen at " + firstAt.render() + ")",
          "a device has one value per sensor and time; check for overlapping files, or set on_bad_row: skip to keep the first");
    }
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
