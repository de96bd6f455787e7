package dev.spotlight.connectors.open311;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
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
import dev.spotlight.connectors.files.RecordFiles;
import dev.spotlight.connectors.mapped.JsonFile;
import dev.spotlight.connectors.mapped.RawFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Saved Open311 GeoReport v2 service-request responses (JSON or XML, told apart by content): each
 * request is a {@code report.created}; a closed one is also a {@code report.fixed} (quantity = hours
 * from request to update) and a {@code report.closed}. XML is streamed with StAX into NDJSON in the
 * scratch folder; all row work runs in DuckDB. Descriptions, addresses and media URLs are never read.
 */
public final class Open311Connector implements Connector {

  /** The request fields read (XML elements or JSON keys); everything else is ignored. */
  static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "service_code", "service_name",
      "agency_responsible", "requested_datetime", "updated_datetime", "lat", "long", "lon");

  static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "group");

  static final String TIME_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)? ?(Z|[+-]\\d{2}(:?\\d{2})?)?$";

  /** Why a request is bad, in the order a request is judged (the index is stored per request). */
  /** The request a {@code :fixed} or {@code :closed} event belongs to: servers select requests by the day they were made. */
  static final String RECORD_OF = "regexp_replace(event_id, ':(fixed|closed)$', '')";

  static final List<String> REASONS = List.of("missing service_request_id", "missing requested_datetime", "unreadable requested_datetime",
      "unreadable updated_datetime", "closed without updated_datetime", "updated before requested", "unreadable lat or long");

  private static final String ID = "service_request_id";

  @Override
  public String id() {
    return "open311";
  }

  @Override
  public String description() {
    return "Open311 GeoReport v2 service requests saved as JSON or XML: report.created, report.fixed (hours to close), report.closed";
  }

  @Override
  public List<String> secretOptions() {
    return List.of("api_key_env");
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "saved GET requests responses (JSON or XML): path or glob (or a list), relative to the project file"),
        new ConnectorOption("services", false, "a saved services.json or services.xml; names service codes a request leaves unnamed"),
        new ConnectorOption("closed_is_fixed", false, "true (default): a closed request is also report.fixed; false: only report.closed"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"),
        new ConnectorOption("url", false, "instead of files: the GeoReport v2 base URL of a live server, e.g. https://city.example/open311/v2"),
        new ConnectorOption("jurisdiction_id", false, "live: the jurisdiction_id parameter, when the server hosts several"),
        new ConnectorOption("api_key_env", false, "live: the environment variable holding the API key (sent as api_key)"),
        new ConnectorOption("page_max", false, "live: the most requests the server returns per call (default 1000); a full window is split"),
        new ConnectorOption("window_days", false, "live: days per request window, 1 to 90 (default 90)"),
        new ConnectorOption("revisit_months", false, "live: whole months before the period asked for again, for late closures (default 2)"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    Open311Options.parse(source.options(), problems);
    if (source.grantee() == null) {
      problems.add(source.location(), "source '" + source.name() + "' has no grantee", "add grantee: to the source");
    }
  }

  /** One input file as staged: where its records came from, for messages. */
  private record Input(Path file, boolean xml) {

    Location locate(long record, int line) {
      return xml ? new Location(file.toString(), line, 0) : new Location(file.toString(), 0, 0);
    }
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    validate(source, problems);
    problems.throwIfAny();
    Open311Options options = Open311Options.parse(source.options(), problems);
    if (options.live() != null) {
      return new Open311Live(this, source, context, options).pull();
    }
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    Path services = options.services() == null ? null : source.projectDir().resolve(options.services()).normalize();
    return pullFiles(source, context, options, files, services);
  }

  /** Reads saved (or, for live sources, fetched) responses {@code files} and the services list {@code services} (or null). */
  PullResult pullFiles(SourceSpec source, PullContext context, Open311Options options, List<Path> files, Path services) {
    return RecordFiles.pull(id(), source, context, records -> {
      Connection c = records.connection();
      records.execute("CREATE OR REPLACE TEMP TABLE spotlight_o311 (__file_idx INTEGER, __rec BIGINT, __line INTEGER, origin VARCHAR,"
          + " id VARCHAR, status VARCHAR, code VARCHAR, name VARCHAR, agency VARCHAR, requested_raw VARCHAR, requested_at TIMESTAMPTZ,"
          + " updated_raw VARCHAR, updated_at TIMESTAMPTZ, lat_raw VARCHAR, lon_raw VARCHAR, lat DOUBLE, lon DOUBLE)",
          "CREATE OR REPLACE TEMP TABLE spotlight_o311_services (code VARCHAR, name VARCHAR, grp VARCHAR)");
      List<Input> inputs = new ArrayList<>();
      records.readAll(files, (i, file, origin) -> {
        boolean xml = isXml(file);
        String relation = xml
            ? xmlRelation(file, Open311Xml.REQUESTS, context.scratchDir().resolve("open311-requests-" + i + ".ndjson"))
            : jsonRelation(c, file, REQUEST_FIELDS, ID, "service requests response");
        inputs.add(new Input(file, xml));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO spotlight_o311 " + select(relation, i))) {
          p.setString(1, origin);
          return p.executeUpdate();
        }
      });
      if (services != null) {
        records.addInput(loadServices(c, services, options, context.scratchDir()));
      }
      return judgeAndStage(records, source, options, inputs);
    });
  }

  /** Whether the file's content starts like XML ({@code <}); JSON starts with {@code [} or {@code {}; anything else is bad input. */
  static boolean isXml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
          continue;
        }
        if (b == '<') {
          return true;
        }
        if (b == '[' || b == '{') {
          return false;
        }
        throw new SpotlightException(ExitKind.DATA, Location.of(file), "neither JSON nor XML: the file starts with '" + (char) b + "'",
            "save the GeoReport v2 response as returned by requests.json or requests.xml");
      }
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "the file is empty",
          "an empty GeoReport v2 response is [] (JSON) or <service_requests/> (XML)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A relation with {@code __rec}, {@code __line} and the wanted fields as text, read by DuckDB from a JSON array or NDJSON. */
  private static String jsonRelation(Connection c, Path file, List<String> fields, String key, String what) {
    JsonFile json = new JsonFile(c, file, file.toString(), fields);
    List<String> keys = json.columns();
    if (!key.equals(ID) && keys.contains(ID)) {
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "not an Open311 " + what + ": the records have '" + ID + "'",
          "this is a service requests response: list it in files:, and give a services list in services:");
    }
    if (!keys.isEmpty() && !keys.contains(key)) {
      if (keys.contains("code") && keys.contains("description") && !keys.contains("service_code")) {
        throw new SpotlightException(ExitKind.DATA, Location.of(file), "the file is an Open311 error response", "save a successful response instead");
      }
      String hint = key.equals(ID) && keys.contains("service_code") && keys.contains("metadata")
          ? "this is a services list: name it in services:, and list request responses in files:"
          : "the file has: " + String.join(", ", keys);
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "not an Open311 " + what + ": no '" + key + "' in any record", hint);
    }
    String cols = fields.stream().map(f -> json.columnSql(f) + " AS " + Sql.identifier(f)).collect(Collectors.joining(", "));
    return "(SELECT __row AS __rec, CAST(NULL AS INTEGER) AS __line, " + cols + " FROM " + json.relationSql() + ")";
  }

  /** The same relation for an XML response, streamed into NDJSON first. */
  private static String xmlRelation(Path file, Open311Xml.Kind kind, Path ndjson) {
    Open311Xml.toNdjson(file, kind, ndjson);
    String types = kind.fields().stream().map(f -> Sql.literal(f) + ": 'VARCHAR'").collect(Collectors.joining(", "));
    String cols = kind.fields().stream().map(f -> RawFile.cleaned(Sql.identifier(f)) + " AS " + Sql.identifier(f)).collect(Collectors.joining(", "));
    return "(SELECT __rec, __line, " + cols + " FROM read_json(" + Sql.literal(ndjson.toAbsolutePath().toString())
        + ", format = 'newline_delimited', columns = {'__rec': 'BIGINT', '__line': 'INTEGER', " + types + "}))";
  }

  private static String select(String relation, int fileIdx) {
    String lon = "coalesce(\"long\", lon)";
    return "SELECT " + fileIdx + ", __rec, __line, CAST(? AS VARCHAR), service_request_id, status, service_code, service_name, agency_responsible,"
        + " requested_datetime, " + time("requested_datetime") + ", updated_datetime, " + time("updated_datetime")
        + ", lat, " + lon + ", try_cast(lat AS DOUBLE), try_cast(" + lon + " AS DOUBLE) FROM " + relation + " raw";
  }

  /** A local (or offset) ISO-8601 date-time as TIMESTAMPTZ in the session's zone; anything else is null. */
  private static String time(String text) {
    // DuckDB reads no space before the zone, so one is removed first
    return "CASE WHEN regexp_full_match(" + text + ", " + Sql.literal(TIME_PATTERN) + ") THEN try_cast(regexp_replace(" + text
        + ", ' (Z|[+-]\\d{2}(:?\\d{2})?)$', '\\1') AS TIMESTAMPTZ) END";
  }

  private static PullResult.InputFile loadServices(Connection c, Path file, Open311Options options, Path scratch) throws SQLException {
    if (!Files.isRegularFile(file)) {
      throw new SpotlightException(ExitKind.DATA, options.servicesAt(), "services: no file " + file, "check the path in services:, relative to the project file");
    }
    CompletableFuture<String> sha = Checksums.sha256Async(file);
    String relation = isXml(file)
        ? xmlRelation(file, Open311Xml.SERVICES, scratch.resolve("open311-services.ndjson"))
        : jsonRelation(c, file, SERVICE_FIELDS, "service_code", "services list");
    long n;
    try (Statement s = c.createStatement()) {
      // the first entry of a code wins
      n = s.executeUpdate("INSERT INTO spotlight_o311_services SELECT service_code, arg_min(service_name, __rec), arg_min(\"group\", __rec)"
          + " FROM " + relation + " WHERE service_code IS NOT NULL GROUP BY service_code");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + relation)) {
        rs.next();
        n = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw DuckDbErrors.readError(e, file.toString());
    }
    return new PullResult.InputFile(file.toString(), sha.join(), n);
  }


  private PullResult judgeAndStage(RecordFiles records, SourceSpec source, Open311Options options, List<Input> inputs) throws SQLException {
    Connection c = records.connection();
    String state = "lower(status)";
    String closed = state + " IN ('closed', 'fixed')";
    String fixed = options.closedIsFixed() ? closed : state + " = 'fixed'";
    String judge = "CASE WHEN id IS NULL THEN 0"
        + " WHEN requested_raw IS NULL THEN 1"
        + " WHEN requested_at IS NULL THEN 2"
        + " WHEN updated_raw IS NOT NULL AND updated_at IS NULL THEN 3"
        + " WHEN " + closed + " AND updated_at IS NULL THEN 4"
        + " WHEN " + closed + " AND updated_at < requested_at THEN 5"
        + " WHEN (lat_raw IS NOT NULL AND lat IS NULL) OR (lon_raw IS NOT NULL AND lon IS NULL) THEN 6 END";
    // a request saved more than once (overlapping pages, daily snapshots) is kept once: the copy updated last
    records.execute("CREATE OR REPLACE TEMP TABLE spotlight_o311_checked AS SELECT *, coalesce(" + closed + ", false) AS __closed, coalesce(" + fixed
        + ", false) AS __fixed, CASE WHEN __error IS NULL THEN row_number() OVER (PARTITION BY id, __error IS NULL"
        + " ORDER BY updated_at DESC NULLS LAST, __file_idx DESC, __rec DESC) END AS __copy"
        + " FROM (SELECT *, " + judge + " AS __error FROM spotlight_o311)",
        "DROP TABLE spotlight_o311");
    long superseded = records.count("SELECT count(*) FROM spotlight_o311_checked WHERE __copy > 1");
    Map<String, Long> skipped = records.judge("spotlight_o311_checked", REASONS, options.skipBadRows(),
        "SELECT __error, __file_idx, __rec, __line, id, CASE __error WHEN 2 THEN requested_raw"
            + " WHEN 3 THEN updated_raw WHEN 6 THEN CASE WHEN lat IS NULL AND lat_raw IS NOT NULL THEN lat_raw ELSE lon_raw END END AS bad_value,"
            + " status, updated_raw, requested_raw"
            + " FROM spotlight_o311_checked WHERE __error IS NOT NULL ORDER BY __file_idx, __rec LIMIT 1", rs -> firstBadRequest(rs, inputs));
    records.execute("CREATE OR REPLACE TEMP TABLE spotlight_o311_kept AS SELECT r.*,"
        + " CASE WHEN r.lat = 0 AND r.lon = 0 THEN NULL ELSE r.lat END AS lat_ok, CASE WHEN r.lat = 0 AND r.lon = 0 THEN NULL ELSE r.lon END AS lon_ok,"
        + " map_from_entries(list_filter([{'k': 'service_code', 'v': r.code}, {'k': 'service_name', 'v': coalesce(r.name, sv.name)},"
        + " {'k': 'service_group', 'v': sv.grp}, {'k': 'status', 'v': r.status}, {'k': 'agency_responsible', 'v': r.agency}],"
        + " lambda e: e.v IS NOT NULL)) AS attrs"
        + " FROM spotlight_o311_checked r LEFT JOIN spotlight_o311_services sv ON sv.code = r.code WHERE r.__copy = 1",
        "DROP TABLE spotlight_o311_checked",
        "DROP TABLE spotlight_o311_services");
    StagingTables.create(c, CanonicalTable.ACTIVITY);
    String common = "CAST(? AS VARCHAR) AS grantee, 'civic_reporting' AS platform_kind, CAST(NULL AS VARCHAR) AS area_code, lat_ok AS lat,"
        + " lon_ok AS lon, attrs AS attributes, origin, __rec AS origin_row FROM spotlight_o311_kept";
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " BY NAME"
        + " SELECT id AS event_id, 'report.created' AS event_type, requested_at AS occurred_at, CAST(NULL AS DOUBLE) AS quantity, " + common
        + " UNION ALL SELECT id || ':fixed', 'report.fixed', updated_at, (epoch(updated_at) - epoch(requested_at)) / 3600.0, " + common
        + " WHERE __fixed"
        + " UNION ALL SELECT id || ':closed', 'report.closed', updated_at, NULL, " + common + " WHERE __closed")) {
      for (int k = 1; k <= 3; k++) {
        p.setString(k, source.grantee());
      }
      p.executeUpdate();
    }
    long kept = records.count("SELECT count(*) FROM spotlight_o311_kept");
    records.execute("DROP TABLE spotlight_o311_kept");
    return records.result(kept, skipped, superseded);
  }

  private static SpotlightException firstBadRequest(ResultSet rs, List<Input> inputs) throws SQLException {
    int reason = rs.getInt(1);
    Input in = inputs.get(rs.getInt(2));
    long record = rs.getLong(3);
    Location at = in.locate(record, rs.getInt(4));
    String id = rs.getString(5);
    String value = rs.getString(6);
    String which = "request " + record + (id == null ? "" : " (service_request_id '" + id + "')") + ": ";
    String message = switch (reason) {
      case 0 -> "the request has no service_request_id";
      case 1 -> "the request has no requested_datetime";
      case 2 -> "cannot read '" + value + "' as a date-time in requested_datetime (expected e.g. 2026-10-31T09:15:00+01:00)";
      case 3 -> "cannot read '" + value + "' as a date-time in updated_datetime (expected e.g. 2026-10-31T09:15:00+01:00)";
      case 4 -> "status '" + rs.getString(7) + "' but no updated_datetime: the closing cannot be dated";
      case 5 -> "updated_datetime " + rs.getString(8) + " is before requested_datetime " + rs.getString(9);
      default -> "cannot read '" + value + "' as a latitude or longitude";
    };
    return new SpotlightException(ExitKind.DATA, at, which + message, "fix the request, or set on_bad_row: skip to skip and count such requests");
  }
}
