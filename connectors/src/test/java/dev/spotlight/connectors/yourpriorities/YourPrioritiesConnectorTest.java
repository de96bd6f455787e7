package dev.spotlight.connectors.yourpriorities;

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
import java.time.LocalDateTime;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YourPrioritiesConnectorTest {

  @TempDir Path dir;

  private static final String OPTIONS = "files: exports/*.xlsx\narea_column: Hverfi\n";

  private static Object[] post(Object created, Object id, String user, String email, String name, Object lat, Object lon, String category,
      Object up, Object down, Object points, String hverfi) {
    return new Object[] {created, "published", id, user, email, name, "A longer description by " + user, "is", lat, lon,
        "https://betri.is/post/" + id, category, up, down, points, "05/10/24 15:00 - Bjarni - bjarni@example.is\n\nGood idea", "", "", "", "", hverfi};
  }

  private static Object[] point(Object postId, String created, String user, String email, String value, Object helpful, Object unhelpful) {
    return new Object[] {55, postId, "Post name", "published", created, user, email, value, helpful, unhelpful, "en", "Text by " + user, "", ""};
  }

  private static final Object[][] POSTS = {
      post("05/10/24 14:30", 101, "Anna Jónsdóttir", "anna@example.is", "More benches", 64.14, -21.94, "Parks", 12, 3, 2, "Vesturbær"),
      post("31/10/24 23:30", 102, "Bjarni", "bjarni@example.is", "Bike lane", "", "", "Transport", 0, 4, 1, "Hlíðar"),
      // a spreadsheet program turned this Created into a real date cell
      post(LocalDateTime.of(2024, 11, 1, 0, 15), 103, "Anna Jónsdóttir", "anna@example.is", "Tree planting", "", "", " ", 7, 0, 0, "Vesturbær")};

  private static final Object[][] POINTS = {
      point(101, "05/10/24 15:00", "Bjarni", "bjarni@example.is", "Point for", 2, 0),
      point(101, "06/10/24 09:00", "Cara", "cara@example.is", "Point against", 0, 1),
      point(102, "01/11/24 08:00", "Anna Jónsdóttir", "anna@example.is", "Comment", 0, 0)};

  private ConnectorFixture fixture() {
    return new ConnectorFixture(dir, new YourPrioritiesConnector());
  }

  @Test
  void postsAreIdeasVoteCountsAreVotesAndPointsAreDebate() throws Exception {
    ConnectorFixture f = fixture();
    ExportWorkbook.group(POSTS, POINTS).write(dir.resolve("exports/group-55.xlsx"));

    SourcePull.Outcome out = f.pull("betri", "reykjavik", OPTIONS);

    assertThat(out.result().recordsRead()).isEqualTo(6);
    assertThat(out.result().rowsKept()).isEqualTo(6);
    assertThat(out.result().skipped()).isEmpty();
    // 3 ideas + 4 non-zero vote counts (101 up and down, 102 down, 103 up) + 3 points
    assertThat(out.written().activityRows()).isEqualTo(10);
    String anna = ConnectorFixture.hmac("anna@example.is");
    String bjarni = ConnectorFixture.hmac("bjarni@example.is");
    String cara = ConnectorFixture.hmac("cara@example.is");
    assertThat(f.query("SELECT event_id, event_type, platform_kind, grantee, occurred_on, strftime(occurred_at, '%Y-%m-%d %H:%M'), participant,"
        + " area_code, lat, lon, quantity, attributes['category'], attributes['direction'], attributes['stance'], origin, origin_row"
        + " FROM activity ORDER BY event_id"))
        .containsExactly(
            "101|idea.submitted|participation|reykjavik|2024-10-05|2024-10-05 13:30|" + anna + "|Vesturbær|64.14|-21.94|null|Parks|null|null|exports/group-55.xlsx|2",
            "101:point:1|idea.debated|participation|reykjavik|2024-10-05|2024-10-05 14:00|" + bjarni + "|Vesturbær|null|null|null|Parks|null|for|exports/group-55.xlsx|2",
            "101:point:2|idea.debated|participation|reykjavik|2024-10-06|2024-10-06 08:00|" + cara + "|Vesturbær|null|null|null|Parks|null|against|exports/group-55.xlsx|3",
            "101:votes-down|vote.cast|participation|reykjavik|2024-10-05|2024-10-05 13:30|null|Vesturbær|64.14|-21.94|3.0|Parks|down|null|exports/group-55.xlsx|2",
            "101:votes-up|vote.cast|participation|reykjavik|2024-10-05|2024-10-05 13:30|null|Vesturbær|64.14|-21.94|12.0|Parks|up|null|exports/group-55.xlsx|2",
            "102|idea.submitted|participation|reykjavik|2024-10-31|2024-10-31 23:30|" + bjarni + "|Hlíðar|null|null|null|Transport|null|null|exports/group-55.xlsx|3",
            "102:point:1|idea.debated|participation|reykjavik|2024-11-01|2024-11-01 08:00|" + anna + "|Hlíðar|null|null|null|Transport|null|comment|exports/group-55.xlsx|4",
            "102:votes-down|vote.cast|participation|reykjavik|2024-10-31|2024-10-31 23:30|null|Hlíðar|null|null|4.0|Transport|down|null|exports/group-55.xlsx|3",
            "103|idea.submitted|participation|reykjavik|2024-11-01|2024-11-01 00:15|" + anna + "|Vesturbær|null|null|null|null|null|null|exports/group-55.xlsx|4",
            "103:votes-up|vote.cast|participation|reykjavik|2024-11-01|2024-11-01 00:15|null|Vesturbær|null|null|7.0|null|up|null|exports/group-55.xlsx|4");
    // 12 + 7 up votes and 3 + 4 down votes in the sheet
    assertThat(f.query("SELECT attributes['direction'], sum(quantity) FROM activity WHERE event_type = 'vote.cast' GROUP BY 1 ORDER BY 1"))
        .containsExactly("down|7.0", "up|19.0");
    assertThat(f.query("SELECT attributes['post_id'], attributes['helpful'], attributes['unhelpful'], attributes['language'] FROM activity"
        + " WHERE event_type = 'idea.debated' ORDER BY event_id")).containsExactly("101|2|0|en", "101|0|1|en", "102|0|0|en");
    assertThat(f.query("SELECT attributes['url'], attributes['points'], attributes['locale'], attributes['status'] FROM activity WHERE event_id = '101'"))
        .containsExactly("https://betri.is/post/101|2|is|published");
  }

  @Test
  void namesEmailsAndFreeTextNeverReachTheStore() throws Exception {
    ConnectorFixture f = fixture();
    ExportWorkbook.group(POSTS, POINTS).write(dir.resolve("exports/group-55.xlsx"));
    f.pull("betri", "reykjavik", OPTIONS);
    try (var files = Files.walk(f.store.root())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        assertThat(bytes).as(p.toString()).doesNotContain("example.is").doesNotContain("Jónsdóttir").doesNotContain("Bjarni")
            .doesNotContain("More benches").doesNotContain("description").doesNotContain("Good idea").doesNotContain("Text by");
      }
    }
  }

  @Test
  void sheetsAreFoundByNameWhenNamedAndTheAreaColumnIsOptional() throws Exception {
    ConnectorFixture f = fixture();
    new ExportWorkbook().sheet("Notes", java.util.List.of("x"), new Object[][] {{"y"}})
        .sheet("Ideas", ExportWorkbook.POST_HEADERS, POSTS).sheet("Arguments", ExportWorkbook.POINT_HEADERS, POINTS)
        .write(dir.resolve("exports/renamed.xlsx"));
    assertThatThrownBy(() -> f.pull("b", "g", "files: exports/renamed.xlsx\n"))
        .hasMessageContaining("renamed.xlsx: no sheet whose name starts with 'Posts' (the workbook's sheets are: Notes, Ideas, Arguments;");
    SourcePull.Outcome out = f.pull("b", "g", "files: exports/renamed.xlsx\nposts_sheet: Ideas\npoints_sheet: Arguments\n");
    assertThat(out.written().activityRows()).isEqualTo(10);
    assertThat(f.query("SELECT count(*) FROM activity WHERE area_code IS NOT NULL")).containsExactly("0");
  }

  @Test
  void aMissingSheetOrColumnIsBadInputNamingTheFile() throws Exception {
    ConnectorFixture f = fixture();
    Path onlyPosts = new ExportWorkbook().sheet("Posts - G", ExportWorkbook.POST_HEADERS, POSTS).write(dir.resolve("a/only-posts.xlsx"));
    assertThatThrownBy(() -> f.pull("b", "g", "files: a/*.xlsx\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(onlyPosts + ": no sheet whose name starts with 'Points'");
        });
    var headers = new java.util.ArrayList<>(ExportWorkbook.POST_HEADERS);
    headers.set(headers.indexOf("Up Votes"), "Upvotes");
    Path renamed = new ExportWorkbook().sheet("Posts - G", headers, POSTS).sheet("Points - G", ExportWorkbook.POINT_HEADERS, POINTS)
        .write(dir.resolve("b/renamed-column.xlsx"));
    assertThatThrownBy(() -> f.pull("b", "g", "files: b/*.xlsx\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render())
              .isEqualTo(renamed + ": sheet 'Posts - G' has no column 'Up Votes' (did you mean 'Upvotes'?)");
        });
    assertThatThrownBy(() -> f.pull("b", "g", "files: exports/*.xlsx\narea_column: Neighbourhood\n"))
        .hasMessageContaining("no file matches");
    ExportWorkbook.group(POSTS, POINTS).write(dir.resolve("c/group.xlsx"));
    assertThatThrownBy(() -> f.pull("b", "g", "files: c/*.xlsx\narea_column: Hverfi2\n"))
        .hasMessageContaining("group.xlsx: sheet 'Posts - Hverfið mitt' has no column 'Hverfi2' (did you mean 'Hverfi'?)");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void aBadDateStopsThePullWithSheetAndRowOrIsSkippedAndCounted() throws Exception {
    ConnectorFixture f = fixture();
    Object[][] posts = POSTS.clone();
    posts[1] = post("32/10/24 23:30", 102, "Bjarni", "bjarni@example.is", "Bike lane", "", "", "Transport", 0, 4, 1, "Hlíðar");
    Path file = ExportWorkbook.group(posts, POINTS).write(dir.resolve("exports/group-55.xlsx"));
    assertThatThrownBy(() -> f.pull("betri", "reykjavik", OPTIONS))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).render()).isEqualTo(file + ":3:1: sheet 'Posts - Hverfið mitt' row 3: cannot read '32/10/24 23:30'"
              + " as a date-time in column 'Created' (the export writes DD/MM/YY HH:mm, e.g. 05/10/24 14:30; or set on_bad_row: skip to skip and count such rows)");
        });
    assertThat(f.storeIsEmpty()).isTrue();

    SourcePull.Outcome out = f.pull("betri", "reykjavik", OPTIONS + "on_bad_row: skip\n");
    // post 102 is bad, so its one point has no post
    assertThat(out.result().skipped()).containsOnly(Map.entry("unreadable created time", 1L), Map.entry("unknown post", 1L));
    assertThat(out.result().recordsRead()).isEqualTo(6);
    assertThat(out.result().rowsKept()).isEqualTo(4);
    assertThat(f.query("SELECT event_id FROM activity ORDER BY 1"))
        .containsExactly("101", "101:point:1", "101:point:2", "101:votes-down", "101:votes-up", "103", "103:votes-up");
  }

  @Test
  void otherBadRowsAreWordedWithTheirColumn() throws Exception {
    ConnectorFixture f = fixture();
    Object[][] posts = {POSTS[0], post("31/10/24 23:30", 102, "B", "b@example.is", "x", "", "", "T", "many", 4, 1, "H"), POSTS[0]};
    Path file = ExportWorkbook.group(posts, new Object[][] {point(101, "05/10/24 15:00", "B", "b@example.is", "Maybe", 0, 0)})
        .write(dir.resolve("exports/bad.xlsx"));
    assertThatThrownBy(() -> f.pull("b", "g", OPTIONS))
        .hasMessageStartingWith(file + ":3:13: sheet 'Posts - Hverfið mitt' row 3: cannot read 'many' as a number of votes in column 'Up Votes'");
    SourcePull.Outcome out = f.pull("b", "g", OPTIONS + "on_bad_row: skip\n");
    assertThat(out.result().skipped()).containsOnly(Map.entry("unreadable up votes", 1L), Map.entry("duplicate post id", 1L),
        Map.entry("unknown point value", 1L));
    assertThat(out.result().rowsKept()).isEqualTo(1);
  }

  @Test
  void validateChecksOptionsAndTheConnectorIsRegistered() {
    Problems problems = new Problems(ExitKind.DEFINITION);
    new YourPrioritiesConnector().validate(fixture().source("b", null, "files: x.xlsx\npost_sheet: P\non_bad_row: maybe\n"), problems);
    assertThat(problems.list()).extracting(p -> p.message())
        .anySatisfy(m -> assertThat(m).contains("post_sheet"))
        .anySatisfy(m -> assertThat(m).isEqualTo("on_bad_row must be error or skip, not 'maybe'"))
        .anySatisfy(m -> assertThat(m).isEqualTo("source 'b' has no grantee"));
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().id())).contains("your-priorities");
  }
}
