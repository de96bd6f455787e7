package dev.spotlight.connectors.open311;

import dev.spotlight.connectors.ConnectorFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.SourcePull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Open311ConnectorTest {

  @TempDir Path dir;

  private ConnectorFixture fixture() {
    return new ConnectorFixture(dir, new Open311Connector());
  }

  private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<service_requests>\n";

  private static String xmlRequest(String id, String status, String requested, String updated) {
    return "  <request>\n    <service_request_id>" + id + "</service_request_id>\n    <status>" + status + "</status>\n"
        + "    <service_code>POT</service_code>\n    <requested_datetime>" + requested + "</requested_datetime>\n"
        + "    <updated_datetime>" + updated + "</updated_datetime>\n  </request>\n";
  }

  @Test
  void jsonRequestsBecomeCreatedFixedAndClosedEventsWithLocalTimes() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/open311/requests.json", "exports/open311/requests.json");

    SourcePull.Outcome out = f.pull("open311-kirklees", "kirklees-council", "files: exports/open311/*.json\n");

    assertThat(out.result().recordsRead()).isEqualTo(4);
    assertThat(out.result().rowsKept()).isEqualTo(4);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.result().filtered()).isZero();
    assertThat(out.written().activityRows()).isEqualTo(8);
    assertThat(out.result().inputs()).singleElement().satisfies(i -> {
      assertThat(i.records()).isEqualTo(4);
      assertThat(i.sha256()).hasSize(64);
    });
    assertThat(f.query("SELECT event_id, event_type, outcome, strftime(occurred_at, '%Y-%m-%d %H:%M'), occurred_on, month, quantity,"
        + " grantee, platform_kind, origin_row FROM activity ORDER BY event_id"))
        .containsExactly(
            // integer id; 23:30 BST on 30 September is 22:30 UTC; closed at 01:30 BST on 1 October, in October
            "638344|report.created|null|2026-09-30 22:30|2026-09-30|2026-09|null|kirklees-council|civic_reporting|1",
            "638344:closed|report.closed|null|2026-10-01 00:30|2026-10-01|2026-10|null|kirklees-council|civic_reporting|1",
            "638344:fixed|report.fixed|street_defect_fixed|2026-10-01 00:30|2026-10-01|2026-10|2.0|kirklees-council|civic_reporting|1",
            // 23:30 GMT on the last day of October stays in October
            "638345|report.created|null|2026-10-31 23:30|2026-10-31|2026-10|null|kirklees-council|civic_reporting|2",
            // the clocks go back on 25 October: noon to noon is 49 hours
            "638346|report.created|null|2026-10-24 11:00|2026-10-24|2026-10|null|kirklees-council|civic_reporting|3",
            "638346:closed|report.closed|null|2026-10-26 12:00|2026-10-26|2026-10|null|kirklees-council|civic_reporting|3",
            "638346:fixed|report.fixed|street_defect_fixed|2026-10-26 12:00|2026-10-26|2026-10|49.0|kirklees-council|civic_reporting|3",
            "638347|report.created|null|2026-11-01 08:00|2026-11-01|2026-11|null|kirklees-council|civic_reporting|4");
    assertThat(f.query("SELECT event_id, lat, lon, area_code, participant, counterpart, attributes['service_code'], attributes['service_name'],"
        + " attributes['status'], attributes['agency_responsible'], cardinality(attributes), origin FROM activity"
        + " WHERE event_type = 'report.created' ORDER BY event_id"))
        .containsExactly(
            "638344|53.64512|-1.78231|null|null|null|POT|Pothole|Closed|Highways|4|exports/open311/requests.json",
            // 0.0/0.0 is no location; a null service_name is left out
            "638345|null|null|null|null|null|LIT|null|OPEN|Street Lighting|3|exports/open311/requests.json",
            // lon for long
            "638346|53.65|-1.79|null|null|null|FLY|Fly-tipping|closed|null|3|exports/open311/requests.json",
            "638347|null|null|null|null|null|POT|Pothole|open|null|3|exports/open311/requests.json");
  }

  @Test
  void xmlRequestsWithNilEmptyAndNestedElementsAndServiceNames() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/open311/requests.xml", "exports/requests.xml");
    f.resource("/open311/services.xml", "reference/services.xml");

    SourcePull.Outcome out = f.pull("o311", "kirklees-council", "files: exports/requests.xml\nservices: reference/services.xml\n");

    assertThat(out.result().recordsRead()).isEqualTo(3);
    assertThat(out.result().rowsKept()).isEqualTo(3);
    assertThat(out.result().inputs()).extracting(i -> Path.of(i.path()).getFileName().toString() + ":" + i.records())
        .containsExactly("requests.xml:3", "services.xml:2");
    assertThat(f.query("SELECT event_id, event_type, strftime(occurred_at, '%Y-%m-%d %H:%M'), occurred_on, quantity, origin_row"
        + " FROM activity ORDER BY event_id"))
        .containsExactly(
            "7001|report.created|2026-10-31 09:00|2026-10-31|null|1",
            "7001:closed|report.closed|2026-10-31 13:30|2026-10-31|null|1",
            "7001:fixed|report.fixed|2026-10-31 13:30|2026-10-31|4.5|1",
            "7002|report.created|2026-11-01 00:15|2026-11-01|null|2",
            "7003|report.created|2026-10-01 09:00|2026-10-01|null|3",
            "7003:closed|report.closed|2026-10-02 09:30|2026-10-02|null|3",
            "7003:fixed|report.fixed|2026-10-02 09:30|2026-10-02|24.5|3");
    assertThat(f.query("SELECT event_id, lat, lon, attributes['service_code'], attributes['service_name'], attributes['service_group'],"
        + " attributes['status'], attributes['agency_responsible'], cardinality(attributes) FROM activity WHERE event_type = 'report.created' ORDER BY 1"))
        .containsExactly(
            // the request's own name wins over the services list
            "7001|53.646|-1.785|GR|Graffiti|Street cleaning|Closed|Street Cleaning|5",
            // xsi:nil name: named from the services list; empty agency left out; 0.0/0.0 is no location
            "7002|null|null|LIT|Street lighting|Lighting|Open|null|4",
            "7003|53.61|-1.8|GR|Graffiti removal|Street cleaning|FIXED|null|4");
  }

  @Test
  void servicesJsonNamesCodesAndTheFirstEntryOfACodeWins() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/open311/requests.json", "exports/requests.json");
    f.resource("/open311/services.json", "services.json");
    f.pull("o311", "g", "files: exports/requests.json\nservices: services.json\n");
    assertThat(f.query("SELECT event_id, attributes['service_name'], attributes['service_group'] FROM activity"
        + " WHERE event_type = 'report.created' ORDER BY 1"))
        .containsExactly("638344|Pothole|Roads", "638345|Street lighting|Lighting", "638346|Fly-tipping|null", "638347|Pothole|Roads");
  }

  @Test
  void closedIsFixedFalseKeepsOnlyTheClosing() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/open311/requests.xml", "requests.xml");
    f.pull("o311", "g", "files: requests.xml\nclosed_is_fixed: false\n");
    // a closed request is only closed; the FixMyStreet status 'fixed' still counts as fixed
    assertThat(f.query("SELECT event_id FROM activity WHERE event_type <> 'report.created' ORDER BY 1"))
        .containsExactly("7001:closed", "7003:closed", "7003:fixed");
  }

  @Test
  void descriptionsAddressesAndMediaNeverReachTheStore() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/open311/requests.json", "exports/requests.json");
    f.resource("/open311/requests.xml", "exports/requests.xml");
    f.pull("o311", "g", "files: exports/requests.*\n");
    try (var files = Files.walk(f.store.root())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(p.toString()).doesNotContain("Jo Bloggs").doesNotContain("07700").doesNotContain("Sam Patel")
            .doesNotContain("bus stop").doesNotContain("HD1 2AB").doesNotContain("Market Street").doesNotContain("example.org")
            .doesNotContain("Filled and sealed");
      }
    }
  }

  @Test
  void aRequestSavedTwiceIsKeptOnceAsLastUpdated() throws Exception {
    ConnectorFixture f = fixture();
    f.file("exports/day1.xml", XML_HEAD + xmlRequest("1", "open", "2026-10-01T09:00:00", "2026-10-01T09:00:00")
        + xmlRequest("2", "open", "2026-10-01T10:00:00", "2026-10-01T10:00:00") + "</service_requests>\n");
    f.file("exports/day2.json", "[{\"service_request_id\": 1, \"status\": \"closed\", \"requested_datetime\": \"2026-10-01T09:00:00\","
        + " \"updated_datetime\": \"2026-10-01T15:00:00\"}, {\"service_request_id\": \"2\", \"status\": \"open\","
        + " \"requested_datetime\": \"2026-10-01T10:00:00\", \"updated_datetime\": \"2026-10-01T10:00:00\"}]");
    SourcePull.Outcome out = f.pull("o311", "g", "files: [exports/day1.xml, exports/day2.json]\n");
    assertThat(out.result().recordsRead()).isEqualTo(4);
    assertThat(out.result().rowsKept()).isEqualTo(2);
    assertThat(out.result().filtered()).isEqualTo(2);
    assertThat(f.query("SELECT event_id, quantity, origin FROM activity ORDER BY 1"))
        .containsExactly("1|null|exports/day2.json", "1:closed|null|exports/day2.json", "1:fixed|6.0|exports/day2.json", "2|null|exports/day2.json");
  }

  @Test
  void offsetsWithoutColonFractionsAndSpacesBeforeTheZoneAreRead() throws Exception {
    ConnectorFixture f = fixture();
    f.file("a.json", "[{\"service_request_id\": \"14-01\", \"status\": \"CLOSED\", \"requested_datetime\": \"2014-07-12T10:58:43-0500\","
        + " \"updated_datetime\": \"2014-07-12 16:28:43.250 +00:00\", \"lat\": \" 41.85 \", \"long\": \"-87.66\"}]");
    f.pull("o311", "g", "files: a.json\n");
    assertThat(f.query("SELECT event_id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S'), round(quantity * 3600, 3), lat, lon FROM activity ORDER BY 1"))
        .containsExactly("14-01|2014-07-12 15:58:43|null|41.85|-87.66", "14-01:closed|2014-07-12 16:28:43|null|41.85|-87.66",
            "14-01:fixed|2014-07-12 16:28:43|1800.25|41.85|-87.66");
  }

  @Test
  void emptyResponsesLoadNothing() throws Exception {
    ConnectorFixture f = fixture();
    f.file("a.json", "[]\n");
    f.file("b.xml", "<?xml version=\"1.0\"?>\n<service_requests/>\n");
    SourcePull.Outcome out = f.pull("o311", "g", "files: ['a.json', 'b.xml']\n");
    assertThat(out.result().recordsRead()).isZero();
    assertThat(out.result().inputs()).hasSize(2);
  }

  @Test
  void truncatedJsonIsBadInputNamingTheFileAndLoadsNothing() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/open311/requests.xml", "exports/a-good.xml");
    String json = new String(ConnectorFixture.class.getResourceAsStream("/open311/requests.json").readAllBytes(), StandardCharsets.UTF_8);
    Path cut = f.file("exports/b-cut.json", json.substring(0, json.length() / 2));
    assertThatThrownBy(() -> f.pull("o311", "g", "files: exports/*\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.kind().code()).isEqualTo(4);
          assertThat(e.problems().get(0).render()).startsWith(cut.toString());
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void truncatedOrMalformedXmlIsBadInputWithFileAndLine() throws Exception {
    ConnectorFixture f = fixture();
    String xml = new String(ConnectorFixture.class.getResourceAsStream("/open311/requests.xml").readAllBytes(), StandardCharsets.UTF_8);
    Path cut = f.file("cut.xml", xml.substring(0, xml.indexOf("<request>", xml.indexOf("7002")) + 40));
    assertThatThrownBy(() -> f.pull("o311", "g", "files: cut.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(cut + ":").contains("malformed or truncated XML");
        });
    Path bad = f.file("bad.xml", XML_HEAD + "  <request>\n    <status>open</stat>\n  </request>\n</service_requests>\n");
    assertThatThrownBy(() -> f.pull("o311", "g", "files: bad.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.problems().get(0).render())
            .startsWith(bad + ":4:").contains("malformed or truncated XML"));
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void externalEntitiesAreNeverResolved() throws Exception {
    ConnectorFixture f = fixture();
    f.file("secret.txt", "TOP-SECRET");
    Path xxe = f.file("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE service_requests [<!ENTITY x SYSTEM \"" + dir.resolve("secret.txt").toUri()
        + "\">]>\n<service_requests>\n  <request>\n    <service_request_id>1</service_request_id>\n    <status>&x;</status>\n"
        + "    <requested_datetime>2026-10-01T09:00:00</requested_datetime>\n  </request>\n</service_requests>\n");
    assertThatThrownBy(() -> f.pull("o311", "g", "files: xxe.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(xxe.toString()).doesNotContain("TOP-SECRET");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void filesThatAreNotServiceRequestsAreNamed() throws Exception {
    ConnectorFixture f = fixture();
    Path text = f.file("a.json", "service_request_id,status\n1,open\n");
    assertThatThrownBy(() -> f.pull("a", "g", "files: a.json\n")).hasMessageContaining(text + ": neither JSON nor XML");
    Path empty = f.file("b.json", "  \n");
    assertThatThrownBy(() -> f.pull("b", "g", "files: b.json\n")).hasMessageContaining(empty + ": the file is empty");
    Path error = f.file("c.xml", "<?xml version=\"1.0\"?>\n<errors><error><code>403</code><description>Invalid api_key</description></error></errors>\n");
    assertThatThrownBy(() -> f.pull("c", "g", "files: c.xml\n")).hasMessageContaining(error + ": the file is an Open311 error response: 403 Invalid api_key");
    f.resource("/open311/services.xml", "d.xml");
    assertThatThrownBy(() -> f.pull("d", "g", "files: d.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.problems().get(0).render()).contains("the root element is <services>, expected <service_requests>");
          assertThat(e.problems().get(0).hint()).contains("services:");
        });
    f.resource("/open311/services.json", "e.json");
    assertThatThrownBy(() -> f.pull("e", "g", "files: e.json\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.problems().get(0).render()).contains("not an Open311 service requests response: no 'service_request_id' in any record");
          assertThat(e.problems().get(0).hint()).contains("services:");
        });
    f.file("f.json", "[{\"code\": 404, \"description\": \"jurisdiction not found\"}]");
    assertThatThrownBy(() -> f.pull("f", "g", "files: f.json\n")).hasMessageContaining("the file is an Open311 error response");
    f.resource("/open311/requests.json", "g.json");
    assertThatThrownBy(() -> f.pull("g", "g", "files: g.json\nservices: nowhere.xml\n")).hasMessageContaining("services: no file");
    assertThatThrownBy(() -> f.pull("h", "g", "files: g.json\nservices: g.json\n"))
        .hasMessageContaining("not an Open311 services list: the records have 'service_request_id'");
    f.file("i.json", "[{\"name\": \"Potholes\"}]");
    assertThatThrownBy(() -> f.pull("i", "g", "files: g.json\nservices: i.json\n"))
        .hasMessageContaining("not an Open311 services list: no 'service_code' in any record");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void badRequestStopsWithFileAndRecord() throws Exception {
    ConnectorFixture f = fixture();
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{\"status\": \"open\", \"requested_datetime\": \"2026-10-01T09:00:00\"}", "request 2: the request has no service_request_id");
    cases.put("{\"service_request_id\": 9, \"status\": \"open\"}", "request 2 (service_request_id '9'): the request has no requested_datetime");
    cases.put("{\"service_request_id\": 9, \"requested_datetime\": \"01/10/2026 09:00\"}",
        "request 2 (service_request_id '9'): cannot read '01/10/2026 09:00' as a date-time in requested_datetime");
    cases.put("{\"service_request_id\": 9, \"requested_datetime\": \"2026-10-01T09:00:00\", \"updated_datetime\": \"soon\"}",
        "cannot read 'soon' as a date-time in updated_datetime");
    cases.put("{\"service_request_id\": 9, \"status\": \"Closed\", \"requested_datetime\": \"2026-10-01T09:00:00\"}",
        "status 'Closed' but no updated_datetime");
    cases.put("{\"service_request_id\": 9, \"status\": \"closed\", \"requested_datetime\": \"2026-10-02T09:00:00\", \"updated_datetime\": \"2026-10-01T09:00:00\"}",
        "updated_datetime 2026-10-01T09:00:00 is before requested_datetime 2026-10-02T09:00:00");
    cases.put("{\"service_request_id\": 9, \"requested_datetime\": \"2026-10-01T09:00:00\", \"lat\": \"53.6\", \"long\": \"west\"}",
        "cannot read 'west' as a latitude or longitude");
    String good = "{\"service_request_id\": 1, \"status\": \"open\", \"requested_datetime\": \"2026-10-01T09:00:00\"}";
    int i = 0;
    for (var c : cases.entrySet()) {
      Path file = f.file("case" + i + ".json", "[" + good + ",\n" + c.getKey() + "]");
      String options = "files: case" + i++ + ".json\n";
      assertThatThrownBy(() -> f.pull("s", "g", options)).as(c.getKey())
          .isInstanceOfSatisfying(SpotlightException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExitKind.DATA);
            assertThat(e.problems().get(0).render()).startsWith(file + ": ").contains(c.getValue());
            assertThat(e.problems().get(0).hint()).contains("on_bad_row: skip");
          });
    }
    Path xml = f.file("bad.xml", XML_HEAD + xmlRequest("1", "open", "2026-10-01T09:00:00", "2026-10-01T09:00:00")
        + xmlRequest("2", "open", "yesterday", "2026-10-01T09:00:00") + "</service_requests>\n");
    assertThatThrownBy(() -> f.pull("x", "g", "files: bad.xml\n"))
        .hasMessageContaining(xml + ":10:").hasMessageContaining("request 2 (service_request_id '2'): cannot read 'yesterday'");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void skipCountsBadRequestsPerReason() throws Exception {
    ConnectorFixture f = fixture();
    f.file("bad.json", "[{\"service_request_id\": 1, \"status\": \"Closed\", \"requested_datetime\": \"2026-10-01 09:00:00\","
        + " \"updated_datetime\": \"2026-10-01 21:00:00\"},\n"
        + "{\"status\": \"open\", \"requested_datetime\": \"2026-10-01T09:00:00\"},\n"
        + "{\"service_request_id\": 3, \"status\": \"open\", \"requested_datetime\": \"last week\"},\n"
        + "{\"service_request_id\": 4, \"status\": \"closed\", \"requested_datetime\": \"2026-10-01T09:00:00\"},\n"
        + "{\"service_request_id\": 5, \"status\": \"open\"},\n"
        + "{\"service_request_id\": 6, \"status\": \"open\", \"requested_datetime\": \"2026-10-01T09:00:00\", \"lat\": \"north\", \"long\": 1}]");
    SourcePull.Outcome out = f.pull("bad", "g", "files: bad.json\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(6);
    assertThat(out.result().rowsKept()).isEqualTo(1);
    assertThat(out.result().skipped()).containsOnly(
        Map.entry("missing service_request_id", 1L), Map.entry("unreadable requested_datetime", 1L),
        Map.entry("closed without updated_datetime", 1L), Map.entry("missing requested_datetime", 1L),
        Map.entry("unreadable lat or long", 1L));
    assertThat(f.query("SELECT event_id, quantity FROM activity ORDER BY 1")).containsExactly("1|null", "1:closed|null", "1:fixed|12.0");
  }

  @Test
  void validateChecksOptionsWithoutReadingData() {
    ConnectorFixture f = fixture();
    Problems problems = new Problems(ExitKind.DEFINITION);
    new Open311Connector().validate(f.source("s", null, "files: nowhere/*.json\nservice: x.json\non_bad_row: ignore\nclosed_is_fixed: maybe\n"), problems);
    assertThat(problems.list()).extracting(p -> p.render())
        .anySatisfy(r -> assertThat(r).contains("unknown key 'service'"))
        .anySatisfy(r -> assertThat(r).contains("on_bad_row must be error or skip, not 'ignore'"))
        .anySatisfy(r -> assertThat(r).contains("closed_is_fixed must be true or false, not 'maybe'"))
        .anySatisfy(r -> assertThat(r).contains("source 's' has no grantee"));
    assertThat(problems.list()).filteredOn(p -> p.render().contains("unknown key 'service'"))
        .singleElement().satisfies(p -> assertThat(p.hint()).contains("did you mean 'services'?"));
    Problems missing = new Problems(ExitKind.DEFINITION);
    new Open311Connector().validate(f.source("s", "g", "on_bad_row: skip\n"), missing);
    assertThat(missing.list()).extracting(p -> p.render()).anySatisfy(r -> assertThat(r).contains("open311 source needs 'files:'"));
  }

  @Test
  void liveEndpointOptionsAreChecked() {
    ConnectorFixture f = fixture();
    Problems ok = new Problems(ExitKind.DEFINITION);
    new Open311Connector().validate(f.source("s", "g", "url: https://example.org/open311/v2\njurisdiction_id: example.org\n"), ok);
    assertThat(ok.list()).isEmpty();
    Problems problems = new Problems(ExitKind.DEFINITION);
    new Open311Connector().validate(f.source("s", "g",
        "url: https://example.org/open311/v2?api_key=x\nfiles: a.json\nwindow_days: 120\npage_max: lots\napi_key_env: my key\n"), problems);
    assertThat(problems.list()).extracting(p -> p.render())
        .anySatisfy(r -> assertThat(r).contains("reads files: or a live url:, not both"))
        .anySatisfy(r -> assertThat(r).contains("url: give the base URL without a query"))
        .anySatisfy(r -> assertThat(r).contains("window_days must be between 1 and 90, not 120"))
        .anySatisfy(r -> assertThat(r).contains("page_max must be a whole number, not 'lots'"))
        .anySatisfy(r -> assertThat(r).contains("api_key_env names an environment variable"))
        .noneSatisfy(r -> assertThat(r).contains("unknown key"));
    Problems orphan = new Problems(ExitKind.DEFINITION);
    new Open311Connector().validate(f.source("s", "g", "files: a.json\njurisdiction_id: example.org\n"), orphan);
    assertThat(orphan.list()).extracting(p -> p.render())
        .singleElement().satisfies(r -> assertThat(r).contains("'jurisdiction_id' is an option of live endpoints, which need url:"));
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().id())).contains("open311", "fixmystreet-csv");
  }
}
