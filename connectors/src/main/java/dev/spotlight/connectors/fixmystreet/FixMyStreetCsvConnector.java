package dev.spotlight.connectors.fixmystreet;

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
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.FileGlob;
import dev.spotlight.connectors.files.RecordFiles;
import dev.spotlight.connectors.mapped.CsvFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV export of the FixMyStreet (Pro) dashboard: each report is a {@code report.created}; one
 * with a Fixed time is also a {@code report.fixed} (quantity = hours from report to fix), one with a
 * Closed time a {@code report.closed}. Names, emails, titles and details are never read. All row
 * work runs in DuckDB.
 */
public final class FixMyStreetCsvConnector implements Connector {

  /** Columns the connector reads and the header names (compared without case, spaces or punctuation) that carry them. */
  enum Field {
    ID("Report ID", "reportid", "id"),
    CREATED("Created", "created"),
    CONFIRMED("Confirmed", "confirmed"),
    FIXED("Fixed", "fixed"),
    CLOSED("Closed", "closed"),
    STATUS("Status", "status", "state"),
    CATEGORY("Category", "category"),
    LAT("Latitude", "latitude", "lat"),
    LON("Longitude", "longitude", "lon", "long", "lng"),
    WARD("Ward", "ward"),
    SITE("Site Used", "siteused", "cobrand");

    final String header;
    final List<String> aliases;

    Field(String header, String... aliases) {
      this.header = header;
      this.aliases = List.of(aliases);
    }
  }

