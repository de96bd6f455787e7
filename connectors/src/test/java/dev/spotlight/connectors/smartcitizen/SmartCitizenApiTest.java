package dev.spotlight.connectors.smartcitizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.PullProgress;
import dev.spotlight.connectors.SourcePull;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import dev.spotlight.connectors.http.LoopbackServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smartcitizen readings API against a loopback server holding synthetic readings shaped like api.smartcitizen.me. */
class SmartCitizenApiTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String TOKEN = "sc-token-123456";
  private static final String DEVICE = "{\"id\": 1616, \"uuid\": \"u\", \"name\": \"Kit on Elm Street\", \"owner\": {\"id\": 2, \"username\": \"jane\"},"
      + " \"data\": {\"recorded_at\": \"2026-10-02T22:30:00Z\", \"location\": {\"latitude\": 53.6, \"longitude\": -1.7},"
      + " \"sensors\": [{\"id\": 7, \"name\": \"POM-3044P-R\", \"description\": \"Noise\", \"unit\": \"dB\", \"value\": 50.0},"
      + " {\"id\": 12, \"name\": \"SHT31 - Temperature\", \"description\": \"Temperature\", \"unit\": \"ºC\", \"default_key\": \"temp\"}]}}";

  @TempDir Path dir;
  private LoopbackServer server;
  private ConnectorFixture f;
  /** sensor id to [time, value] readings; value null means the kit sent null. */
  private final Map<String, List<Object[]>> readings = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    f = new ConnectorFixture(dir, new SmartCitizenConnector());
    add("7", "2026-09-30T23:30:00Z", 41.0);   // 00:30 BST on 1 October: in the period
    add("7", "2026-10-01T12:00:00Z", 40.5);
    add("7", "2026-10-01T13:00:00Z", null);   // no value: filtered
    add("7", "2026-10-02T22:30:00Z", 55.25);  // 23:30 BST on 2 October
    add("7", "2026-11-01T00:30:00Z", 60.0);   // 00:30 GMT on 1 November: after the period
    add("12", "2026-10-01T08:00:00Z", 14.25);
    server.otherwise(this::answer);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void add(String sensor, String time, Double value) {
    readings.computeIfAbsent(sensor, k -> new ArrayList<>()).add(new Object[] {Instant.parse(time), value});
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        int eq = kv.indexOf('=');
        q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  /** Like the real API: readings in [from, to], newest first. */
  private LoopbackServer.Answer answer(URI uri) {
    if (uri.getPath().equals("/v0/devices/1616")) {
      return LoopbackServer.json(DEVICE);
    }
    if (!uri.getPath().equals("/v0/devices/1616/readings")) {
      return LoopbackServer.status(404, "{\"id\": \"record_not_found\", \"message\": \"Couldn't find Device\"}");
    }
    Map<String, String> q = query(uri);
    Instant from = Instant.parse(q.get("from"));
    Instant to = Instant.parse(q.get("to"));
    List<Object[]> in = new ArrayList<>(readings.getOrDefault(q.get("sensor_id"), List.of()).stream()
        .filter(r -> !((Instant) r[0]).isBefore(from) && !((Instant) r[0]).isAfter(to)).toList());
    in.sort(Comparator.comparing((Object[] r) -> (Instant) r[0]).reversed());
    List<String> items = in.stream().map(r -> "[\"" + r[0] + "\", " + r[1] + "]").toList();
    return LoopbackServer.json("{\"device_id\": 1616, \"sensor_id\": " + q.get("sensor_id") + ", \"rollup\": \"" + q.get("rollup")
        + "\", \"function\": \"avg\", \"from\": \"" + from + "\", \"to\": \"" + to + "\", \"sample_size\": 99, \"readings\": [" + String.join(", ", items) + "]}");
  }

  private SourcePull.Outcome pull(String options, Map<String, String> env) {
    SourcePull.Live live = new SourcePull.Live(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), env,
        LoopbackServer.policy(new LoopbackServer.RecordingSleeper(), NOW));
    return new SourcePull(f.store, new Pseudonymiser(ConnectorFixture.KEY), ZoneId.of("Europe/London"), "GBP", live)
        .run(new SmartCitizenConnector(), f.source("air", "clean-air", "url: " + server.base() + "\n" + options), PullProgress.NONE);
  }

  private static final List<String> READINGS = List.of(
      "1616/2026-09-30T23:30:00Z/7|41.0|7|dB|POM-3044P-R|7|1h|1616",
      "1616/2026-10-01T08:00:00Z/temp|14.25|temp|ºC|SHT31 - Temperature|12|1h|1616",
      "1616/2026-10-01T12:00:00Z/7|40.5|7|dB|POM-3044P-R|7|1h|1616",
      "1616/2026-10-02T22:30:00Z/7|55.25|7|dB|POM-3044P-R|7|1h|1616");

  private List<String> readingRows() throws Exception {
    return f.query("SELECT event_id, quantity, attributes['sensor'], attributes['unit'], attributes['sensor_name'], attributes['sensor_id'],"
        + " attributes['rollup'], attributes['device'] FROM activity WHERE event_type = 'reading.recorded' ORDER BY event_id");
  }

  @Test
  void readingsAndActiveDaysOfEverySensor() throws Exception {
    SourcePull.Outcome out = pull("devices: [1616]\ntoken_env: SC_TOKEN\n", Map.of("SC_TOKEN", TOKEN));
    assertThat(readingRows()).containsExactlyElementsOf(READINGS);
    // local days in Europe/London: 1 October has three readings (the first at 23:30 UTC on 30 September), 2 October one
    assertThat(f.query("SELECT event_id, strftime(occurred_at, '%Y-%m-%dT%H:%M:%SZ'), quantity, occurred_on, counterpart = '"
        + ConnectorFixture.hmac("1616") + "' FROM activity WHERE event_type = 'device.active' ORDER BY event_id"))
        .containsExactly("1616/2026-10-01|2026-09-30T23:30:00Z|3.0|2026-10-01|true", "1616/2026-10-02|2026-10-02T22:30:00Z|1.0|2026-10-02|true");
    // read: 4 answered for sensor 7 inside the period + the null + 1 for sensor 12 (the server filters by from/to)
    assertThat(out.result().recordsRead()).isEqualTo(5);
    assertThat(out.result().filtered()).isEqualTo(1);
    assertThat(out.result().rowsKept()).isEqualTo(6);
    URI asked = server.requests().stream().filter(u -> u.getPath().endsWith("/readings")).findFirst().orElseThrow();
    assertThat(query(asked)).containsEntry("rollup", "1h").containsEntry("from", "2026-09-30T23:00:00Z").containsEntry("to", "2026-10-30T23:00:00Z");
    // October in 30-day windows: the second runs to midnight GMT after the 31st
    assertThat(server.requests().stream().filter(u -> u.getPath().endsWith("/readings")).map(u -> query(u).get("from") + ".." + query(u).get("to"))
        .distinct()).containsExactly("2026-09-30T23:00:00Z..2026-10-30T23:00:00Z", "2026-10-30T23:00:00Z..2026-11-01T00:00:00Z");
    assertThat(server.requestHeaders()).allSatisfy(h -> assertThat(h.get("Authorization")).containsExactly("Bearer " + TOKEN));
    assertThat(out.result().inputs()).extracting(i -> i.path()).allSatisfy(p -> assertThat(p).startsWith(server.base() + "/v0/devices/1616").doesNotContain(TOKEN));
    assertThat(f.query("SELECT DISTINCT origin FROM activity")).allSatisfy(o -> assertThat(o).contains("/v0/devices/1616/readings?sensor_id="));
  }

  @Test
  void onlyTheListedSensors() throws Exception {
    pull("devices: [1616]\nsensors: [12]\nrollup: 15m\n", Map.of());
    assertThat(f.query("SELECT event_id, attributes['rollup'] FROM activity WHERE event_type = 'reading.recorded'"))
        .containsExactly("1616/2026-10-01T08:00:00Z/temp|15m");
    assertThat(server.requests().stream().filter(u -> u.getPath().endsWith("/readings")).map(u -> query(u).get("sensor_id")).distinct())
        .containsExactly("12");
  }

  @Test
  void aSensorTheDeviceLacksIsAnError() {
    assertThatThrownBy(() -> pull("devices: [1616]\nsensors: [99]\n", Map.of()))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).message()).isEqualTo("sensors: device 1616 has no sensor 99");
          assertThat(e.problems().get(0).hint()).isEqualTo("it has: 7 (POM-3044P-R), 12 (SHT31 - Temperature)");
        });
  }

  @Test
  void oneDayWindowsKeepABoundaryReadingOnce() throws Exception {
    add("7", "2026-10-01T23:00:00Z", 47.0);   // exactly on the boundary of the two one-day windows
    SourcePull.Outcome out = pull("devices: [1616]\nsensors: [7]\nwindow_days: 1\n", Map.of());
    // October in London is 31 days and 1 hour (BST ends): 31 windows of 24 hours and one of an hour
    assertThat(server.requests().stream().filter(u -> u.getPath().endsWith("/readings"))).hasSize(32);
    assertThat(f.query("SELECT count(*), count(DISTINCT event_id) FROM activity WHERE event_type = 'reading.recorded'")).containsExactly("4|4");
    assertThat(out.result().filtered()).isEqualTo(2);   // the null and the second copy
  }

  @Test
  void aNonNumericValueStopsThePullOrIsSkipped() throws Exception {
    server.otherwise(uri -> uri.getPath().endsWith("/readings")
        ? LoopbackServer.json("{\"readings\": [[\"2026-10-01T10:00:00Z\", \"wet\"], [\"2026-10-01T09:00:00Z\", 12.5], [\"yesterday\", 1]]}")
        : answer(uri));
    // one window for the whole of October, so the fixed answer is read once
    assertThatThrownBy(() -> pull("devices: [1616]\nsensors: [7]\nwindow_days: 32\n", Map.of()))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DATA))
        .hasMessageContaining("/v0/devices/1616/readings?sensor_id=7&rollup=1h")
        .hasMessageContaining("reading 1: non-numeric sensor value: [\"2026-10-01T10:00:00Z\",\"wet\"]");
    assertThat(f.storeIsEmpty()).isTrue();
    SourcePull.Outcome out = pull("devices: [1616]\nsensors: [7]\non_bad_row: skip\nwindow_days: 32\n", Map.of());
    assertThat(out.result().skipped()).containsOnly(Map.entry(SmartCitizenApi.REASON_VALUE, 1L), Map.entry(SmartCitizenApi.REASON_TIME, 1L));
    assertThat(f.query("SELECT event_id FROM activity WHERE event_type = 'reading.recorded'")).containsExactly("1616/2026-10-01T09:00:00Z/7");
  }

  @Test
  void anInterruptedPullResumes() throws Exception {
    AtomicInteger served = new AtomicInteger();
    // the device and sensor 7's two windows of readings answer; sensor 12's do not
    server.otherwise(uri -> served.incrementAndGet() <= 3 ? answer(uri) : LoopbackServer.status(503, "down", Map.of("Retry-After", "1")));
    assertThatThrownBy(() -> pull("devices: [1616]\n", Map.of()))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE))
        .hasMessageContaining("sensor_id=12").hasMessageContaining("(last: HTTP 503)");
    assertThat(f.storeIsEmpty()).isTrue();
    int firstRun = server.requests().size();
    server.otherwise(this::answer);
    pull("devices: [1616]\n", Map.of());
    List<URI> again = server.requests().subList(firstRun, server.requests().size());
    assertThat(again).hasSize(2).allSatisfy(u -> assertThat(query(u)).containsEntry("sensor_id", "12"));
    assertThat(readingRows()).containsExactlyElementsOf(READINGS);
    assertThat(SourcePull.checkpointDir(f.store, "air")).doesNotExist();
  }

  @Test
  void optionsAreChecked() {
    Problems problems = new Problems(ExitKind.DEFINITION);
    new SmartCitizenConnector().validate(f.source("air", "g", "devices: [1616, abc]\nfiles: x.csv\nrollup: hourly\ntoken_env: a-b\nwindow_days: 0\n"),
        problems);
    assertThat(problems.list()).extracting(p -> p.render())
        .anySatisfy(r -> assertThat(r).contains("devices: 'abc' is not an id"))
        .anySatisfy(r -> assertThat(r).contains("reads SD-card files: or the readings API (devices:), not both"))
        .anySatisfy(r -> assertThat(r).contains("rollup must be a number and a unit"))
        .anySatisfy(r -> assertThat(r).contains("token_env names an environment variable"))
        .anySatisfy(r -> assertThat(r).contains("window_days must be between 1 and 366, not 0"));
    Problems ok = new Problems(ExitKind.DEFINITION);
    new SmartCitizenConnector().validate(f.source("air", "g", "devices: 1616\n"), ok);
    assertThat(ok.list()).isEmpty();
  }
}
