package dev.spotlight.connectors.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.SourcePull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IatiConnectorTest {

  @TempDir Path dir;

  private static final String COSTS = "SELECT cost_id, grantee, period_start, period_end, amount, currency, category, funder, reference, origin, origin_row"
      + " FROM costs ORDER BY origin, origin_row";

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n"
      + " <iati-activity default-currency=\"GBP\">\n  <iati-identifier>GB-X-1</iati-identifier>\n";

  private static String tx(String type, String date, String value) {
    return "  <transaction>\n   <transaction-type code=\"" + type + "\"/>\n   <transaction-date iso-date=\"" + date + "\"/>\n"
        + "   <value>" + value + "</value>\n  </transaction>\n";
  }

  private static final String TAIL = " </iati-activity>\n</iati-activities>\n";

  @Test
  void commitmentsAndDisbursementsBecomeGrantCostsInTheirOwnCurrency() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.resource("/iati/activities-203.xml", "exports/iati/activities-203.xml");

    // the project's grantees: org ids match a receiver-org ref (without case), or else its name
    f.grantees(Map.of("gb-chc-1234567", "kirklees-sharing", "Calderdale Tool Library", "calderdale-tools"));
    SourcePull.Outcome out = f.pull("iati-portfolio", null, "files: exports/iati/*.xml\n");

    assertThat(out.result().recordsRead()).isEqualTo(8);
    assertThat(out.result().rowsKept()).isEqualTo(6);
    assertThat(out.result().filtered()).as("incoming funds and expenditure").isEqualTo(2);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.written().costRows()).isEqualTo(6);
    assertThat(out.result().inputs()).singleElement().satisfies(i -> {
      assertThat(i.records()).isEqualTo(8);
      assertThat(i.sha256()).hasSize(64);
    });
    String origin = "exports/iati/activities-203.xml";
    assertThat(f.query(COSTS)).containsExactly(
        // a commitment covers the activity's planned start (type 1) to planned end (type 3); no currency: the default-currency
        "GB-GOV-99-SHARE-01:2|kirklees-sharing|2026-04-01|2027-03-31|50000.00|GBP|grant|Sharing Fund|GB-GOV-99-SHARE-01|" + origin + "|18",
        // a disbursement is its day; the value's own currency wins; no provider-org: the reporting-org funds it
        "GB-GOV-99-SHARE-01:3|kirklees-sharing|2026-05-01|2026-05-01|12000.50|EUR|grant|Department for Sharing|GB-GOV-99-SHARE-01|" + origin + "|25",
        // a unique transaction ref is the cost id; currency="" is no currency; the receiver is mapped by its name
        "TX-9|calderdale-tools|2026-06-01|2026-06-01|8000.00|GBP|grant|Department for Sharing|GB-GOV-99-SHARE-01|" + origin + "|31",
        // no planned dates: a commitment is its day; an unmapped receiver with no source grantee is its own grantee
        "XM-DAC-41114-B2:1|XM-OTHER-1|2026-02-01|2026-02-01|1000.00|USD|grant|UN Agency|XM-DAC-41114-B2|" + origin + "|46",
        "XM-DAC-41114-B2:2|XM-OTHER-1|2026-02-10|2026-02-10|-250.00|USD|grant|UN Agency|XM-DAC-41114-B2|" + origin + "|52",
        // neither a value currency nor a default-currency: null, the project's currency applies
        "XM-DAC-41114-B2:3|XM-OTHER-1|2026-02-20|2026-02-20|400.00|null|grant|UN Agency|XM-DAC-41114-B2|" + origin + "|58");
    assertThat(f.query("SELECT event_id, event_type, platform_kind, grantee, strftime(occurred_at, '%Y-%m-%d %H:%M'), occurred_on, quantity,"
        + " amount, currency, attributes['funder'], attributes['reporting_org'], origin_row FROM activity ORDER BY event_id"))
        .containsExactly(
            "GB-GOV-99-SHARE-01|grant.awarded|funding|kirklees-sharing|2026-03-15 00:00|2026-03-15|1.0|50000.00|GBP|Sharing Fund|Department for Sharing|4",
            "XM-DAC-41114-B2|grant.awarded|funding|XM-OTHER-1|2026-02-01 00:00|2026-02-01|2.0|750.00|USD|UN Agency|UN Agency|43");
  }

  @Test
  void theSourceGranteeCoversUnmappedReceivers() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.resource("/iati/activities-203.xml", "a.xml");
    f.grantees(Map.of("GB-CHC-1234567", "kirklees-sharing")).pull("iati", "fund-wide", "files: a.xml\n");
    assertThat(f.query("SELECT cost_id, grantee FROM costs ORDER BY cost_id")).containsExactly(
        "GB-GOV-99-SHARE-01:2|kirklees-sharing", "GB-GOV-99-SHARE-01:3|kirklees-sharing", "TX-9|fund-wide",
        "XM-DAC-41114-B2:1|fund-wide", "XM-DAC-41114-B2:2|fund-wide", "XM-DAC-41114-B2:3|fund-wide");
  }

  @Test
  void legacyOneZeroFileWithTextCodesAndNamedPlannedDates() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.resource("/iati/activities-103.xml", "legacy.xml");
    SourcePull.Outcome out = f.pull("iati", "sida-partner", "files: legacy.xml\n");
    assertThat(out.result().recordsRead()).isEqualTo(3);
    assertThat(out.result().filtered()).isEqualTo(1);
    assertThat(f.query(COSTS)).containsExactly(
        // C is a commitment: start-planned (attribute) to end-planned (text); the value is rounded to cents
        "SE-0-SE-6-5001:1|sida-partner|2013-01-01|2014-12-31|98325.64|USD|grant|Swedish Agency|SE-0-SE-6-5001|legacy.xml|9",
        // D is a disbursement; no transaction-date: the value-date; no currency: the default SEK; a 1.0x provider name as text
        "SE-0-SE-6-5001:2|sida-partner|2013-06-30|2013-06-30|142000.00|SEK|grant|Swedish Agency Funds|SE-0-SE-6-5001|legacy.xml|15");
    assertThat(f.query("SELECT event_id, occurred_on, quantity, amount, currency FROM activity"))
        .containsExactly("SE-0-SE-6-5001|2013-02-01|1.0|98325.64|USD");
  }

  @Test
  void transactionTypesChooseWhatIsRead() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.resource("/iati/activities-203.xml", "a.xml");
    f.resource("/iati/activities-103.xml", "b.xml");
    SourcePull.Outcome out = f.pull("iati", "g", "files: [a.xml, b.xml]\ntransaction_types: [D, 4]\n");
    assertThat(out.result().recordsRead()).isEqualTo(11);
    assertThat(out.result().rowsKept()).isEqualTo(5);
    assertThat(f.query("SELECT cost_id FROM costs ORDER BY cost_id")).containsExactly(
        "GB-GOV-99-SHARE-01:3", "GB-GOV-99-SHARE-01:5", "SE-0-SE-6-5001:2", "TX-9", "XM-DAC-41114-B2:3");
    assertThat(f.isEmpty(CanonicalTable.ACTIVITY)).as("no commitments read, no grant.awarded").isTrue();
  }

  @Test
  void anActivityInTwoFilesIsKeptOnceFromTheLastFile() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.resource("/iati/activities-203.xml", "d/2026-06.xml");
    f.file("d/2026-07.xml", HEAD.replace("GB-X-1", "XM-DAC-41114-B2") + tx("2", "2026-07-01", "999") + TAIL);
    SourcePull.Outcome out = f.pull("iati", "g", "files: d/*.xml\n");
    assertThat(out.result().filtered()).as("2 other types + 3 superseded").isEqualTo(5);
    assertThat(f.query("SELECT cost_id, amount, currency FROM costs WHERE reference = 'XM-DAC-41114-B2'"))
        .containsExactly("XM-DAC-41114-B2:1|999.00|GBP");
  }

  @Test
  void anUnreadableValueStopsThePullAtItsLine() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    Path file = f.file("bad.xml", HEAD + tx("2", "2026-01-01", "100") + tx("3", "2026-02-01", "1,000") + TAIL);
    assertThatThrownBy(() -> f.pull("iati", "g", "files: bad.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(file + ":10").contains("transaction 2 of activity 'GB-X-1'")
              .contains("cannot read '1,000' as a value");
        });
    assertThat(f.isEmpty(CanonicalTable.COSTS)).isTrue();
  }

  @Test
  void anUnreadableDateStopsThePullAtItsLine() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    Path file = f.file("bad.xml", HEAD + tx("2", "31/12/2026", "100") + TAIL);
    assertThatThrownBy(() -> f.pull("iati", "g", "files: bad.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.problems().get(0).render())
            .startsWith(file + ":5").contains("cannot read '31/12/2026' as a date"));
  }

  @Test
  void badTransactionsAreSkippedAndCountedWhenAsked() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.file("bad.xml", HEAD + tx("2", "2026-01-01", "100") + tx("3", "2026-02-01", "1,000") + tx("3", "soon", "5") + tx("3", "2026-03-01", "")
        + tx("1", "bad", "bad") + TAIL);
    SourcePull.Outcome out = f.pull("iati", "g", "files: bad.xml\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(5);
    assertThat(out.result().rowsKept()).isEqualTo(1);
    assertThat(out.result().filtered()).as("a bad incoming-funds transaction is not read, so not judged").isEqualTo(1);
    assertThat(out.result().skipped()).containsOnly(java.util.Map.entry("unreadable value", 1L),
        java.util.Map.entry("unreadable transaction-date", 1L), java.util.Map.entry("missing value", 1L));
    assertThat(f.query("SELECT cost_id, amount FROM costs")).containsExactly("GB-X-1:1|100.00");
  }

  @Test
  void noGranteeAnywhereIsBadInput() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.file("a.xml", HEAD + tx("3", "2026-01-01", "100") + TAIL);
    assertThatThrownBy(() -> f.pull("iati", null, "files: a.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.problems().get(0).render()).contains("no grantee"));
  }

  @Test
  void truncatedXmlIsBadInputNamingFileAndLine() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    String whole = new String(IatiConnectorTest.class.getResourceAsStream("/iati/activities-203.xml").readAllBytes(), StandardCharsets.UTF_8);
    Path file = f.file("cut.xml", whole.substring(0, whole.indexOf("<transaction-type code=\"3\"/>")));
    assertThatThrownBy(() -> f.pull("iati", "g", "files: cut.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(file + ":2").contains("malformed or truncated XML");
        });
    assertThat(f.isEmpty(CanonicalTable.COSTS)).isTrue();
  }

  @Test
  void externalEntitiesAreNeverResolved() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    Path secret = f.file("secret.txt", "TOP-SECRET");
    Path xxe = f.file("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<iati-activities>\n <iati-activity>\n  <iati-identifier>&x;</iati-identifier>\n" + tx("3", "2026-01-01", "1") + TAIL);
    assertThatThrownBy(() -> f.pull("iati", "g", "files: xxe.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(xxe.toString()).doesNotContain("TOP-SECRET");
        });
    assertThat(f.isEmpty(CanonicalTable.COSTS)).isTrue();
  }

  @Test
  void anOrganisationFileIsNotAnActivityFile() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.file("org.xml", "<iati-organisations><iati-organisation/></iati-organisations>");
    assertThatThrownBy(() -> f.pull("iati", "g", "files: org.xml\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.problems().get(0).render())
            .contains("not an IATI activity file").contains("organisation file"));
  }

  @Test
  void aFileWithoutTransactionsLoadsNothing() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.file("a.xml", HEAD + TAIL);
    SourcePull.Outcome out = f.pull("iati", "g", "files: a.xml\n");
    assertThat(out.result().recordsRead()).isZero();
    assertThat(out.written().costRows()).isZero();
    assertThat(f.isEmpty(CanonicalTable.ACTIVITY)).isTrue();
  }

  @Test
  void aLoneActivityAsTheRootIsRead() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    f.file("one.xml", "<iati-activity default-currency=\"EUR\">\n  <iati-identifier>EU-1</iati-identifier>\n"
        + tx("3", "2026-01-01", " 12.345 ") + "</iati-activity>\n");
    f.pull("iati", "g", "files: one.xml\n");
    assertThat(f.query("SELECT cost_id, amount, currency, origin_row FROM costs")).containsExactly("EU-1:1|12.35|EUR|3");
  }

  @Test
  void validateChecksOptionsWithoutReadingData() {
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    Problems ok = new Problems(ExitKind.DEFINITION);
    new IatiConnector().validate(f.source("iati", null, "files: not-there/*.xml\ntransaction_types: [2, 3, C]\n"), ok);
    assertThat(ok.list()).isEmpty();

    Problems p = new Problems(ExitKind.DEFINITION);
    new IatiConnector().validate(f.source("iati", null,
        "transaction_type: [2]\ntransaction_types: [2, 99, X]\ngrantees: [a]\non_bad_row: maybe\n"), p);
    String all = String.join("\n", p.list().stream().map(x -> x.render()).toList());
    assertThat(all).contains("unknown key 'transaction_type'").contains("transaction_types")
        .contains("needs 'files:'").contains("'99' is not an IATI transaction type").contains("'X' is not an IATI transaction type")
        .contains("the iati option grantees: is gone").doesNotContain("unknown key 'grantees'").contains("on_bad_row must be error or skip");
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().id())).contains("iati");
  }

  @Test
  void legacyTypeCodesMapToNumbers() {
    assertThat(IatiXml.typeCode("C")).isEqualTo("2");
    assertThat(IatiXml.typeCode(" d ")).isEqualTo("3");
    assertThat(IatiXml.typeCode("02")).isEqualTo("2");
    assertThat(IatiXml.typeCode("Commitment")).isEqualTo("2");
    assertThat(IatiXml.typeCode("ZZ")).isNull();
    assertThat(Files.exists(Path.of("."))).isTrue();
  }
}
