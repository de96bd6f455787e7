package dev.spotlight.connectors.smartcitizen;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.canonical.LiveCoverage;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.Checksums;
import dev.spotlight.connectors.http.BodyCheck;
import dev.spotlight.connectors.http.Checkpoint;
import dev.spotlight.connectors.http.LiveContext;
import dev.spotlight.connectors.http.LiveHttp;
import dev.spotlight.connectors.http.LiveOptionReader;
import dev.spotlight.connectors.http.Redaction;
import dev.spotlight.connectors.http.TimeWindow;
import dev.spotlight.connectors.http.WindowPager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Smart Citizen readings API: {@code GET /v0/devices/{id}} for each device's sensors (names and
 * units), then {@code GET /v0/devices/{id}/readings?sensor_id=&rollup=&from=&to=} per sensor in windows
 * over the pull's period, through the source's checkpoint. Readings ({@code [time, value]} pairs,
 * newest first) become {@code reading.recorded}; each device's local days with a reading become
 * {@code device.active}, as for SD-card files.
 */
final class SmartCitizenApi {

  static final String REASON_SHAPE = "unreadable reading (not [time, value])";
  static final String REASON_TIME = "unreadable reading time";
  static final String REASON_VALUE = "non-numeric sensor value";

  private record Sensor(long id, String key, String name, String unit) {}

  private final SourceSpec source;
  private final PullContext context;
  private final SmartCitizenApiOptions options;
  private final Map<String, Long> skipped = new LinkedHashMap<>();
  private final List<PullResult.InputFile> inputs = new ArrayList<>();
  private long read;
  private long outside;

  SmartCitizenApi(SourceSpec source, PullContext context, SmartCitizenApiOptions options) {
    this.source = source;
    this.context = context;
    this.options = options;
  }

