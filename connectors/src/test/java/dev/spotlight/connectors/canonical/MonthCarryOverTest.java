package dev.spotlight.connectors.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.store.StoreLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonthCarryOverTest {

  private static final LiveCoverage OCTOBER = new LiveCoverage(List.of(YearMonth.of(2026, 10)), null);

  @TempDir Path dir;
  private StoreLayout store;
  private Connection c;
  private Path current;
  private Path work;
  private Path staged;

  @BeforeEach
  void setUp() throws Exception {
    store = new StoreLayout(dir.resolve("store"));
    c = DriverManager.getConnection("jdbc:duckdb:");
    current = store.root().resolve("activity/source=city");
    // the store before the pull: September (s1, s2), October (o1), November (n1, and 106:fixed an October request's closure)
    write(current.resolve("month=2026-09/part-0.parquet"), "s1", "s2");
    write(current.resolve("month=2026-10/part-0.parquet"), "o1");
    write(current.resolve("month=2026-11/part-0.parquet"), "n1", "106:fixed");
    // the pull: October again (o2, 106) and 106's closure, now dated in December
    work = store.scratchDir().resolve("pull-1");
    staged = work.resolve("activity");
    write(staged.resolve("month=2026-10/part-0.parquet"), "o2", "106");
    write(staged.resolve("month=2026-12/part-0.parquet"), "106:fixed");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE staged_activity AS SELECT * FROM (VALUES ('o2'), ('106'), ('106:fixed')) t(event_id)");
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    c.close();
  }

  private void write(Path file, String... ids) throws Exception {
    Files.createDirectories(file.getParent());
    List<String> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add("('" + id + "', 1.5)");
    }
    try (Statement s = c.createStatement()) {
      s.execute("COPY (SELECT * FROM (VALUES " + String.join(", ", rows) + ") t(event_id, quantity)) TO '" + file + "' (FORMAT parquet)");
    }
  }

  /** month|event_id of every row under {@code root}, in order. */
  private List<String> rows(Path root) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT month, event_id FROM read_parquet('" + root + "/*/*.parquet', hive_partitioning = true) ORDER BY 1, 2")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "|" + rs.getString(2));
      }
    }
    return out;
  }

  private static final List<String> BEFORE = List.of("2026-09|s1", "2026-09|s2", "2026-10|o1", "2026-11|106:fixed", "2026-11|n1");

  @Test
  void monthsOutsideThePullAreCarriedAndAnEventBroughtAgainIsKeptOnce() throws Exception {
    // o1 is in the month pulled, 106:fixed was pulled again
    assertThat(MonthCarryOver.carry(c, current, staged, OCTOBER, "staged_activity")).isEqualTo(2);
    assertThat(rows(staged)).containsExactly("2026-09|s1", "2026-09|s2", "2026-10|106", "2026-10|o2", "2026-11|n1", "2026-12|106:fixed");
    // September is the same file, linked; November was rewritten without 106:fixed
    assertThat(Files.isSameFile(staged.resolve("month=2026-09/part-0.parquet"), current.resolve("month=2026-09/part-0.parquet"))).isTrue();
    assertThat(staged.resolve("month=2026-11/part-0.parquet")).doesNotExist();
    assertThat(staged.resolve("month=2026-11/carried-0.parquet")).exists();
    // the current folder is untouched
    assertThat(rows(current)).containsExactlyElementsOf(BEFORE);
  }

  @Test
  void aPullThatStagedNothingCarriesEveryOtherMonthAndEmptiesItsOwn() throws Exception {
    SourceSwap.deleteTree(staged);
    Files.createDirectories(staged);
    MonthCarryOver.carry(c, current, staged, OCTOBER, null);
    assertThat(rows(staged)).containsExactly("2026-09|s1", "2026-09|s2", "2026-11|106:fixed", "2026-11|n1");
  }

  @Test
  void aSourceNeverPulledHasNothingToCarry() throws Exception {
    assertThat(MonthCarryOver.carry(c, store.root().resolve("activity/source=new"), staged, OCTOBER, "staged_activity")).isZero();
  }

  @Test
  void aCrashBeforeTheSwapLeavesTheSourceAsItWas() throws Exception {
    MonthCarryOver.carry(c, current, staged, OCTOBER, "staged_activity");
    // killed here: no journal yet
    try (StoreLock lock = StoreLock.acquire(store, true, Duration.ofSeconds(1), m -> {})) {
      assertThat(rows(current)).containsExactlyElementsOf(BEFORE);
      assertThat(store.scratchDir()).isEmptyDirectory();
    }
  }

  @Test
  void aCrashDuringTheSwapIsRolledBackWithEveryMonth() throws Exception {
    MonthCarryOver.carry(c, current, staged, OCTOBER, "staged_activity");
    // killed after the journal was written and the new folder moved in, before the old one was deleted
    Files.writeString(work.resolve("journal"), staged + "\t" + current + "\t" + work.resolve("old-0") + "\n");
    Files.move(current, work.resolve("old-0"));
    Files.move(staged, current);
    try (StoreLock lock = StoreLock.acquire(store, true, Duration.ofSeconds(1), m -> {})) {
      assertThat(rows(current)).containsExactlyElementsOf(BEFORE);
      assertThat(store.scratchDir()).isEmptyDirectory();
    }
  }

  @Test
  void aCompletedSwapKeepsTheCarriedMonthsAfterTheOldFolderIsDeleted() throws Exception {
    MonthCarryOver.carry(c, current, staged, OCTOBER, "staged_activity");
    Files.createDirectories(work.resolve("costs"));
    SourceSwap.swap(work, List.of(staged, work.resolve("costs")), List.of(current, store.root().resolve("costs/source=city")));
    assertThat(rows(current)).containsExactly("2026-09|s1", "2026-09|s2", "2026-10|106", "2026-10|o2", "2026-11|n1", "2026-12|106:fixed");
    assertThat(work).doesNotExist();
  }

  @Test
  void anEventDatedByItsRecordFollowsTheRecordsMonth() throws Exception {
    SourceSwap.deleteTree(store.root());
    // Open311-like: request 90 made in September and closed in October, 101 made in October and closed in November
    write(current.resolve("month=2026-09/part-0.parquet"), "90");
    write(current.resolve("month=2026-10/part-0.parquet"), "101", "90:fixed");
    write(current.resolve("month=2026-11/part-0.parquet"), "101:fixed");
    // October pulled again: 101 was reopened, so it has no closure any more
    write(staged.resolve("month=2026-10/part-0.parquet"), "101");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE staged_activity AS SELECT * FROM (VALUES ('101')) t(event_id)");
    }
    LiveCoverage october = new LiveCoverage(List.of(YearMonth.of(2026, 10)), "regexp_replace(event_id, ':(fixed|closed)$', '')");
    // 101 and 101:fixed are October's requests; 90:fixed belongs to September's request 90, which this pull did not ask for
    assertThat(MonthCarryOver.carry(c, current, staged, october, "staged_activity")).isEqualTo(2);
    assertThat(rows(staged)).containsExactly("2026-09|90", "2026-10|101", "2026-10|90:fixed");
    assertThat(staged.resolve("month=2026-11")).doesNotExist();
    assertThat(Files.isSameFile(staged.resolve("month=2026-09/part-0.parquet"), current.resolve("month=2026-09/part-0.parquet"))).isTrue();
  }
}
