package dev.spotlight.metrics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.model.Periods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRelationsTest {

  @TempDir
  Path root;

  private StoreLayout store;

  private Path touch(String relative) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "");
  }

  @BeforeEach
  void writeStore() throws IOException {
    store = new StoreLayout(root);
    for (String month : List.of("2026-08", "2026-09", "2026-10", "2026-11", "2027-01")) {
      touch("activity/source=a/month=" + month + "/data_0.parquet");
    }
    touch("activity/source=b/month=2026-10/data_0.parquet");
    touch("activity/source=b/month=2026-10/.staging/data_1.parquet");
    touch("activity/source=b/month=2026-10/notes.txt");
    touch("costs/source=grants/costs.parquet");
    touch("costs/source=staff/costs.parquet");
  }

  private List<String> activity(String period) {
    return StoreRelations.activityFiles(store, Periods.parse(period, LocalDate.of(2026, 12, 1))).stream()
        .map(p -> root.relativize(p).toString()).toList();
  }

  @Test
  void aMonthReadsOnlyItsOwnPartitions() {
    assertThat(activity("2026-10")).containsExactly(
        "activity/source=a/month=2026-10/data_0.parquet", "activity/source=b/month=2026-10/data_0.parquet");
  }

  @Test
  void aRangeReadsEveryMonthItTouchesEvenPartly() {
    assertThat(activity("2026-09-30..2026-11-01")).containsExactly(
        "activity/source=a/month=2026-09/data_0.parquet",
        "activity/source=a/month=2026-10/data_0.parquet",
        "activity/source=a/month=2026-11/data_0.parquet",
        "activity/source=b/month=2026-10/data_0.parquet");
  }

  @Test
  void aPeriodAcrossNewYearReadsBothYears() {
    assertThat(activity("2026-Q4")).hasSize(3);
    assertThat(activity("2026-11-15..2027-01-15")).containsExactly(
        "activity/source=a/month=2026-11/data_0.parquet", "activity/source=a/month=2027-01/data_0.parquet");
  }

  @Test
  void aPeriodWithNoPartitionsReadsNothing() {
    assertThat(activity("2025")).isEmpty();
    assertThat(StoreRelations.activityFiles(new StoreLayout(root.resolve("nothing-here")), Periods.month(YearMonth.of(2026, 10)))).isEmpty();
  }

  @Test
  void filesOutsideAMonthFolderAreAlwaysRead() throws IOException {
    touch("activity/source=c/loose.parquet");
    touch("activity/source=c/extra/month=2026-08/deep.parquet");
    touch("activity/source=c/extra/month=2026-10/deep.parquet");
    assertThat(activity("2026-10")).containsExactly(
        "activity/source=a/month=2026-10/data_0.parquet", "activity/source=b/month=2026-10/data_0.parquet",
        "activity/source=c/extra/month=2026-10/deep.parquet", "activity/source=c/loose.parquet");
  }

  @Test
  void aStoreBelowAFolderNamedLikeAMonthStillFiltersByThePartitionMonth() throws IOException {
    StoreLayout inner = new StoreLayout(root.resolve("month=2026-10/store"));
    for (String month : List.of("2026-09", "2026-10")) {
      Path p = inner.root().resolve("activity/source=a/month=" + month + "/data_0.parquet");
      Files.createDirectories(p.getParent());
      Files.writeString(p, "");
    }
    // as before: the first month= folder on the path decides, here the one above the store
    assertThat(StoreRelations.activityFiles(inner, Periods.month(YearMonth.of(2026, 10)))).hasSize(2);
  }

  @Test
  void costsAreReadWhole() {
    assertThat(StoreRelations.costFiles(store)).extracting(p -> root.relativize(p).toString())
        .containsExactly("costs/source=grants/costs.parquet", "costs/source=staff/costs.parquet");
  }

  @Test
  void theSourceOfAFileIsItsSourceFolder() {
    assertThat(StoreRelations.sourceOf(root.resolve("activity/source=peer-by/month=2026-10/x.parquet"))).isEqualTo("peer-by");
  }

  @Test
  void theEmptyRelationHasEveryColumnTyped() {
    String sql = StoreRelations.emptyRelation(CanonicalTable.COSTS);
    assertThat(sql).startsWith("SELECT CAST(NULL AS VARCHAR) AS \"source\", ").endsWith(" WHERE false")
        .contains("CAST(NULL AS DATE) AS \"period_start\"", "CAST(NULL AS DECIMAL(18,2)) AS \"amount\"");
  }
}
