package dev.spotlight.connectors.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.PullProgress;
import dev.spotlight.connectors.SourcePull;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import dev.spotlight.connectors.http.LoopbackServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live Open311 pulls against a loopback GeoReport v2 server holding synthetic requests. */
class Open311LiveTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String KEY = "k3y-for-open311";
  private static final String SERVICES = "[{\"service_code\": \"POT\", \"service_name\": \"Pothole\", \"group\": \"Roads\", \"description\": \"Holes\","
      + " \"metadata\": false, \"type\": \"realtime\", \"keywords\": \"road\"},"
      + " {\"service_code\": \"GR\", \"service_name\": \"Graffiti\", \"group\": \"Cleaning\", \"description\": \"Paint\", \"metadata\": false,"
      + " \"type\": \"realtime\", \"keywords\": \"\"}]";

  @TempDir Path dir;
  private LoopbackServer server;
  private final List<String[]> requests = new ArrayList<>();
  private ConnectorFixture f;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    f = new ConnectorFixture(dir, new Open311Connector());
    // id, requested, status, updated, code, name
    add("101", "2026-10-02T09:00:00+01:00", "open", "2026-10-02T09:05:00+01:00", "POT", "Pothole");
    add("102", "2026-10-05T10:00:00+01:00", "closed", "2026-10-06T16:30:00+01:00", "GR", null);
    add("103", "2026-10-20T08:00:00Z", "Closed", "2026-10-20T20:00:00Z", "POT", "Pothole");
    add("104", "2026-09-15T08:00:00+01:00", "closed", "2026-09-16T08:00:00+01:00", "POT", "Pothole");
    add("105", "2026-10-31T23:30:00Z", "open", null, "GR", "Graffiti");
    for (int h = 9; h < 14; h++) {
      add(String.format("2%02d", h), String.format("2026-10-10T%02d:15:00+01:00", h), "open", null, "POT", "Pothole");
    }
    server.otherwise(this::answer);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void add(String id, String requested, String status, String updated, String code, String name) {
    requests.add(new String[] {id, requested, status, updated, code, name});
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

  /** A GeoReport v2 server: services.json, and requests.json filtered by requested_datetime in [start_date, end_date]. */
  private LoopbackServer.Answer answer(URI uri) {
    if (uri.getPath().equals("/open311/v2/services.json")) {
      return LoopbackServer.json(SERVICES);
    }
    if (!uri.getPath().equals("/open311/v2/requests.json")) {
      return LoopbackServer.status(404, "[{\"code\": 404, \"description\": \"not found\"}]");
    }
    Map<String, String> q = query(uri);
    Instant from = OffsetDateTime.parse(q.get("start_date")).toInstant();
    Instant to = OffsetDateTime.parse(q.get("end_date")).toInstant();
    List<String> items = new ArrayList<>();
    for (String[] r : requests) {
      Instant at = OffsetDateTime.parse(r[1]).toInstant();
      if (!at.isBefore(from) && !at.isAfter(to) && items.size() < pageMax) {
        items.add("{\"service_request_id\": " + r[0] + ", \"status\": \"" + r[2] + "\", \"service_code\": \"" + r[4] + "\", \"service_name\": "
            + (r[5] == null ? "null" : "\"" + r[5] + "\"") + ", \"requested_datetime\": \"" + r[1] + "\", \"updated_datetime\": "
            + (r[3] == null ? "null" : "\"" + r[3] + "\"") + ", \"lat\": \"53.64\", \"long\": \"-1.78\", \"description\": \"Jane Doe at 4 Elm Street\","
            + " \"address\": \"4 Elm Street\", \"media_url\": \"\"}");
      }
    }
    return LoopbackServer.json("[" + String.join(",\r\n", items) + "]");
  }

  private int pageMax = 1000;

  private SourcePull.Outcome pull(String options, Map<String, String> env) {
    return pull(options, env, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
  }

  /**
   * Pulls with {@code options}; unless they set {@code revisit_months}, with {@code revisit_months: 0},
   * so that a pull asks for exactly its period's months (the default revisit has tests of its own).
   */
  private SourcePull.Outcome pull(String options, Map<String, String> env, LocalDate start, LocalDate end) {
    return pullAsGiven(options.contains("revisit_months") ? options : options + "revisit_months: 0\n", env, start, end);
  }

  private SourcePull.Outcome pullAsGiven(String options, Map<String, String> env, LocalDate start, LocalDate end) {
    SourcePull.Live live = new SourcePull.Live(start, end, env,
        LoopbackServer.policy(new LoopbackServer.RecordingSleeper(), NOW));
    return new SourcePull(f.store, new Pseudonymiser(ConnectorFixture.KEY), ZoneId.of("Europe/London"), "GBP", live)
        .run(new Open311Connector(), f.source("city", "kirklees-council", "url: " + server.base() + "/open311/v2/\n" + options), PullProgress.NONE);
  }

  private static final List<String> EXPECTED = List.of(
      "101|report.created|null|Pothole|Roads",
      "102|report.created|null|Graffiti|Cleaning",
      "102:closed|report.closed|null|Graffiti|Cleaning",
      "102:fixed|report.fixed|30.5|Graffiti|Cleaning",
      "103|report.created|null|Pothole|Roads",
      "103:closed|report.closed|null|Pothole|Roads",
      "103:fixed|report.fixed|12.0|Pothole|Roads",
      "105|report.created|null|Graffiti|Cleaning",
      "209|report.created|null|Pothole|Roads",
      "210|report.created|null|Pothole|Roads",
      "211|report.created|null|Pothole|Roads",
      "212|report.created|null|Pothole|Roads",
      "213|report.created|null|Pothole|Roads");

  private List<String> rows() throws Exception {
    return f.query("SELECT event_id, event_type, quantity, attributes['service_name'], attributes['service_group'] FROM activity ORDER BY event_id");
  }

  @Test
  void pullsThePeriodAndMapsItLikeSavedFiles() throws Exception {
    SourcePull.Outcome out = pull("jurisdiction_id: kirklees.gov.uk\n", Map.of());
    assertThat(rows()).containsExactlyElementsOf(EXPECTED);
    assertThat(out.result().recordsRead()).isEqualTo(9);
    assertThat(out.written().activityRows()).isEqualTo(13);
    // October in Europe/London: from midnight BST on the 1st to midnight GMT after the 31st
    URI first = server.requests().stream().filter(u -> u.getPath().endsWith("requests.json")).findFirst().orElseThrow();
    assertThat(query(first)).containsEntry("start_date", "2026-09-30T23:00:00Z").containsEntry("end_date", "2026-11-01T00:00:00Z")
        .containsEntry("jurisdiction_id", "kirklees.gov.uk");
    assertThat(f.query("SELECT DISTINCT origin FROM activity WHERE event_id = '101'").get(0))
        .startsWith(server.base() + "/open311/v2/requests.json?jurisdiction_id=kirklees.gov.uk&start_date=");
    assertThat(out.result().inputs()).extracting(i -> i.path()).allSatisfy(p -> assertThat(p).startsWith(server.base()));
    // descriptions and addresses are never kept, not even in the checkpoint, which is gone after the pull
    assertThat(SourcePull.checkpointDir(f.store, "city")).doesNotExist();
  }

  @Test
  void aFullAnswerIsSplitSoNothingIsLost() throws Exception {
    pageMax = 3;
    SourcePull.Outcome out = pull("page_max: 3\n", Map.of());
    assertThat(rows()).containsExactlyElementsOf(EXPECTED);
    assertThat(out.result().recordsRead()).isGreaterThanOrEqualTo(9);
  }

  @Test
  void windowsAreAtMostWindowDaysLong() {
    pull("window_days: 7\n", Map.of());
    List<URI> asked = server.requests().stream().filter(u -> u.getPath().endsWith("requests.json")).toList();
    assertThat(asked).hasSize(5);
    for (URI u : asked) {
      Map<String, String> q = query(u);
      long days = java.time.Duration.between(OffsetDateTime.parse(q.get("start_date")), OffsetDateTime.parse(q.get("end_date"))).toDays();
      assertThat(days).isLessThanOrEqualTo(7);
    }
  }

  @Test
  void theApiKeyComesFromTheEnvironmentAndIsNeverShown() throws Exception {
    SourcePull.Outcome out = pull("api_key_env: CITY_KEY\n", Map.of("CITY_KEY", KEY));
    assertThat(server.requests()).allSatisfy(u -> assertThat(query(u)).containsEntry("api_key", KEY));
    assertThat(out.result().inputs()).allSatisfy(i -> assertThat(i.path()).doesNotContain(KEY).contains("api_key=REDACTED"));
    assertThat(f.query("SELECT DISTINCT origin FROM activity")).allSatisfy(o -> assertThat(o).doesNotContain(KEY).contains("api_key=REDACTED"));
  }

  @Test
  void anUnsetKeyVariableIsADefinitionError() {
    assertThatThrownBy(() -> pull("api_key_env: CITY_KEY\n", Map.of()))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION))
        .hasMessageContaining("api_key_env: environment variable 'CITY_KEY' is not set");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anUnreachableServerStopsWithExit6AndWritesNothing() {
    server.otherwise(uri -> LoopbackServer.status(500, "boom"));
    assertThatThrownBy(() -> pull("api_key_env: CITY_KEY\n", Map.of("CITY_KEY", KEY)))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE))
        .hasMessageContaining("source 'city': GET " + server.base() + "/open311/v2/services.json?api_key=REDACTED failed after 4 attempts (last: HTTP 500)")
        .hasMessageNotContaining(KEY);
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void anInterruptedPullResumesWithoutAskingAgainOrDuplicating() throws Exception {
    AtomicInteger served = new AtomicInteger();
    // services and the first two 10-day windows answer; then the server goes down
    server.otherwise(uri -> served.incrementAndGet() <= 3 ? answer(uri) : LoopbackServer.status(503, "down"));
    assertThatThrownBy(() -> pull("window_days: 10\n", Map.of()))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE));
    assertThat(f.storeIsEmpty()).isTrue();
    Path checkpoint = SourcePull.checkpointDir(f.store, "city");
    assertThat(checkpoint.resolve("checkpoint.json")).exists();
    String saved;
    try (var files = Files.list(checkpoint)) {
      saved = files.filter(p -> p.toString().endsWith(".json")).map(p -> {
        try {
          return Files.readString(p);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).reduce("", String::concat);
    }
    assertThat(saved).contains("\"service_request_id\":101").doesNotContain("Elm Street").doesNotContain("Jane");
    List<URI> before = server.requests().subList(0, 3);

    int firstRun = server.requests().size();
    server.otherwise(this::answer);
    pull("window_days: 10\n", Map.of());
    List<URI> again = server.requests().subList(firstRun, server.requests().size());
    assertThat(again).doesNotContainAnyElementsOf(before);
    assertThat(again).hasSize(2);
    assertThat(rows()).containsExactlyElementsOf(EXPECTED);
    assertThat(checkpoint).doesNotExist();
  }

  @Test
  void aCheckpointFromOtherOptionsIsNotResumed() throws Exception {
    AtomicInteger served = new AtomicInteger();
    server.otherwise(uri -> served.incrementAndGet() <= 3 ? answer(uri) : LoopbackServer.status(503, "down"));
    assertThatThrownBy(() -> pull("window_days: 10\n", Map.of())).isInstanceOf(SpotlightException.class);
    int firstRun = server.requests().size();
    server.otherwise(this::answer);
    pull("window_days: 15\n", Map.of());
    List<URI> again = server.requests().subList(firstRun, server.requests().size());
    assertThat(again).hasSize(1 + 3);
    assertThat(rows()).containsExactlyElementsOf(EXPECTED);
  }

  // --- history outside the pulled months ---------------------------------------------------------

  private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

  private List<String> monthRows() throws Exception {
    return f.query("SELECT month, event_id, event_type, quantity FROM activity ORDER BY month, event_id");
  }

  private static List<String> october(List<String> expected) {
    return expected.stream().map(r -> {
      String[] p = r.split("\\|");
      return "2026-10|" + p[0] + "|" + p[1] + "|" + p[2];
    }).toList();
  }

  /** The order of {@link #monthRows()}: month, then event id. */
  private static final java.util.Comparator<String> BY_MONTH_AND_ID = java.util.Comparator.comparing((String r) -> r.split("\\|")[0])
      .thenComparing(r -> r.split("\\|")[1]);

  private void addNovember() {
    add("301", "2026-11-03T09:00:00Z", "open", null, "POT", "Pothole");
    add("302", "2026-11-10T09:00:00Z", "closed", "2026-11-11T09:00:00Z", "GR", "Graffiti");
  }

  private static final List<String> NOVEMBER = List.of(
      "2026-11|301|report.created|null",
      "2026-11|302|report.created|null",
      "2026-11|302:closed|report.closed|null",
      "2026-11|302:fixed|report.fixed|24.0");

  @Test
  void pullingNovemberKeepsOctober() throws Exception {
    addNovember();
    pull("", Map.of());
    assertThat(monthRows()).containsExactlyElementsOf(october(EXPECTED));
    SourcePull.Outcome nov = pull("", Map.of(), NOV_1, NOV_30);
    assertThat(nov.written().activityRows()).isEqualTo(4);
    List<String> both = new ArrayList<>(october(EXPECTED));
    both.addAll(NOVEMBER);
    assertThat(monthRows()).containsExactlyElementsOf(both);
    // the November pull asked only for November
    URI last = server.requests().get(server.requests().size() - 1);
    assertThat(query(last)).containsEntry("start_date", "2026-11-01T00:00:00Z").containsEntry("end_date", "2026-12-01T00:00:00Z");
    // October's file was carried over as a hard link, not rewritten
    Path oct = f.store.root().resolve("activity/source=city/month=2026-10");
    try (var files = Files.list(oct)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("part-0.parquet");
    }
  }

  @Test
  void pullingOctoberAgainReplacesOctoberOnly() throws Exception {
    addNovember();
    pull("", Map.of(), NOV_1, NOV_30);
    pull("", Map.of());
    Path novFile = f.store.root().resolve("activity/source=city/month=2026-11/part-0.parquet");
    Object novKey = Files.readAttributes(novFile, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    // upstream: 101 deleted, 209 closed three hours after it was reported, 106 reported late in October
    requests.removeIf(r -> r[0].equals("101"));
    requests.replaceAll(r -> r[0].equals("209") ? new String[] {"209", r[1], "closed", "2026-10-10T12:15:00+01:00", "POT", "Pothole"} : r);
    add("106", "2026-10-30T10:00:00Z", "open", null, "GR", "Graffiti");
    pull("", Map.of());
    List<String> expected = new ArrayList<>(october(EXPECTED));
    expected.remove("2026-10|101|report.created|null");
    expected.add("2026-10|106|report.created|null");
    expected.add("2026-10|209:closed|report.closed|null");
    expected.add("2026-10|209:fixed|report.fixed|3.0");
    expected.sort(BY_MONTH_AND_ID);
    expected.addAll(NOVEMBER);
    assertThat(monthRows()).containsExactlyElementsOf(expected);
    // November is the very same file
    assertThat(Files.readAttributes(novFile, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(novKey);
  }

  @Test
  void aClosureAfterThePulledMonthsJoinsItsMonthOnce() throws Exception {
    addNovember();
    pull("", Map.of(), NOV_1, NOV_30);
    // 106 was reported in October and closed in November, a month this pull does not cover
    add("106", "2026-10-30T10:00:00Z", "closed", "2026-11-02T10:00:00Z", "GR", "Graffiti");
    pull("", Map.of());
    // closed again later: the November copy of its closure is replaced, not doubled
    requests.replaceAll(r -> r[0].equals("106") ? new String[] {"106", r[1], "closed", "2026-11-04T10:00:00Z", "GR", "Graffiti"} : r);
    pull("", Map.of());
    List<String> expected = new ArrayList<>(october(EXPECTED));
    expected.add("2026-10|106|report.created|null");
    expected.sort(BY_MONTH_AND_ID);
    List<String> nov = new ArrayList<>(NOVEMBER);
    nov.add("2026-11|106:closed|report.closed|null");
    // 30 Oct 10:00 to 4 Nov 10:00 UTC = 5 days
    nov.add("2026-11|106:fixed|report.fixed|120.0");
    nov.sort(BY_MONTH_AND_ID);
    expected.addAll(nov);
    assertThat(monthRows()).containsExactlyElementsOf(expected);
    assertThat(f.query("SELECT count(*), count(DISTINCT event_id) FROM activity")).containsExactly(expected.size() + "|" + expected.size());
  }

  @Test
  void aMonthTheServerNoLongerAnswersForIsEmptied() throws Exception {
    addNovember();
    pull("", Map.of(), NOV_1, NOV_30);
    pull("", Map.of());
    requests.removeIf(r -> r[1].startsWith("2026-10") || r[0].equals("105"));
    pull("", Map.of());
    assertThat(monthRows()).containsExactlyElementsOf(NOVEMBER);
    assertThat(f.store.root().resolve("activity/source=city/month=2026-10")).doesNotExist();
  }

  @Test
  void aLateClosureStaysWithItsRequestWhenItsOwnMonthIsPulled() throws Exception {
    addNovember();
    // 106 was reported in October and closed in November
    add("106", "2026-10-30T10:00:00Z", "closed", "2026-11-02T10:00:00Z", "GR", "Graffiti");
    pull("", Map.of());
    // November's requests are selected by the day they were made: 106 is not among them, its closure is kept
    pull("", Map.of(), NOV_1, NOV_30);
    List<String> expected = new ArrayList<>(october(EXPECTED));
    expected.add("2026-10|106|report.created|null");
    expected.sort(BY_MONTH_AND_ID);
    List<String> nov = new ArrayList<>(NOVEMBER);
    nov.add("2026-11|106:closed|report.closed|null");
    // 30 Oct 10:00 to 2 Nov 10:00 UTC = 3 days
    nov.add("2026-11|106:fixed|report.fixed|72.0");
    nov.sort(BY_MONTH_AND_ID);
    expected.addAll(nov);
    assertThat(monthRows()).containsExactlyElementsOf(expected);
    // 106 deleted upstream: October pulled again drops the request and its November closure
    requests.removeIf(r -> r[0].equals("106"));
    pull("", Map.of());
    List<String> after = new ArrayList<>(october(EXPECTED));
    after.addAll(NOVEMBER);
    assertThat(monthRows()).containsExactlyElementsOf(after);
  }

  @Test
  void byDefaultAPullAsksAgainForTheTwoMonthsBeforeItsPeriod() throws Exception {
    addNovember();
    pullAsGiven("", Map.of(), NOV_1, NOV_30);
    // September, October and November: from midnight BST on 1 September to midnight GMT on 1 December
    List<Map<String, String>> asked = server.requests().stream().filter(u -> u.getPath().endsWith("requests.json")).map(Open311LiveTest::query).toList();
    assertThat(asked.get(0)).containsEntry("start_date", "2026-08-31T23:00:00Z");
    assertThat(asked.get(asked.size() - 1)).containsEntry("end_date", "2026-12-01T00:00:00Z");
    // request 104 was made in September
    List<String> all = new ArrayList<>(List.of("2026-09|104|report.created|null", "2026-09|104:closed|report.closed|null",
        "2026-09|104:fixed|report.fixed|24.0"));
    all.addAll(october(EXPECTED));
    all.addAll(NOVEMBER);
    assertThat(monthRows()).containsExactlyElementsOf(all);
  }

  @Test
  void revisitingPicksUpALateClosureOfAnEarlierMonthsRequest() throws Exception {
    // 106 is reported in October and still open when October is pulled
    add("106", "2026-10-30T10:00:00Z", "open", null, "GR", "Graffiti");
    pull("", Map.of());
    // closed on 2 November: November's requests are those made in November, so a pull of November
    // alone does not see it
    requests.replaceAll(r -> r[0].equals("106") ? new String[] {"106", r[1], "closed", "2026-11-02T10:00:00Z", "GR", "Graffiti"} : r);
    addNovember();
    pull("revisit_months: 0\n", Map.of(), NOV_1, NOV_30);
    assertThat(monthRows()).contains("2026-10|106|report.created|null").doesNotContain("2026-11|106:fixed|report.fixed|72.0");
    // the same pull revisiting October does
    pull("revisit_months: 1\n", Map.of(), NOV_1, NOV_30);
    List<String> nov = new ArrayList<>(NOVEMBER);
    nov.add("2026-11|106:closed|report.closed|null");
    // 30 Oct 10:00 to 2 Nov 10:00 UTC = 3 days
    nov.add("2026-11|106:fixed|report.fixed|72.0");
    nov.sort(BY_MONTH_AND_ID);
    List<String> expected = new ArrayList<>(october(EXPECTED));
    expected.add("2026-10|106|report.created|null");
    expected.sort(BY_MONTH_AND_ID);
    expected.addAll(nov);
    assertThat(monthRows()).containsExactlyElementsOf(expected);
  }

  @Test
  void revisitMonthsMustBeAWholeNumberFrom0To24() {
    assertThatThrownBy(() -> pull("revisit_months: 25\n", Map.of()))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.problems().get(0).message()).contains("revisit_months must be between 0 and 24, not 25"));
  }
}
