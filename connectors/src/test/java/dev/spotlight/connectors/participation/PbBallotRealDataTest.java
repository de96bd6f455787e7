package dev.spotlight.connectors.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.SourcePull;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pb-ballot connector on the real Betri Garðabær 2024 ballot in ../shared/realdata (skipped, saying why, when absent). */
class PbBallotRealDataTest {

  @TempDir Path dir;

  private static Path ballot() {
    Path folder = Path.of(System.getProperty("spotlight.realdata", "../../shared/realdata")).resolve("participatory-budgeting");
    assumeTrue(Files.isDirectory(folder), "real data folder " + folder.toAbsolutePath() + " is absent; these tests need ../shared/realdata/participatory-budgeting");
    Path file = folder.resolve("gb2024BallotV2.csv");
    assumeTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is absent");
    return file.toAbsolutePath();
  }

  /** An independent reading of the file: split on CRLF, then on commas outside quotes (no cell of this file holds a line break). */
  private static List<List<String>> rows(Path file) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\r\n")) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (char ch : line.toCharArray()) {
        if (ch == '"') {
          quoted = !quoted;
        } else if (ch == ',' && !quoted) {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(ch);
        }
      }
      cells.add(cell.toString());
      out.add(cells);
    }
    return out;
  }

  @Test
  void gardabaerBallotLoadsTwentyProjectsAndOneAreaBudget() throws Exception {
    Path csv = ballot();
    List<List<String>> rows = rows(csv);
    assertThat(rows.get(0).subList(0, 2)).containsExactly("Area name", "Area budget");
    assertThat(rows.get(3).get(4)).isEqualTo("Costs");
    List<List<String>> projects = rows.subList(4, rows.size());
    BigDecimal costs = projects.stream().map(r -> new BigDecimal(r.get(4).trim())).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(projects).hasSize(20);
    assertThat(rows.get(1).get(1)).isEqualTo("100");

    ConnectorFixture f = new ConnectorFixture(dir, new PbBallotConnector());
    SourcePull.Outcome out = f.pull("betri-gardabaer-2024", "gardabaer", "files: " + csv + "\ndate: 2024-05-16\ncurrency: ISK\n"
        + "adopted: [https://betraisland.is/post/88288, 88229]\n");

    assertThat(out.result().recordsRead()).isEqualTo(21);
    assertThat(out.result().rowsKept()).isEqualTo(21);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.written().activityRows()).isEqualTo(22);
    assertThat(f.query("SELECT count(*), count(DISTINCT event_id), sum(quantity), min(quantity), max(quantity), count(lat), count(lon)"
        + " FROM activity WHERE event_type = 'idea.submitted'"))
        .containsExactly("20|20|" + costs.doubleValue() + "|0.5|20.0|20|20");
    assertThat(costs).isEqualByComparingTo("161");
    // every id is the post id of the row's own idea URL
    List<String> expectedIds = projects.stream().map(r -> r.get(1).trim().substring(r.get(1).trim().lastIndexOf('/') + 1)).sorted().toList();
    assertThat(f.query("SELECT event_id FROM activity WHERE event_type = 'idea.submitted' ORDER BY event_id")).isEqualTo(expectedIds);
    assertThat(f.query("SELECT attributes['area'], attributes['name'], attributes['name_language'], lat, lon, quantity, origin_row"
        + " FROM activity WHERE event_id = '88288'"))
        .containsExactly("Garðabær|The longest slide in Garðabær, in Urriðaholt|en|64.071493|-21.906286|6.0|5");
    assertThat(f.query("SELECT count(*) FROM activity WHERE lat BETWEEN 64.0 AND 64.2 AND lon BETWEEN -22.1 AND -21.7")).containsExactly("22");
    assertThat(f.query("SELECT event_id, outcome FROM activity WHERE event_type = 'idea.adopted' ORDER BY 1"))
        .containsExactly("88229:adopted|idea_adopted", "88288:adopted|idea_adopted");
    assertThat(f.query("SELECT cost_id, amount, currency, category, period_start, period_end FROM costs"))
        .containsExactly("budget:Garðabær|100.00|ISK|other|2024-05-16|2024-05-16");

    f.pull("betri-gardabaer-2024", "gardabaer", "files: " + csv + "\ndate: 2024-05-16\ncurrency: ISK\nlanguage: is\n");
    assertThat(f.query("SELECT attributes['name'], attributes['name_language'] FROM activity WHERE event_id = '88288'"))
        .containsExactly(projects.get(0).get(11).trim() + "|is");
    assertThat(f.query("SELECT count(*) FROM activity WHERE attributes['name_language'] = 'is'")).containsExactly("20");
  }
}
