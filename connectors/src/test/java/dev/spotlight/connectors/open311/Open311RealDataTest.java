package dev.spotlight.connectors.open311;

import dev.spotlight.connectors.ConnectorFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.connectors.SourcePull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The open311 connector on real GeoReport v2 responses from ../shared/realdata (skipped, saying why,
 * when absent). Every count is checked against one computed here independently of the connector.
 */
class Open311RealDataTest {

  @TempDir Path dir;

  private static Path realdata(String file) {
    Path root = Path.of(System.getProperty("spotlight.realdata", "../../shared/realdata"));
    assumeTrue(Files.isDirectory(root), "real data folder " + root.toAbsolutePath() + " is absent; these tests need ../shared/realdata");
    Path p = root.resolve(file);
    assumeTrue(Files.isRegularFile(p), "real data file " + p.toAbsolutePath() + " is absent");
    return p.toAbsolutePath();
  }

  /** Records, closed records and records without a usable location (null, empty or 0/0), counted by DuckDB's JSON functions on the raw text. */
  private static long[] countJson(Path json) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("WITH t AS (SELECT CAST(content AS JSON) AS j FROM read_text('" + json + "')),"
            + " r AS (SELECT unnest(CAST(j AS JSON[])) AS x FROM t)"
            + " SELECT (SELECT json_array_length(j) FROM t), count(*) FILTER (WHERE lower(x->>'status') = 'closed'),"
            + " count(*) FILTER (WHERE coalesce(x->>'lat', '') = '' OR (CAST(x->>'lat' AS DOUBLE) = 0 AND CAST(coalesce(x->>'long', x->>'lon') AS DOUBLE) = 0))"
            + " FROM r")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  /** The same counts with a small DOM parse of an XML response. */
  private static long[] countXml(Path xml, String element) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(xml.toFile());
    NodeList records = doc.getElementsByTagName(element);
    long closed = 0;
    long noLocation = 0;
    for (int i = 0; i < records.getLength(); i++) {
      Element r = (Element) records.item(i);
      if (text(r, "status").toLowerCase(Locale.ROOT).equals("closed")) {
        closed++;
      }
      String lat = text(r, "lat");
      String lon = text(r, "long");
      if (lat.isEmpty() || (Double.parseDouble(lat) == 0 && Double.parseDouble(lon) == 0)) {
        noLocation++;
      }
    }
    return new long[] {records.getLength(), closed, noLocation};
  }

  private static String text(Element e, String name) {
    NodeList l = e.getElementsByTagName(name);
    return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
  }

  private void pullAndCheck(Path file, long[] expected, String services) throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir.resolve(file.getFileName().toString()), new Open311Connector());
    Files.createDirectories(f.dir);
    SourcePull.Outcome out = f.pull("real", "city", "files: '" + file + "'\n" + (services == null ? "" : "services: '" + services + "'\n"));
    long records = expected[0];
    long closed = expected[1];
    assertThat(out.result().recordsRead()).as("records read").isEqualTo(records);
    assertThat(out.result().rowsKept()).as("records kept").isEqualTo(records);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.result().inputs().get(0).records()).isEqualTo(records);
    if (records == 0) {
      assertThat(f.storeIsEmpty()).isTrue();
      return;
    }
    assertThat(f.query("SELECT count(*) FILTER (WHERE event_type = 'report.created'), count(*) FILTER (WHERE event_type = 'report.fixed'),"
        + " count(*) FILTER (WHERE event_type = 'report.closed'), count(*) FILTER (WHERE outcome = 'street_defect_fixed'),"
        + " count(*) FILTER (WHERE event_type = 'report.created' AND lat IS NULL AND lon IS NULL),"
        + " count(*) FILTER (WHERE event_type = 'report.fixed' AND quantity >= 0) FROM activity"))
        .containsExactly(records + "|" + closed + "|" + closed + "|" + closed + "|" + expected[2] + "|" + closed);
  }

  @Test
  void bloomingtonRequestsJson() throws Exception {
    Path json = realdata("open311/bensheldon-open311status/bloomington_requests.json");
    long[] counts = countJson(json);
    assertThat(counts[0]).isEqualTo(21);
    assertThat(counts[1]).isPositive();
    assertThat(counts[2]).isPositive();
    pullAndCheck(json, counts, null);
  }

  @Test
  void bloomingtonRequestsWithTheirServicesList() throws Exception {
    Path json = realdata("open311/bensheldon-open311status/bloomington_requests.json");
    Path services = realdata("open311/bensheldon-open311status/bloomington_services.json");
    ConnectorFixture f = new ConnectorFixture(dir, new Open311Connector());
    SourcePull.Outcome out = f.pull("real", "city", "files: '" + json + "'\nservices: '" + services + "'\n");
    assertThat(out.result().inputs()).hasSize(2);
    long servicesCount;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT json_array_length(CAST(content AS JSON)) FROM read_text('" + services + "')")) {
      rs.next();
      servicesCount = rs.getLong(1);
    }
    assertThat(out.result().inputs().get(1).records()).isEqualTo(servicesCount).isEqualTo(46);
    assertThat(f.query("SELECT count(*) FROM activity WHERE event_type = 'report.created' AND attributes['service_name'] IS NULL")).containsExactly("0");
  }

  @Test
  void chicagoStyleRequestsJson() throws Exception {
    Path json = realdata("open311/bensheldon-open311status/service_requests.json");
    pullAndCheck(json, countJson(json), null);
  }

  @Test
  void fixMyStreetReportFileJson() throws Exception {
    Path json = realdata("fixmystreet/process_report_file_valid_data.json");
    long[] counts = countJson(json);
    assertThat(counts[0]).isEqualTo(2);
    pullAndCheck(json, counts, null);
  }

  @Test
  void fixMyStreetEmptyReportFile() throws Exception {
    Path json = realdata("fixmystreet/process_report_file_empty_data.json");
    pullAndCheck(json, countJson(json), null);
  }

  @Test
  void torontoSingleRequestXml() throws Exception {
    Path xml = realdata("open311/bensheldon-open311status/requests_single.xml");
    pullAndCheck(xml, countXml(xml, "request"), null);
  }

  @Test
  void torontoRequestsXmlWithAServicesXml() throws Exception {
    Path xml = realdata("open311/bensheldon-open311status/requests_toronto_multi.xml");
    Path services = realdata("open311/mysociety-open311-adapter/services.xml");
    long[] counts = countXml(xml, "request");
    assertThat(counts[0]).isEqualTo(2);
    pullAndCheck(xml, counts, services.toString());
  }
}
