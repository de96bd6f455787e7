package dev.spotlight.metrics.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.ImpactStoreFixture;
import dev.spotlight.metrics.TestCatalogs;
import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.plan.QueryPlanner;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.sql.QuerySqlBuilder;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEngineTest {

  @TempDir
  Path dir;

  private static final Period OCTOBER = Periods.month(YearMonth.of(2026, 10));

  private static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        events:
          label: Events
          type: count
        value:
          label: Value
          type: sum
          of: amount
        typical:
          label: Typical
          type: median
          of: amount
        cost:
          label: Cost
          type: sum
          table: costs
          of: amount
      """);

  private static AtomTable run(DuckDbEngine engine, List<String> dims, String... metrics) {
    return run(engine, OCTOBER, dims, metrics);
  }

  private static AtomTable run(DuckDbEngine engine, Period period, List<String> dims, String... metrics) {
    CompiledQuery q = new QuerySqlBuilder(engine.dialect(), new MoneyRules("GBP", Map.of()), engine.hasAreas())
        .build(new QueryPlanner(CATALOG).plan(new MetricQuery(List.of(metrics), dims, period)));
    return engine.run(q, period);
  }

  @Test
  void anEmptyStoreGivesZerosAndNullsWithoutDimensions() {
    try (DuckDbEngine engine = new DuckDbEngine(new StoreLayout(dir.resolve("store")), null, ImpactStoreFixture.LONDON)) {
      assertThat(engine.hasAreas()).isFalse();
      AtomTable t = run(engine, List.of(), "events", "value", "typical", "cost");
      assertThat(t.atoms()).containsExactly("a0", "a1", "a2", "a3");
      assertThat(t.rows()).hasSize(1);
      assertThat(t.rows().get(0).dims()).isEmpty();
      assertThat(t.rows().get(0).values()).containsExactly(0.0, 0.0, null, 0.0);
    }
  }

  @Test
  void aDamagedStoreFileIsBadDataNamingTheFileAndTheSourceToPullAgain() throws Exception {
    java.nio.file.Path file = dir.resolve("store/activity/source=loans/month=2026-10/part-0.parquet");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.writeString(file, "not parquet");
    try (DuckDbEngine engine = new DuckDbEngine(new StoreLayout(dir.resolve("store")), null, ImpactStoreFixture.LONDON)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(engine, List.of(), "events"))
          .isInstanceOfSatisfying(dev.spotlight.common.error.SpotlightException.class, e -> {
            assertThat(e.kind()).isEqualTo(dev.spotlight.common.error.ExitKind.DATA);
            assertThat(e.problems().get(0).render()).startsWith(file + ": the store holds an unreadable Parquet file")
                .endsWith("(run spotlight pull --source loans to rewrite it)");
          });
    }
  }

  @Test
  void anEmptyStoreHasNoGroups() {
    try (DuckDbEngine engine = new DuckDbEngine(new StoreLayout(dir.resolve("store")), null, ImpactStoreFixture.LONDON)) {
      assertThat(run(engine, List.of("grantee"), "events", "cost").rows()).isEmpty();
    }
  }

  @Test
  void readsThePartitionedStoreWithSourceFromTheFolderName() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    try (DuckDbEngine engine = new DuckDbEngine(f.store(), f.areasFile(), ImpactStoreFixture.LONDON)) {
      assertThat(engine.hasAreas()).isTrue();
      assertThat(engine.version()).startsWith("duckdb ");
      AtomTable t = run(engine, List.of("source", "grantee"), "events");
      assertThat(t.dimensions()).containsExactly("source", "grantee");
      // October rows per (source, grantee), from the fixture's list: peerby has 8 kirklees and 6 leeds rows,
      // repair-cafe 8 kirklees rows
      assertThat(t.rows()).extracting(AtomTable.Row::dims).containsExactly(
          Arrays.asList("peerby", "kirklees"), Arrays.asList("peerby", "leeds"), Arrays.asList("repair-cafe", "kirklees"));
      assertThat(t.rows()).extracting(r -> r.values().get(0)).containsExactly(8.0, 6.0, 8.0);
    }
  }

  @Test
  void theScratchSpaceIsInsideTheStoreAndIsNeverReadAsData() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    try (DuckDbEngine engine = new DuckDbEngine(f.store(), null, ImpactStoreFixture.LONDON)) {
      assertThat(f.store().scratchDir()).isDirectory();
      assertThat(run(engine, List.of(), "events").rows().get(0).values()).containsExactly(22.0);
    }
  }

  @Test
  void oneEngineAnswersQueriesOverDifferentPeriodsEachFromItsOwnMonths() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    try (DuckDbEngine engine = new DuckDbEngine(f.store(), null, ImpactStoreFixture.LONDON)) {
      // the fixture's list: 22 events fall in October (local time), two in September (r01, r25)
      assertThat(run(engine, List.of(), "events").rows().get(0).values()).containsExactly(22.0);
      assertThat(run(engine, Periods.month(YearMonth.of(2026, 9)), List.of(), "events").rows().get(0).values()).containsExactly(2.0);
      assertThat(run(engine, List.of(), "events").rows().get(0).values()).containsExactly(22.0);
    }
  }

  @Test
  void aQueryOfActivityOnlyDoesNotOpenTheCostsFiles() throws Exception {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    Path damaged = f.store().root().resolve("costs/source=aa-broken/costs.parquet");
    java.nio.file.Files.createDirectories(damaged.getParent());
    java.nio.file.Files.writeString(damaged, "not parquet");
    try (DuckDbEngine engine = new DuckDbEngine(f.store(), null, ImpactStoreFixture.LONDON)) {
      assertThat(run(engine, List.of(), "events").rows().get(0).values()).containsExactly(22.0);
      // a metric over costs does read them, and says which file is broken
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(engine, List.of(), "cost"))
          .isInstanceOfSatisfying(dev.spotlight.common.error.SpotlightException.class,
              e -> assertThat(e.problems().get(0).render()).startsWith(damaged + ": the store holds an unreadable Parquet file"));
    }
  }
}
