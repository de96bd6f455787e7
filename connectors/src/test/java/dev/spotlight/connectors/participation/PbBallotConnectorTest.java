package dev.spotlight.connectors.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
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

class PbBallotConnectorTest {

  @TempDir Path dir;

  private ConnectorFixture fixture() {
    return new ConnectorFixture(dir, new PbBallotConnector());
  }

  private static final String OPTIONS = "files: exports/ballot.csv\ndate: 2024-05-16\ncurrency: isk\n";

  @Test
  void everyProjectIsASubmittedIdeaAndEveryAreaBudgetACostsRow() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");

    SourcePull.Outcome out = f.pull("gb", "gardabaer", OPTIONS);

    assertThat(out.result().recordsRead()).isEqualTo(6);
    assertThat(out.result().rowsKept()).isEqualTo(6);
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.written().activityRows()).isEqualTo(4);
    assertThat(out.result().inputs()).singleElement().satisfies(i -> {
      assertThat(i.records()).isEqualTo(6);
      assertThat(i.sha256()).hasSize(64);
    });
    // ids from the idea URL's post id (trailing spaces trimmed), else area:N; names in English, else the first non-empty name
    assertThat(f.query("SELECT event_id, event_type, outcome, platform_kind, grantee, occurred_on, strftime(occurred_at, '%Y-%m-%d %H:%M'), quantity,"
        + " lat, lon, attributes['area'], attributes['name'], attributes['name_language'], attributes['idea_url'], origin, origin_row, participant"
        + " FROM activity ORDER BY origin_row"))
        .containsExactly(
            "1001|idea.submitted|null|participation|gardabaer|2024-05-16|2024-05-15 23:00|12.0|64.071493|-21.906286|Norðurbær"
                + "|The longest slide in Norðurbær, by the hill|en|https://betraisland.is/post/1001|exports/ballot.csv|6|null",
            "1002|idea.submitted|null|participation|gardabaer|2024-05-16|2024-05-15 23:00|0.5|64.08|-21.89|Norðurbær"
                + "|Benches|en|https://betraisland.is/post/1002|exports/ballot.csv|7|null",
            "Suðurbær:3|idea.submitted|null|participation|gardabaer|2024-05-16|2024-05-15 23:00|20.0|null|null|Suðurbær"
                + "|Plac zabaw|pl|null|exports/ballot.csv|8|null",
            "1004|idea.submitted|null|participation|gardabaer|2024-05-16|2024-05-15 23:00|7.25|64.1|-21.95|Suðurbær"
                + "|Trees|en|https://betraisland.is/post/1004|exports/ballot.csv|9|null");
    assertThat(f.query("SELECT sum(quantity), count(DISTINCT month) FROM activity")).containsExactly("39.75|1");
    // the area name's trailing space is trimmed, so projects of 'Suðurbær' match it
    assertThat(f.query("SELECT cost_id, grantee, period_start, period_end, amount, currency, category, funder, reference, origin, origin_row FROM costs ORDER BY cost_id"))
        .containsExactly(
            "budget:Norðurbær|gardabaer|2024-05-16|2024-05-16|50.00|ISK|other|null|Norðurbær|exports/ballot.csv|2",
            "budget:Suðurbær|gardabaer|2024-05-16|2024-05-16|30.50|ISK|other|null|Suðurbær|exports/ballot.csv|3");
  }

  @Test
  void namesComeInTheChosenLanguage() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");
    f.pull("gb", "g", OPTIONS + "language: is\n");
    assertThat(f.query("SELECT event_id, attributes['name'], attributes['name_language'] FROM activity ORDER BY origin_row"))
        .containsExactly("1001|Lengsta rennibraut|is", "1002|Bekkir|is", "Suðurbær:3|Leikvöllur|is", "1004|Tré|is");
    f.pull("gb", "g", OPTIONS + "language: PL\n");
    assertThat(f.query("SELECT event_id, attributes['name'], attributes['name_language'] FROM activity ORDER BY origin_row"))
        .containsExactly("1001|Najdłuższa zjeżdżalnia|pl", "1002|Ławki|pl", "Suðurbær:3|Plac zabaw|pl", "1004|Drzewa|pl");
  }

  @Test
  void aLanguageTheFileLacksIsAnError() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.resource("/participation/ballot.csv", "exports/ballot.csv");
    assertThatThrownBy(() -> f.pull("gb", "g", OPTIONS + "language: iss\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(file + ":5: language: iss but the project table has no 'Name-iss' column")
              .contains("did you mean 'is'?").contains("en, pl, is");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void budgetPeriodAndCategoryComeFromOptions() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");
    f.pull("gb", "g", OPTIONS + "budget_period: { start: 2024-01-01, end: 2025-12-31 }\nbudget_category: grant\n");
    assertThat(f.query("SELECT period_start, period_end, category, sum(amount) FROM costs GROUP BY ALL"))
        .containsExactly("2024-01-01|2025-12-31|grant|80.50");
    assertThat(f.query("SELECT DISTINCT occurred_on FROM activity")).containsExactly("2024-05-16");
  }

  @Test
  void adoptedIdeasAreAlsoAdoptedEvents() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");
    SourcePull.Outcome out = f.pull("gb", "g", OPTIONS + "adopted: [1001, 'https://betraisland.is/post/1004', 'Suðurbær:3']\n");
    assertThat(out.written().activityRows()).isEqualTo(7);
    assertThat(f.query("SELECT event_id, event_type, outcome, quantity, attributes['name'] FROM activity WHERE event_type = 'idea.adopted' ORDER BY origin_row"))
        .containsExactly(
            "1001:adopted|idea.adopted|idea_adopted|12.0|The longest slide in Norðurbær, by the hill",
            "Suðurbær:3:adopted|idea.adopted|idea_adopted|20.0|Plac zabaw",
            "1004:adopted|idea.adopted|idea_adopted|7.25|Trees");
    assertThat(out.result().rowsKept()).isEqualTo(6);
  }

  @Test
  void anAdoptedIdeaNotOnTheBallotIsAnError() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");
    assertThatThrownBy(() -> f.pull("gb", "g", OPTIONS + "adopted: [1001, 9999]\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.problems().get(0).render()).startsWith("spotlight.yaml:4:").contains("adopted: '9999' is not a project on the ballot");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void descriptionsAndImageLinksNeverReachTheStore() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");
    f.pull("gb", "g", OPTIONS);
    try (var files = Files.walk(f.store.root())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        assertThat(bytes).as(p.toString()).doesNotContain("Install a slide").doesNotContain("by the pond").doesNotContain("Nowy plac")
            .doesNotContain("img.example");
      }
    }
  }

  @Test
  void firstBadRecordStopsThePullWithFileLineAndColumn() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.resource("/participation/ballot-bad.csv", "exports/ballot-bad.csv");
    assertThatThrownBy(() -> f.pull("bad", "g", "files: exports/ballot-bad.csv\ndate: 2024-05-16\ncurrency: EUR\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.kind().code()).isEqualTo(4);
          assertThat(e.problems().get(0).render()).startsWith(file + ":3:2: cannot read the budget 'abc' as a number (column 'Area budget')");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void eachKindOfBadProjectIsNamed() throws Exception {
    ConnectorFixture f = fixture();
    String head = "Area name,Area budget\r\nVestur,100\r\n\r\nArea Name,URL to original idea,Costs,Location 1,Name-en,Name-is\r\n"
        + "Vestur,https://x.example/post/1,5,\"64.1, -21.9\",A,A-is\r\n";
    String opts = "date: 2024-05-16\ncurrency: EUR\nfiles: ";
    Path a = f.file("a.csv", head + "Nowhere,https://x.example/post/2,5,,B,B-is");
    assertThatThrownBy(() -> f.pull("a", "g", opts + "a.csv\n"))
        .hasMessageContaining(a + ":6:1: area 'Nowhere' is not in the area table");
    Path b = f.file("b.csv", head + "Vestur,https://x.example/post/2,1 000,,B,B-is\r\n");
    assertThatThrownBy(() -> f.pull("b", "g", opts + "b.csv\n"))
        .hasMessageContaining(b + ":6:3: cannot read the cost '1 000' as a number (column 'Costs')");
    Path c = f.file("c.csv", head + "Vestur,https://x.example/post/2,,,B,B-is\r\n");
    assertThatThrownBy(() -> f.pull("c", "g", opts + "c.csv\n"))
        .hasMessageContaining(c + ":6:3: the project has no cost (column 'Costs')");
    Path d = f.file("d.csv", head + "Vestur,https://x.example/post/2,1,\"95, 10\",B,B-is\r\n");
    assertThatThrownBy(() -> f.pull("d", "g", opts + "d.csv\n"))
        .hasMessageContaining(d + ":6:4: cannot read '95, 10' as \"lat, lng\" (column 'Location 1')");
    Path e = f.file("e.csv", head + "Vestur,https://x.example/post/2,1,,,\r\n");
    assertThatThrownBy(() -> f.pull("e", "g", opts + "e.csv\n"))
        .hasMessageContaining(e + ":6:5: the project has no name in any language (columns 'Name-en', 'Name-is')");
    Path g = f.file("g.csv", head + "Vestur,https://x.example/post/1/,1,,B,B-is\r\n");
    assertThatThrownBy(() -> f.pull("g", "g", opts + "g.csv\n"))
        .hasMessageContaining(g + ":6:2: duplicate idea '1' (first seen at " + g + ":5:2)");
    Path h = f.file("h.csv", "Area name,Area budget\nVestur,100\nVestur,20\n\n" + "Area Name,Costs,Name-en\nVestur,1,A\n");
    assertThatThrownBy(() -> f.pull("h", "g", opts + "h.csv\n"))
        .hasMessageContaining(h + ":3:1: duplicate area 'Vestur' (first seen at " + h + ":2:1)");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void skipCountsBadRecordsPerReason() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot-bad.csv", "exports/ballot-bad.csv");
    SourcePull.Outcome out = f.pull("bad", "g", "files: exports/ballot-bad.csv\ndate: 2024-05-16\ncurrency: EUR\non_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(10);
    assertThat(out.result().rowsKept()).isEqualTo(3);
    assertThat(out.result().skipped()).containsOnly(
        Map.entry("unreadable budget", 1L), Map.entry("unknown area", 1L), Map.entry("unreadable cost", 1L), Map.entry("missing cost", 1L),
        Map.entry("unreadable location", 1L), Map.entry("missing name", 1L), Map.entry("duplicate idea", 1L));
    // Austur's budget is unreadable, but it is still an area of the ballot: its project is kept
    assertThat(f.query("SELECT event_id, attributes['area'], attributes['name'], quantity, origin_row FROM activity ORDER BY origin_row"))
        .containsExactly("1|Vestur|A|5.0|6", "7|Austur|G|3.0|13");
    assertThat(f.query("SELECT cost_id, amount, currency FROM costs")).containsExactly("budget:Vestur|100.00|EUR");
  }

  @Test
  void budgetsWithoutACurrencyAreADefinitionError() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");
    assertThatThrownBy(() -> f.pull("gb", "g", "files: exports/ballot.csv\ndate: 2024-05-16\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
          assertThat(e.problems().get(0).message()).contains("the ballot has area budgets but states no unit").contains("needs 'currency:'");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void aProjectTableAloneNeedsNoCurrencyAndGivesNoCosts() throws Exception {
    ConnectorFixture f = fixture();
    f.file("p.csv", "\uFEFFArea Name,URL to original idea,Costs,Location 1,Name-en\nAnywhere,https://x.example/post/9,3,,Nine\nAnywhere,,4,,Ten");
    SourcePull.Outcome out = f.pull("p", "g", "files: p.csv\ndate: 2024-05-16\n");
    assertThat(out.written().activityRows()).isEqualTo(2);
    assertThat(f.query("SELECT event_id, attributes['name'], quantity FROM activity ORDER BY 1")).containsExactly("9|Nine|3.0", "Anywhere:2|Ten|4.0");
    assertThat(f.store.parquetFiles(dev.spotlight.common.store.CanonicalTable.COSTS)).isEmpty();
  }

  @Test
  void aFileWithoutAProjectTableIsBadInput() throws Exception {
    ConnectorFixture f = fixture();
    Path file = f.file("areas.csv", "Area name,Area budget\nVestur,100\n");
    assertThatThrownBy(() -> f.pull("x", "g", "files: areas.csv\ndate: 2024-05-16\ncurrency: EUR\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(file + ": no project table: no header row with 'Area Name' and 'Costs'");
        });
    Path ragged = f.file("ragged.csv", "Area Name,Costs,Name-en\nVestur,1,A,extra\n");
    assertThatThrownBy(() -> f.pull("r", "g", "files: ragged.csv\ndate: 2024-05-16\n"))
        .hasMessageContaining(ragged + ":2:4: expected 3 fields like the header at line 1, found 4");
    Path open = f.file("open.csv", "Area Name,Costs,Name-en\nVestur,1,\"A\n");
    assertThatThrownBy(() -> f.pull("o", "g", "files: open.csv\ndate: 2024-05-16\n"))
        .hasMessageContaining(open + ":2: a quoted field that starts on this line is never closed");
  }

  @Test
  void skipLeavesOutRecordsWithMoreCellsThanTheHeaderAndKeepsPositions() throws Exception {
    ConnectorFixture f = fixture();
    f.file("ragged.csv", "Area Name,URL,Costs,Name-en\n"
        + "Vestur,,1,A\n"
        + "Vestur,,2,B,\"stray, cell\"\n"
        + "Vestur,,3,C\n"
        + "Vestur,,4,D,,\n");
    String options = "files: ragged.csv\ndate: 2024-05-16\n";
    assertThatThrownBy(() -> f.pull("r", "g", options)).hasMessageContaining("ragged.csv:3:5: expected 4 fields like the header at line 1, found 5");
    assertThat(f.storeIsEmpty()).isTrue();
    SourcePull.Outcome out = f.pull("r", "g", options + "on_bad_row: skip\n");
    assertThat(out.result().recordsRead()).isEqualTo(4);
    assertThat(out.result().skipped()).containsOnly(Map.entry("wrong number of fields", 1L));
    // positions count the skipped record, so ids of projects without a URL do not move
    assertThat(f.query("SELECT event_id, attributes['name'], quantity, origin_row FROM activity ORDER BY origin_row"))
        .containsExactly("Vestur:1|A|1.0|2", "Vestur:3|C|3.0|4", "Vestur:4|D|4.0|5");
  }

  @Test
  void validateChecksOptionsWithoutReadingData() {
    ConnectorFixture f = fixture();
    Problems problems = new Problems(ExitKind.DEFINITION);
    new PbBallotConnector().validate(f.source("s", null,
        "files: nowhere/*.csv\nlanguge: is\ncurrency: kr\nbudget_category: grants\non_bad_row: maybe\nbudget_period: { start: 2024-02-01 }\n"), problems);
    assertThat(problems.list()).extracting(p -> p.render())
        .anySatisfy(r -> assertThat(r).contains("unknown key 'languge'").contains("did you mean 'language'?"))
        .anySatisfy(r -> assertThat(r).contains("pb-ballot source needs 'date:'"))
        .anySatisfy(r -> assertThat(r).contains("currency must be an ISO 4217 code").contains("'KR'"))
        .anySatisfy(r -> assertThat(r).contains("unknown budget_category 'grants'").contains("did you mean 'grant'?"))
        .anySatisfy(r -> assertThat(r).contains("on_bad_row must be error or skip, not 'maybe'"))
        .anySatisfy(r -> assertThat(r).contains("budget_period needs both start and end"))
        .anySatisfy(r -> assertThat(r).contains("source 's' has no grantee"));
    Problems dates = new Problems(ExitKind.DEFINITION);
    new PbBallotConnector().validate(f.source("s", "g", "files: x.csv\ndate: 16/05/2024\nbudget_period: { start: 2025-01-01, end: 2024-01-01 }\n"), dates);
    assertThat(dates.list()).extracting(p -> p.render())
        .anySatisfy(r -> assertThat(r).contains("date must be a date written YYYY-MM-DD, not '16/05/2024'"))
        .anySatisfy(r -> assertThat(r).contains("budget_period ends (2024-01-01) before it starts (2025-01-01)"));
    Problems none = new Problems(ExitKind.DEFINITION);
    new PbBallotConnector().validate(f.source("s", "g", "files: nowhere/*.csv\ndate: 2024-05-16\n"), none);
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void pullWithoutADateIsADefinitionErrorBeforeAnyDataIsRead() throws Exception {
    ConnectorFixture f = fixture();
    f.resource("/participation/ballot.csv", "exports/ballot.csv");
    assertThatThrownBy(() -> f.pull("gb", "g", "files: exports/ballot.csv\ncurrency: ISK\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
          assertThat(e.problems()).extracting(p -> p.message()).anySatisfy(m -> assertThat(m).contains("needs 'date:'"));
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().id())).contains("pb-ballot");
  }
}
