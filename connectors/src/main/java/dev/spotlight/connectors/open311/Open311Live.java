package dev.spotlight.connectors.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullProgress;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.LiveCoverage;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.FileOrigin;
import dev.spotlight.connectors.http.BodyCheck;
import dev.spotlight.connectors.http.Checkpoint;
import dev.spotlight.connectors.http.LiveContext;
import dev.spotlight.connectors.http.LiveHttp;
import dev.spotlight.connectors.http.LiveOptionReader;
import dev.spotlight.connectors.http.Redaction;
import dev.spotlight.connectors.http.TimeWindow;
import dev.spotlight.connectors.http.WindowPager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live Open311 GeoReport v2 pull: {@code GET services.json} once and {@code GET requests.json} in
 * date windows of at most 90 days over the pull's period (a window whose answer holds the server's page
 * maximum is split until none does), through the source's checkpoint. Only the fields the connector
 * reads are kept; the answers are then mapped exactly as saved files are, and each row's origin is the
 * URL it came from (the API key redacted).
 */
final class Open311Live {

  /** A pull's windows never go below this when split. */
  static final Duration MIN_WINDOW = Duration.ofMinutes(1);

  private final Open311Connector connector;
  private final SourceSpec source;
  private final PullContext context;
  private final Open311Options options;
  private final Open311LiveOptions live;
  private String apiKey;

  Open311Live(Open311Connector connector, SourceSpec source, PullContext context, Open311Options options) {
    this.connector = connector;
    this.source = source;
    this.context = context;
    this.options = options;
    this.live = options.live();
  }

  PullResult pull() {
    LiveContext lc = context.live().revisiting(live.revisitMonths());
    apiKey = live.apiKeyEnv() == null ? null : LiveOptionReader.secret(lc.env(), live.apiKeyEnv(), "api_key_env", live.apiKeyEnvAt());
    Redaction redaction = new Redaction(apiKey == null ? List.of() : List.of(apiKey));
    LiveHttp http = new LiveHttp(lc.http(), redaction, "source '" + source.name() + "'");
    TimeWindow period = lc.window(context.timezone());
    Checkpoint checkpoint = Checkpoint.open(lc.checkpointDir(), fingerprint(period), lc.http().clock(), LiveContext.CHECKPOINT_MAX_AGE);
    Map<Path, String> urls = new LinkedHashMap<>();

    Path services;
    if (options.services() != null) {
      services = source.projectDir().resolve(options.services()).normalize();
    } else {
      URI uri = uri("services.json", Map.of());
      WindowPager servicePager = new WindowPager(http, checkpoint, Map.of(), json -> checkList(json, uri, redaction, "services"), 0, MIN_WINDOW,
          json -> slim(json, Open311Connector.SERVICE_FIELDS));
      services = servicePager.fetchOnce("services", uri).file();
      urls.put(services, redaction.uri(uri));
    }

    WindowPager pager = new WindowPager(http, checkpoint, Map.of(), json -> checkList(json, null, redaction, "requests"), live.pageMax(), MIN_WINDOW,
        json -> slim(json, Open311Connector.REQUEST_FIELDS));
    List<Path> files = new ArrayList<>();
    long[] fetched = {0};
    for (TimeWindow w : period.split(Duration.ofDays(live.windowDays()))) {
      for (WindowPager.Page page : pager.fetch("requests", w, this::requestsUri, p -> {
        fetched[0] += p.records();
        context.progress().recordsRead(source.name(), fetched[0]);
      })) {
        files.add(page.file());
        urls.put(page.file(), redaction.uri(requestsUri(page.window())));
      }
    }
    PullContext quiet = new PullContext(context.connection(), context.timezone(), context.currency(), context.scratchDir(), PullProgress.NONE, lc, context.grantees());
    PullResult result = connector.pullFiles(source, quiet, options, files, services);
    relabelOrigins(urls);
    List<PullResult.InputFile> inputs = result.inputs().stream()
        .map(i -> new PullResult.InputFile(urls.getOrDefault(Path.of(i.path()), i.path()), i.sha256(), i.records()))
        .toList();
    return new PullResult(inputs, result.recordsRead(), result.rowsKept(), result.skipped(), result.filtered(),
        new LiveCoverage(lc.months(context.timezone()), Open311Connector.RECORD_OF));
  }

  /** The records of a GeoReport v2 JSON answer: an array, or an error. */
  private static int checkList(JsonNode json, URI uri, Redaction redaction, String what) {
    if (!json.isArray()) {
      throw new SpotlightException(ExitKind.DATA, Location.NONE, "GET " + what + ".json answered a JSON " + json.getNodeType().toString().toLowerCase()
          + ", not the array of " + what + " GeoReport v2 sends", "check url: (it should end at the GeoReport v2 root, e.g. …/open311/v2)");
    }
    JsonNode first = json.size() > 0 ? json.get(0) : null;
    if (first != null && first.has("code") && first.has("description") && !first.has("service_request_id") && !first.has("service_code")) {
      throw new SpotlightException(ExitKind.DATA, Location.NONE, "GET " + what + ".json answered an Open311 error: " + first.get("code").asText() + " "
          + redaction.text(first.get("description").asText()), "check url:, jurisdiction_id and the key in api_key_env");
    }
    return json.size();
  }

  /** Only {@code fields} of each record: descriptions, addresses and media are never kept. */
  private static JsonNode slim(JsonNode json, List<String> fields) {
    ArrayNode out = BodyCheck.Json.MAPPER.createArrayNode();
    for (JsonNode record : json) {
      ObjectNode o = out.addObject();
      for (String f : fields) {
        if (record.has(f)) {
          o.set(f, record.get(f));
        }
      }
    }
    return out;
  }

  private URI requestsUri(TimeWindow w) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("start_date", w.from().toString());
    q.put("end_date", w.to().toString());
    return uri("requests.json", q);
  }

  private URI uri(String path, Map<String, String> params) {
    Map<String, String> q = new LinkedHashMap<>();
    if (live.jurisdictionId() != null) {
      q.put("jurisdiction_id", live.jurisdictionId());
    }
    q.putAll(params);
    if (apiKey != null) {
      q.put("api_key", apiKey);
    }
    StringBuilder b = new StringBuilder(live.url().toString()).append('/').append(path);
    char sep = '?';
    for (var e : q.entrySet()) {
      b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return URI.create(b.toString());
  }

  /** What makes two pulls the same request sequence (never the key itself). */
  private String fingerprint(TimeWindow period) {
    String text = String.join("|", "open311-live-1", live.url().toString(), String.valueOf(live.jurisdictionId()), period.key(),
        String.valueOf(live.pageMax()), String.valueOf(live.windowDays()), String.valueOf(apiKey != null), String.valueOf(options.services()));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each staged row's origin becomes the (redacted) URL its page came from. */
  private void relabelOrigins(Map<Path, String> urls) {
    try (PreparedStatement p = context.connection().prepareStatement("UPDATE " + StagingTables.ACTIVITY + " SET origin = ? WHERE origin = ?")) {
      for (var e : urls.entrySet()) {
        p.setString(1, e.getValue());
        p.setString(2, FileOrigin.of(source.projectDir(), e.getKey()));
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot label origins of source '" + source.name() + "': " + e.getMessage(), e);
    }
  }
}