  static final String TIME_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)? ?(Z|[+-]\\d{2}(:?\\d{2})?)?$";

  /** Why a report is bad, in the order a report is judged (the index is stored per report). */
  static final List<String> REASONS = List.of(
      "missing report id", "missing created time", "unreadable created time", "unreadable fixed time", "unreadable closed time",
      "fixed status without a fixed time", "fixed before created", "unreadable latitude or longitude", "duplicate report id");

  @Override
  public String id() {
    return "fixmystreet-csv";
  }

  @Override
  public String description() {
    return "FixMyStreet dashboard CSV export: report.created, report.fixed (hours to fix), report.closed";
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "path or glob (or a list), relative to the project file"),
        new ConnectorOption("area_column", false, "column whose value becomes area_code (e.g. Ward); default none"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    FixMyStreetOptions.parse(source.options(), problems);
    if (source.grantee() == null) {
      problems.add(source.location(), "source '" + source.name() + "' has no grantee", "add grantee: to the source");
    }
  }

  /** One input file as read: its reader and which header names carry which field. */
  private record Input(CsvFile raw, Map<Field, String> columns, String area) {

    String columnOf(int reason) {
      Field f = switch (reason) {
        case 0, 8 -> Field.ID;
        case 3, 6 -> Field.FIXED;
        case 4 -> Field.CLOSED;
        case 5 -> Field.STATUS;
        case 7 -> Field.LAT;
        default -> columns.containsKey(Field.CREATED) ? Field.CREATED : Field.CONFIRMED;
      };
      return columns.get(f);
    }
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    validate(source, problems);
    problems.throwIfAny();
    FixMyStreetOptions options = FixMyStreetOptions.parse(source.options(), problems);
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    return RecordFiles.pull(id(), source, context, records -> {
      Connection c = records.connection();
      records.execute("CREATE OR REPLACE TEMP TABLE spotlight_fms (__file_idx INTEGER, __row BIGINT, origin VARCHAR, id VARCHAR,"
          + " created_raw VARCHAR, confirmed_raw VARCHAR, start_at TIMESTAMPTZ, fixed_raw VARCHAR, fixed_at TIMESTAMPTZ,"
          + " closed_raw VARCHAR, closed_at TIMESTAMPTZ, status VARCHAR, category VARCHAR, ward VARCHAR, site VARCHAR, area VARCHAR,"
          + " lat_raw VARCHAR, lon_raw VARCHAR, lat DOUBLE, lon DOUBLE)");
      List<Input> inputs = new ArrayList<>();
      records.readAll(files, (i, file, origin) -> {
        Input in = open(c, file, options);
        inputs.add(in);
        long n;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO spotlight_fms " + select(in, i))) {
          p.setString(1, origin);
          n = p.executeUpdate();
        }
        return n + records.leaveOut("spotlight_fms", i, file, in.raw().raggedRecords(c));
      });
      return judgeAndStage(records, source, options, inputs);
    });
  }

  private static Input open(Connection c, Path file, FixMyStreetOptions options) {
    CsvFile raw = new CsvFile(c, file, file.toString(), ",", true, null, true);
    List<String> header = raw.columns();
    Map<Field, String> columns = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      f.aliases.stream().flatMap(a -> header.stream().filter(h -> normal(h).equals(a))).findFirst().ifPresent(h -> columns.put(f, h));
    }
    String has = "the file has: " + String.join(", ", header);
    if (!columns.containsKey(Field.ID)) {
      String hint = DidYouMean.closest("Report ID", header).map(x -> "did you mean '" + x + "'? ").orElse("") + has;
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "not a FixMyStreet dashboard export: no 'Report ID' column", hint);
    }
    if (!columns.containsKey(Field.CREATED) && !columns.containsKey(Field.CONFIRMED)) {
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "not a FixMyStreet dashboard export: no 'Created' or 'Confirmed' column", has);
    }
    String area = null;
    if (options.areaColumn() != null) {
      String wanted = options.areaColumn();
      area = header.stream().filter(h -> h.equals(wanted)).findFirst()
          .or(() -> header.stream().filter(h -> h.equalsIgnoreCase(wanted)).findFirst())
          .orElseThrow(() -> new SpotlightException(ExitKind.DATA, Location.of(file), "area_column names column '" + wanted + "' but the file has no such column",
              DidYouMean.closest(wanted, header).map(x -> "did you mean '" + x + "'?").orElse(has)));
    }
    return new Input(raw, columns, area);
  }

  static String normal(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String select(Input in, int fileIdx) {
    String created = text(in, Field.CREATED);
    String confirmed = text(in, Field.CONFIRMED);
    String fixed = text(in, Field.FIXED);
    String closed = text(in, Field.CLOSED);
    String lat = text(in, Field.LAT);
    String lon = text(in, Field.LON);
    return "SELECT " + fileIdx + ", __row, CAST(? AS VARCHAR), " + text(in, Field.ID) + ", " + created + ", " + confirmed
        + ", CASE WHEN " + created + " IS NOT NULL THEN " + time(created) + " ELSE " + time(confirmed) + " END"
        + ", " + fixed + ", " + time(fixed) + ", " + closed + ", " + time(closed)
        + ", " + text(in, Field.STATUS) + ", " + text(in, Field.CATEGORY) + ", " + text(in, Field.WARD) + ", " + text(in, Field.SITE)
        + ", " + (in.area() == null ? "CAST(NULL AS VARCHAR)" : in.raw().columnSql(in.area()))
        + ", " + lat + ", " + lon + ", try_cast(" + lat + " AS DOUBLE), try_cast(" + lon + " AS DOUBLE)"
        + " FROM " + in.raw().relationSql() + " raw";
  }

  private static String text(Input in, Field f) {
    String column = in.columns().get(f);
    return column == null ? "CAST(NULL AS VARCHAR)" : in.raw().columnSql(column);
  }

  /** A local (or offset) ISO-8601 date-time as TIMESTAMPTZ in the session's zone; anything else is null. */
  private static String time(String text) {
    return "CASE WHEN regexp_full_match(" + text + ", " + Sql.literal(TIME_PATTERN) + ") THEN try_cast(" + text + " AS TIMESTAMPTZ) END";
  }


  private PullResult judgeAndStage(RecordFiles records, SourceSpec source, FixMyStreetOptions options, List<Input> inputs) throws SQLException {
    Connection c = records.connection();
    String judge = "CASE WHEN id IS NULL THEN 0"
        + " WHEN created_raw IS NULL AND confirmed_raw IS NULL THEN 1"
        + " WHEN start_at IS NULL THEN 2"
        + " WHEN fixed_raw IS NOT NULL AND fixed_at IS NULL THEN 3"
        + " WHEN closed_raw IS NOT NULL AND closed_at IS NULL THEN 4"
        + " WHEN fixed_raw IS NULL AND starts_with(lower(status), 'fixed') THEN 5"
        + " WHEN fixed_at < start_at THEN 6"
        + " WHEN (lat_raw IS NOT NULL AND lat IS NULL) OR (lon_raw IS NOT NULL AND lon IS NULL) THEN 7 END";
    records.execute("CREATE OR REPLACE TEMP TABLE spotlight_fms_checked AS SELECT *, CASE WHEN __e IS NULL AND __rank > 1 THEN 8 ELSE __e END AS __error"
        + " FROM (SELECT *, row_number() OVER w AS __rank, first_value(__file_idx) OVER w AS __first_file, first_value(__row) OVER w AS __first_row"
        + " FROM (SELECT *, " + judge + " AS __e FROM spotlight_fms)"
        + " WINDOW w AS (PARTITION BY id, __e IS NULL ORDER BY __file_idx, __row))",
        "DROP TABLE spotlight_fms");
    Map<String, Long> skipped = records.judge("spotlight_fms_checked", REASONS, options.skipBadRows(),
        "SELECT __error, __file_idx, __row, id, __first_file, __first_row, CASE __error"
            + " WHEN 2 THEN coalesce(created_raw, confirmed_raw) WHEN 3 THEN fixed_raw WHEN 4 THEN closed_raw WHEN 5 THEN status"
            + " WHEN 7 THEN CASE WHEN lat IS NULL AND lat_raw IS NOT NULL THEN lat_raw ELSE lon_raw END END AS bad_value,"
            + " CASE WHEN created_raw IS NOT NULL THEN 'created' ELSE 'confirmed' END AS start_field"
            + " FROM spotlight_fms_checked WHERE __error IS NOT NULL ORDER BY __file_idx, __row LIMIT 1", rs -> firstBadReport(rs, inputs));
    StagingTables.create(c, CanonicalTable.ACTIVITY);
    String common = "CAST(? AS VARCHAR) AS grantee, 'civic_reporting' AS platform_kind, area AS area_code, lat, lon,"
        + " map_from_entries(list_filter([{'k': 'category', 'v': category}, {'k': 'status', 'v': status},"
        + " {'k': 'ward', 'v': ward}, {'k': 'site_used', 'v': site}], lambda e: e.v IS NOT NULL)) AS attributes,"
        + " origin, __row AS origin_row";
    String good = "FROM spotlight_fms_checked WHERE __error IS NULL";
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " BY NAME"
        + " SELECT id AS event_id, 'report.created' AS event_type, start_at AS occurred_at, CAST(NULL AS DOUBLE) AS quantity, " + common + " " + good
        + " UNION ALL SELECT id || ':fixed', 'report.fixed', fixed_at, (epoch(fixed_at) - epoch(start_at)) / 3600.0, " + common + " " + good
        + " AND fixed_at IS NOT NULL"
        + " UNION ALL SELECT id || ':closed', 'report.closed', closed_at, NULL, " + common + " " + good + " AND closed_at IS NOT NULL")) {
      for (int k = 1; k <= 3; k++) {
        p.setString(k, source.grantee());
      }
      p.executeUpdate();
    }
    long kept = records.count("SELECT count(*) " + good);
    records.execute("DROP TABLE spotlight_fms_checked");
    return records.result(kept, skipped, 0);
  }

  private static SpotlightException firstBadReport(ResultSet rs, List<Input> inputs) throws SQLException {
    int reason = rs.getInt(1);
    Input in = inputs.get(rs.getInt(2));
    Map<Field, String> cols = in.columns();
    String column = reason == 2 && rs.getString(8).equals("confirmed") ? cols.get(Field.CONFIRMED) : in.columnOf(reason);
    Location at = in.raw().locate(rs.getLong(3), column);
    String value = rs.getString(7);
    String hint = "fix the row, or set on_bad_row: skip to skip and count such rows";
    String message = switch (reason) {
      case 0 -> "the report has no id (column '" + column + "')";
      case 1 -> "the report has neither a Created nor a Confirmed time";
      case 2, 3, 4 -> "cannot read '" + value + "' as a date-time in column '" + column + "' (expected e.g. 2026-10-31T09:15:00)";
      case 5 -> "status '" + value + "' says fixed but the Fixed column is empty";
      case 6 -> "the Fixed time is before the " + (rs.getString(8).equals("created") ? "Created" : "Confirmed") + " time";
      case 7 -> "cannot read '" + value + "' as a latitude or longitude";
      default -> {
        Location first = inputs.get(rs.getInt(5)).raw().locate(rs.getLong(6), column);
        hint = "each Report ID must be unique within a source; set on_bad_row: skip to keep the first";
        yield "duplicate Report ID '" + rs.getString(4) + "' (first seen at " + first.render() + ")";
      }
    };
    return new SpotlightException(ExitKind.DATA, at, message, hint);
  }
}
