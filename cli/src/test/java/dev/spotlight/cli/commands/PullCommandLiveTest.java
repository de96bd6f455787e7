package dev.spotlight.cli.commands;

import static dev.spotlight.cli.Cli.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.spotlight.cli.Cli;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spotlight pull} with a live open311 source on a loopback server: the period asked, the key, exit 6. */
class PullCommandLiveTest {

  private static final String KEY = "live-key-98765";

  @TempDir Path dir;
  private HttpServer server;
  private final List<URI> asked = Collections.synchronizedList(new ArrayList<>());
  private volatile int status = 200;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      asked.add(ex.getRequestURI());
      String body = ex.getRequestURI().getPath().endsWith("services.json")
          ? "[{\"service_code\": \"POT\", \"service_name\": \"Pothole\"}]"
          : requestsIn(ex.getRequestURI());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    Files.writeString(dir.resolve("spotlight.yaml"), "name: Live\ntimezone: Europe/London\nsources:\n  - name: city\n    connector: open311\n"
        + "    grantee: council\n    options:\n      url: http://127.0.0.1:" + server.getAddress().getPort() + "/open311/v2\n"
        + "      api_key_env: CITY_KEY\nmetrics:\n  - catalog: core\n");
  }

  /** Request 7 (5 October, closed the same day) and 8 (3 November), those made in [start_date, end_date]. */
  private static String requestsIn(URI uri) {
    Map<String, String> q = new HashMap<>();
    for (String kv : uri.getRawQuery().split("&")) {
      q.put(kv.substring(0, kv.indexOf('=')), URLDecoder.decode(kv.substring(kv.indexOf('=') + 1), StandardCharsets.UTF_8));
    }
    Instant from = Instant.parse(q.get("start_date"));
    Instant to = Instant.parse(q.get("end_date"));
    List<String> out = new ArrayList<>();
    if (!Instant.parse("2026-10-05T09:00:00Z").isBefore(from) && !Instant.parse("2026-10-05T09:00:00Z").isAfter(to)) {
      out.add("{\"service_request_id\": 7, \"status\": \"closed\", \"service_code\": \"POT\", \"requested_datetime\": \"2026-10-05T10:00:00+01:00\","
          + " \"updated_datetime\": \"2026-10-05T16:00:00+01:00\"}");
    }
    if (!Instant.parse("2026-11-03T12:00:00Z").isBefore(from) && !Instant.parse("2026-11-03T12:00:00Z").isAfter(to)) {
      out.add("{\"service_request_id\": 8, \"status\": \"open\", \"service_code\": \"POT\", \"requested_datetime\": \"2026-11-03T12:00:00Z\"}");
    }
    return "[" + String.join(", ", out) + "]";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Cli.Result pull(Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("pull", "-p", dir.resolve("spotlight.yaml").toString()));
    args.addAll(List.of(extra));
    return Cli.run(env, args.toArray(String[]::new));
  }

  private static Map<String, String> env() {
    return Map.of("SPOTLIGHT_PSEUDONYM_KEY", "a test key", "CITY_KEY", KEY);
  }

  private String requestsQuery() {
    return asked.stream().filter(u -> u.getPath().endsWith("requests.json")).findFirst().orElseThrow().getRawQuery();
  }

  @Test
  void asksALiveSourceForThePeriod() {
    Cli.Result r = pull(env(), "--period", "2026-10");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList().get(1)).matches("city +1 +1 +0 +0 +\\d+\\.\\d");
    // October and, by default (revisit_months: 2), August and September: from midnight BST on 1 August,
    // in windows of at most 90 days
    List<String> windows = asked.stream().filter(u -> u.getPath().endsWith("requests.json")).map(URI::getRawQuery).toList();
    assertThat(windows).containsExactly(
        "start_date=2026-07-31T23%3A00%3A00Z&end_date=2026-10-29T23%3A00%3A00Z&api_key=" + KEY,
        "start_date=2026-10-29T23%3A00%3A00Z&end_date=2026-11-01T00%3A00%3A00Z&api_key=" + KEY);
    assertThat(dir.resolve(".spotlight/store/activity/source=city/month=2026-10")).isDirectory();
  }

  @Test
  void withoutAPeriodAsksForTheWholeMonthsOfTheLast90DaysAndToday() {
    // the test clock says 2026-11-15 09:30 UTC; 90 days before is 17 August, so August to November,
    // and by default the two months before (revisit_months: 2): from 1 June (midnight BST) to midnight GMT on 1 December
    Cli.Result r = pull(env());
    assertThat(r.exit()).as(r.toString()).isZero();
    List<String> windows = asked.stream().filter(u -> u.getPath().endsWith("requests.json")).map(URI::getRawQuery).toList();
    assertThat(windows).hasSize(3);
    // June to November is 183 days and an hour: two windows of 90 days (90 × 24 h) and the rest
    assertThat(windows.get(0)).startsWith("start_date=2026-05-31T23%3A00%3A00Z&end_date=2026-08-29T23%3A00%3A00Z&");
    assertThat(windows.get(1)).startsWith("start_date=2026-08-29T23%3A00%3A00Z&end_date=2026-11-27T23%3A00%3A00Z&");
    assertThat(windows.get(2)).startsWith("start_date=2026-11-27T23%3A00%3A00Z&end_date=2026-12-01T00%3A00%3A00Z&");
  }

  @Test
  void aRefusedRequestIsExit6WithTheKeyRedacted() {
    status = 403;
    Cli.Result r = pull(env(), "--period", "2026-10");
    assertFailed(r, 6, "source 'city': GET http://127.0.0.1:" + server.getAddress().getPort()
        + "/open311/v2/services.json?api_key=REDACTED answered HTTP 403 (not retried)"
        + " (check the key or token in the source's *_env option and that it may read this endpoint)");
    assertThat(r.err()).doesNotContain(KEY);
  }

  @Test
  void anUnsetKeyVariableIsExit3() {
    assertFailed(pull(Map.of("SPOTLIGHT_PSEUDONYM_KEY", "a test key"), "--period", "2026-10"), 3,
        dir.resolve("spotlight.yaml") + ":9:20: api_key_env: environment variable 'CITY_KEY' is not set (export CITY_KEY=<the key>)");
    assertThat(asked).isEmpty();
  }

  @Test
  void monthlyPullsKeepEarlierMonths() throws Exception {
    assertThat(pull(env(), "--period", "2026-10").exit()).isZero();
    Cli.Result nov = pull(env(), "--period", "2026-11");
    assertThat(nov.exit()).as(nov.toString()).isZero();
    // October: request 7 created, fixed and closed; November: request 8 created
    Path activity = dir.resolve(".spotlight/store/activity/source=city");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT month, string_agg(event_id, ',' ORDER BY event_id) FROM read_parquet('" + activity
            + "/*/*.parquet', hive_partitioning = true) GROUP BY month ORDER BY month")) {
      List<String> months = new ArrayList<>();
      while (rs.next()) {
        months.add(rs.getString(1) + " " + rs.getString(2));
      }
      assertThat(months).containsExactly("2026-10 7,7:closed,7:fixed", "2026-11 8");
    }
  }
}