  PullResult pull() {
    LiveContext lc = context.live();
    String token = options.tokenEnv() == null ? null : LiveOptionReader.secret(lc.env(), options.tokenEnv(), "token_env", options.tokenEnvAt());
    Redaction redaction = new Redaction(token == null ? List.of() : List.of(token));
    LiveHttp http = new LiveHttp(lc.http(), redaction, "source '" + source.name() + "'");
    Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    TimeWindow period = lc.window(context.timezone());
    Checkpoint checkpoint = Checkpoint.open(lc.checkpointDir(), fingerprint(period, token != null), lc.http().clock(), LiveContext.CHECKPOINT_MAX_AGE);
    WindowPager devicePager = new WindowPager(http, checkpoint, headers, SmartCitizenApi::checkDevice, 0, Duration.ofMinutes(1), SmartCitizenApi::slimDevice);
    WindowPager readingPager = new WindowPager(http, checkpoint, headers, SmartCitizenApi::checkReadings, 0, Duration.ofMinutes(1),
        SmartCitizenApi::slimReadings);
    Path ndjson = context.scratchDir().resolve("smartcitizen-api.ndjson");
    try {
      Files.createDirectories(context.scratchDir());
      try (OutputStream out = Files.newOutputStream(ndjson); JsonGenerator g = BodyCheck.Json.MAPPER.getFactory().createGenerator(out)) {
        for (long device : options.devices()) {
          URI deviceUri = uri("/v0/devices/" + device, Map.of());
          WindowPager.Page page = devicePager.fetchOnce("device/" + device, deviceUri);
          inputs.add(new PullResult.InputFile(redaction.uri(deviceUri), Checksums.sha256(page.file()), page.records()));
          for (Sensor sensor : sensorsOf(device, page.json())) {
            for (TimeWindow w : period.split(Duration.ofDays(options.windowDays()))) {
              for (WindowPager.Page p : readingPager.fetch("readings/" + device + "/" + sensor.id(), w, win -> readingsUri(device, sensor, win),
                  done -> {})) {
                String shown = redaction.uri(readingsUri(device, sensor, p.window()));
                write(g, device, sensor, p.json().path("readings"), shown, period);
                inputs.add(new PullResult.InputFile(shown, Checksums.sha256(p.file()), p.records()));
                context.progress().recordsRead(source.name(), read);
              }
            }
          }
        }
      }
      return stage(ndjson).covering(new LiveCoverage(lc.months(context.timezone()), null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage smartcitizen readings in " + ndjson + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("smartcitizen source '" + source.name() + "' failed in DuckDB: " + e.getMessage(), e);
    }
  }

  /** The device's sensors to read: those in {@code sensors:}, each checked against the device, or all of them. */
  private List<Sensor> sensorsOf(long device, JsonNode json) {
    Map<Long, Sensor> all = new LinkedHashMap<>();
    for (JsonNode s : json.path("sensors")) {
      long id = s.path("id").asLong();
      String key = s.path("key").asText(null);
      all.put(id, new Sensor(id, key == null || key.isBlank() ? String.valueOf(id) : key, s.path("name").asText(null), s.path("unit").asText(null)));
    }
    if (options.sensors().isEmpty()) {
      return List.copyOf(all.values());
    }
    List<Sensor> out = new ArrayList<>();
    for (long id : options.sensors()) {
      Sensor s = all.get(id);
      if (s == null) {
        String has = all.values().stream().map(x -> x.id() + (x.name() == null ? "" : " (" + x.name() + ")")).collect(Collectors.joining(", "));
        throw new SpotlightException(ExitKind.DATA, options.sensorsAt(), "sensors: device " + device + " has no sensor " + id,
            has.isEmpty() ? "the device lists no sensors" : "it has: " + has);
      }
      out.add(s);
    }
    return out;
  }

  /** Checks each reading, writing the good ones as NDJSON rows and counting the rest. */
  private void write(JsonGenerator g, long device, Sensor sensor, JsonNode readings, String origin, TimeWindow period) throws IOException {
    int row = 0;
    for (JsonNode r : readings) {
      row++;
      read++;
      String reason = null;
      Instant at = null;
      if (!r.isArray() || r.size() != 2 || !r.get(0).isTextual()) {
        reason = REASON_SHAPE;
      } else {
        try {
          at = OffsetDateTime.parse(r.get(0).asText()).toInstant();
        } catch (DateTimeParseException e) {
          reason = REASON_TIME;
        }
        if (reason == null && !r.get(1).isNull() && !(r.get(1).isNumber() && Double.isFinite(r.get(1).asDouble()))) {
          reason = REASON_VALUE;
        }
      }
      if (reason != null) {
        if (!options.skipBadRows()) {
          throw new SpotlightException(ExitKind.DATA, Location.NONE, origin + ": reading " + row + ": " + reason + ": " + r,
              "set on_bad_row: skip to skip and count such readings");
        }
        skipped.merge(reason, 1L, Long::sum);
        continue;
      }
      if (r.get(1).isNull() || at.isBefore(period.from()) || !at.isBefore(period.to())) {
        outside++;
        continue;
      }
      g.writeStartObject();
      g.writeStringField("device", String.valueOf(device));
      g.writeStringField("sensor", sensor.key());
      g.writeStringField("sensor_id", String.valueOf(sensor.id()));
      g.writeStringField("sensor_name", sensor.name());
      g.writeStringField("unit", sensor.unit());
      g.writeStringField("time", at.toString());
      g.writeNumberField("value", r.get(1).asDouble());
      g.writeStringField("origin", origin);
      g.writeNumberField("row", row);
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private PullResult stage(Path ndjson) throws SQLException {
    Connection c = context.connection();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE sc_api AS SELECT device, sensor, sensor_id, sensor_name, unit, CAST(\"time\" AS TIMESTAMPTZ) AS ts,"
          + " value, origin, \"row\", row_number() OVER () AS seq FROM read_json(" + Sql.literal(ndjson.toAbsolutePath().toString())
          + ", format = 'newline_delimited', columns = {'device': 'VARCHAR', 'sensor': 'VARCHAR', 'sensor_id': 'VARCHAR', 'sensor_name': 'VARCHAR',"
          + " 'unit': 'VARCHAR', 'time': 'VARCHAR', 'value': 'DOUBLE', 'origin': 'VARCHAR', 'row': 'BIGINT'})");
    }
    StagingTables.create(c, CanonicalTable.ACTIVITY);
    String cols = "event_id, platform_kind, grantee, event_type, outcome, occurred_at, participant, counterpart, area_code, lat, lon,"
        + " quantity, amount, currency, attributes, origin, origin_row";
    String utc = "CASE WHEN microsecond(ts) % 1000000 = 0 THEN strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%SZ')"
        + " ELSE strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%S.%fZ') END";
    long readings;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " (" + cols + ")"
        + " SELECT device || '/' || (" + utc + ") || '/' || sensor, 'sensing', ?, '" + SmartCitizenConnector.READING + "', NULL, ts, NULL, device,"
        + " NULL, NULL, NULL, value, NULL, NULL,"
        + " map_from_entries(list_filter([{'k': 'sensor', 'v': sensor}, {'k': 'unit', 'v': unit}, {'k': 'sensor_name', 'v': sensor_name},"
        + " {'k': 'sensor_id', 'v': sensor_id}, {'k': 'device', 'v': device}, {'k': 'rollup', 'v': ?}], lambda e: e.v IS NOT NULL)),"
        + " origin, \"row\" FROM sc_api"
        // windows share their boundary: a reading answered twice is kept once
        + " QUALIFY row_number() OVER (PARTITION BY device, sensor, ts ORDER BY seq) = 1")) {
      p.setString(1, source.grantee());
      p.setString(2, options.rollup());
      readings = p.executeUpdate();
    }
    long days;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " (" + cols + ")"
        + " SELECT device || '/' || strftime(day, '%Y-%m-%d'), 'sensing', ?, '" + SmartCitizenConnector.ACTIVE + "', NULL, first_ts, NULL, device,"
        + " NULL, NULL, NULL, n, NULL, NULL, MAP {'device': device}, origin, row_no FROM ("
        + " SELECT counterpart AS device, CAST(occurred_at AS DATE) AS day, min(occurred_at) AS first_ts, count(*) AS n,"
        + " arg_min(origin, occurred_at) AS origin, arg_min(origin_row, occurred_at) AS row_no"
        + " FROM " + StagingTables.ACTIVITY + " WHERE event_type = '" + SmartCitizenConnector.READING + "' GROUP BY ALL)")) {
      p.setString(1, source.grantee());
      days = p.executeUpdate();
    }
    long staged;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sc_api")) {
      rs.next();
      staged = rs.getLong(1);
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE sc_api");
    }
    long filtered = outside + (staged - readings);
    return new PullResult(inputs, read, readings + days, skipped, filtered);
  }

  private static int checkDevice(JsonNode json) {
    if (!json.isObject() || !json.has("id")) {
      throw new SpotlightException(ExitKind.DATA, Location.NONE, "GET /v0/devices/ID answered no device (no 'id')", "check url: and devices:");
    }
    return json.path("data").path("sensors").size();
  }

  /** The device's id and its sensors' id, key, name and unit; owner, location and the rest are dropped. */
  private static JsonNode slimDevice(JsonNode json) {
    ObjectNode out = BodyCheck.Json.MAPPER.createObjectNode();
    out.set("id", json.get("id"));
    ArrayNode sensors = out.putArray("sensors");
    for (JsonNode s : json.path("data").path("sensors")) {
      ObjectNode o = sensors.addObject();
      o.set("id", s.get("id"));
      JsonNode key = s.hasNonNull("default_key") ? s.get("default_key") : s.get("key");
      if (key != null && !key.isNull()) {
        o.set("key", key);
      }
      o.set("name", s.get("name"));
      o.set("unit", s.get("unit"));
    }
    return out;
  }

  private static int checkReadings(JsonNode json) {
    if (!json.isObject() || !json.path("readings").isArray()) {
      throw new SpotlightException(ExitKind.DATA, Location.NONE, "GET /v0/devices/ID/readings answered no 'readings' list",
          "check url:, devices:, sensors: and rollup:");
    }
    return json.path("readings").size();
  }

  private static JsonNode slimReadings(JsonNode json) {
    ObjectNode out = BodyCheck.Json.MAPPER.createObjectNode();
    out.set("readings", json.get("readings"));
    return out;
  }

  private URI readingsUri(long device, Sensor sensor, TimeWindow w) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("sensor_id", String.valueOf(sensor.id()));
    q.put("rollup", options.rollup());
    q.put("from", w.from().toString());
    q.put("to", w.to().toString());
    return uri("/v0/devices/" + device + "/readings", q);
  }

  private URI uri(String path, Map<String, String> params) {
    StringBuilder b = new StringBuilder(options.url().toString()).append(path);
    char sep = '?';
    for (var e : params.entrySet()) {
      b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return URI.create(b.toString());
  }

  private String fingerprint(TimeWindow period, boolean token) {
    String text = String.join("|", "smartcitizen-api-1", options.url().toString(), options.devices().toString(), options.sensors().toString(),
        options.rollup(), String.valueOf(options.windowDays()), period.key(), String.valueOf(token));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
