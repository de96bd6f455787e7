package dev.spotlight.connectors.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.SourcePull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The iati connector on the real D-Portal download in ../shared/realdata (skipped, saying why, when
 * absent). Counts and sums are checked against a small DOM parse made here, never against the
 * connector's own output.
 */
class IatiRealDataTest {

  @TempDir Path dir;

  private static Path realdata(String file) {
    Path root = Path.of(System.getProperty("spotlight.realdata", "../../shared/realdata"));
    assumeTrue(Files.isDirectory(root), "real data folder " + root.toAbsolutePath() + " is absent; these tests need ../shared/realdata");
    Path p = root.resolve(file);
    assumeTrue(Files.isRegularFile(p), "real data file " + p.toAbsolutePath() + " is absent");
    return p.toAbsolutePath();
  }

  /** Independent count: transactions of type 2/3 (or 1.0x C/D), their number and value summed per currency, from a DOM parse. */
  private static final class Expected {
    long transactions;
    long commitments;
    long activitiesWithCommitment;
    final Map<String, BigDecimal> sums = new TreeMap<>();
  }

  private static Expected countDom(Path xml) throws Exception {
    return countDom(xml, Set.of("2", "C", "3", "D"));
  }

  /** The same for the transaction-type codes in {@code wanted} (2 or C counting as commitments). */
  private static Expected countDom(Path xml, Set<String> wanted) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(xml.toFile());
    Expected e = new Expected();
    NodeList activities = doc.getElementsByTagName("iati-activity");
    for (int a = 0; a < activities.getLength(); a++) {
      Element act = (Element) activities.item(a);
      String dflt = act.getAttribute("default-currency").trim();
      boolean committed = false;
      for (Element t : children(act, "transaction")) {
        String code = children(t, "transaction-type").get(0).getAttribute("code").trim().toUpperCase(Locale.ROOT);
        boolean commitment = code.equals("2") || code.equals("C");
        if (!wanted.contains(code)) {
          continue;
        }
        e.transactions++;
        if (commitment) {
          e.commitments++;
          committed = true;
        }
        Element value = children(t, "value").get(0);
        String currency = value.getAttribute("currency").trim();
        if (currency.isEmpty()) {
          currency = dflt.isEmpty() ? "(none)" : dflt;
        }
        BigDecimal v = new BigDecimal(value.getTextContent().trim()).setScale(2, RoundingMode.HALF_UP);
        e.sums.merge(currency, v, BigDecimal::add);
      }
      if (committed) {
        e.activitiesWithCommitment++;
      }
    }
    return e;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  @Test
  void dPortalMultiPublisherDownload() throws Exception {
    Path xml = realdata("iati/D-Portal/4e93a723-multipublisher/activities.xml");
    Expected expected = countDom(xml);
    assertThat(expected.transactions).isGreaterThan(400);

    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    SourcePull.Outcome out = f.pull("dportal", "portfolio", "files: '" + xml + "'\n");

    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.result().recordsRead()).as("every transaction").isEqualTo(728);
    assertThat(out.result().rowsKept()).isEqualTo(expected.transactions);
    assertThat(out.written().costRows()).isEqualTo(expected.transactions);
    Map<String, BigDecimal> actual = new TreeMap<>();
    for (String row : f.query("SELECT coalesce(currency, '(none)'), sum(amount) FROM costs GROUP BY 1")) {
      String[] p = row.split("\\|");
      actual.put(p[0], new BigDecimal(p[1]));
    }
    assertThat(actual).isEqualTo(expected.sums);
    assertThat(f.query("SELECT count(*), count(DISTINCT cost_id), count(*) FILTER (WHERE period_end < period_start) FROM costs"))
        .containsExactly(expected.transactions + "|" + expected.transactions + "|0");
    assertThat(f.query("SELECT count(*), sum(quantity) FROM activity WHERE event_type = 'grant.awarded'"))
        .containsExactly(expected.activitiesWithCommitment + "|" + (double) expected.commitments);
  }

  @Test
  void theStandardsExampleAndSchemaTestFilesLoadWhatTheyHoldAndCountTheRestAsFiltered() throws Exception {
    List<String> names = List.of("IATI-Extra-Documentation/activity-standard-example-annotated.xml", "IATI-Schemas/should-pass/09-legacy-data.xml",
        "IATI-Schemas/should-pass/21-transaction.xml", "IATI-Schemas/should-pass/24-results.xml",
        "IATI-Schemas/should-pass/26-decimal-percentage.xml", "IATI-Schemas/should-pass/27-decimal-currency.xml");
    for (String name : names) {
      Path xml = realdata("iati/" + name);
      Document doc = parse(xml);
      long all = doc.getElementsByTagName("transaction").getLength();
      // incoming funds (1) too, so the example's only transaction is read
      Expected expected = countDom(xml, Set.of("1", "IF", "2", "C", "3", "D"));
      ConnectorFixture f = new ConnectorFixture(dir.resolve(xml.getFileName().toString()), new IatiConnector());
      SourcePull.Outcome out = f.pull("iati", "portfolio", "files: '" + xml + "'\ntransaction_types: [1, 2, 3]\n");
      assertThat(out.result().recordsRead()).as(name).isEqualTo(all);
      assertThat(out.result().skipped()).as(name).isEmpty();
      assertThat(out.result().rowsKept()).as(name).isEqualTo(expected.transactions);
      assertThat(out.result().filtered()).as(name + ": the schema tests' placeholder type X is no wanted type").isEqualTo(all - expected.transactions);
      Map<String, BigDecimal> actual = new TreeMap<>();
      if (expected.transactions > 0) {
        for (String row : f.query("SELECT coalesce(currency, '(none)'), sum(amount) FROM costs GROUP BY 1")) {
          String[] p = row.split("\\|");
          actual.put(p[0], new BigDecimal(p[1]));
        }
      }
      assertThat(actual).as(name).isEqualTo(expected.sums);
    }
  }

  @Test
  void theStandardsExampleTransactionMapsItsParties() throws Exception {
    Path xml = realdata("iati/IATI-Extra-Documentation/activity-standard-example-annotated.xml");
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector()).grantees(Map.of("aa-aaa-123456789", "agency-a"));
    f.pull("iati", null, "files: '" + xml + "'\ntransaction_types: [1]\n");
    // transaction ref 1234, incoming funds of EUR 1000 on 2012-01-01 from Agency B to Agency A (read from the file by eye)
    assertThat(f.query("SELECT cost_id, grantee, period_start, period_end, amount, currency, funder, reference FROM costs"))
        .containsExactly("1234|agency-a|2012-01-01|2012-01-01|1000.00|EUR|Agency B|AA-AAA-123456789-ABC123");
  }

  @Test
  void anOrganisationFileIsRefusedInOneLine() {
    Path xml = realdata("iati/IATI-Extra-Documentation/organisation-standard-example-annotated.xml");
    ConnectorFixture f = new ConnectorFixture(dir, new IatiConnector());
    assertThatThrownBy(() -> f.pull("iati", "g", "files: '" + xml + "'\n")).isInstanceOf(SpotlightException.class)
        .satisfies(e -> assertThat(((SpotlightException) e).kind()).isEqualTo(ExitKind.DATA))
        .hasMessageContaining("not an IATI activity file").hasMessageContaining("organisation file");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  private static Document parse(Path xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(xml.toFile());
  }
}
