package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine on the engine tests' store; expected numbers are counted by hand from ImpactStoreFixture's rows. */
class SparkEngineTest {

  @TempDir
  Path dir;

  private static final Period OCTOBER = Periods.month(YearMonth.of(2026, 10));

  private static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        events: { label: Events, type: count }
        value: { label: Value, type: sum, of: amount }
        typical: { label: Typical, type: median, of: amount }
        cost: { label: Cost, type: sum, table: costs, of: amount }
        deprived: { label: Deprived events, type: count, where: deprivation_decile <= 3 }
      """);

  private static AtomTable run(SparkEngine engine, List<String> dims, String... metrics) {
    CompiledQuery q = new QuerySqlBuilder(engine.dialect(), new MoneyRules("GBP", Map.of()), engine.hasAreas())
        .build(new QueryPlanner(CATALOG).plan(new MetricQuery(List.of(metrics), dims, OCTOBER)));
    return engine.run(q, OCTOBER);
  }

  @Test
  void readsThePartitionedStoreWithSourceFromTheFolderName() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    try (SparkEngine engine = new SparkEngine(f.store(), f.areasFile(), ImpactStoreFixture.LONDON, null)) {
      assertThat(engine.hasAreas()).isTrue();
      assertThat(engine.version()).isEqualTo("spark 4.2.0");
      assertThat(engine.dialect().name()).isEqualTo("spark");
      AtomTable t = run(engine, List.of("source", "grantee"), "events");
      // October rows per (source, grantee): peerby 8 kirklees and 6 leeds, repair-cafe 8 kirklees
      assertThat(t.rows()).extracting(AtomTable.Row::dims).containsExactly(
          Arrays.asList("peerby", "kirklees"), Arrays.asList("peerby", "leeds"), Arrays.asList("repair-cafe", "kirklees"));
      assertThat(t.rows()).extracting(r -> r.values().get(0)).containsExactly(8.0, 6.0, 8.0);
    }
  }

  @Test
  void joinsTheAreasFileAndGivesDecilesAsText() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    try (SparkEngine engine = new SparkEngine(f.store(), f.areasFile(), ImpactStoreFixture.LONDON, null)) {
      // October rows in E01000001 (decile 1): r02 r05 r09 r10 r16 r17 r20 = 7; E01000002 (decile 3): r06 r07 r24 r18 r19 r21 r22 = 7
      AtomTable t = run(engine, List.of("deprivation_decile"), "events");
      assertThat(t.rows()).extracting(AtomTable.Row::dims)
          .containsExactly(List.of("1"), List.of("3"), List.of("8"), Arrays.asList((String) null));
      assertThat(t.rows().get(0).values()).containsExactly(7.0);
      assertThat(t.rows().get(1).values()).containsExactly(7.0);
    }
  }

  @Test
  void onlyTheDeclaredSourcesCount() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    try (SparkEngine engine = new SparkEngine(f.store(), null, ImpactStoreFixture.LONDON, Set.of("repair-cafe"))) {
      assertThat(run(engine, List.of(), "events").rows().get(0).values()).containsExactly(8.0);
    }
  }

  @Test
  void anEmptyStoreGivesZerosAndNullsWithoutDimensions() {
    try (SparkEngine engine = new SparkEngine(new StoreLayout(dir.resolve("store")), null, ImpactStoreFixture.LONDON, null)) {
      assertThat(engine.hasAreas()).isFalse();
      AtomTable t = run(engine, List.of(), "events", "value", "typical", "cost");
      assertThat(t.rows()).hasSize(1);
      assertThat(t.rows().get(0).values()).containsExactly(0.0, 0.0, null, 0.0);
      assertThat(run(engine, List.of("grantee"), "events", "cost").rows()).isEmpty();
    }
  }

  @Test
  void aDamagedStoreFileIsBadDataNamingTheFileAndTheSourceToPullAgain() throws Exception {
    Path file = dir.resolve("store/activity/source=loans/month=2026-10/part-0.parquet");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not parquet");
    try (SparkEngine engine = new SparkEngine(new StoreLayout(dir.resolve("store")), null, ImpactStoreFixture.LONDON, null)) {
      assertThatThrownBy(() -> run(engine, List.of(), "events"))
          .isInstanceOfSatisfying(SpotlightException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExitKind.DATA);
            assertThat(e.problems().get(0).render()).startsWith(file + ": the store holds an unreadable Parquet file")
                .endsWith("(run spotlight pull --source loans to rewrite it)")
                .doesNotContain("\n");
          });
    }
  }

  @Test
  void areaDimensionsWithoutAnAreasFileAreADefinitionError() {
    ImpactStoreFixture f = ImpactStoreFixture.write(dir);
    try (SparkEngine engine = new SparkEngine(f.store(), null, ImpactStoreFixture.LONDON, null)) {
      assertThatThrownBy(() -> run(engine, List.of(), "deprived"))
          .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION));
    }
  }

  @Test
  void aBadAreasFileIsTheSameDataErrorAsOnDuckDb() throws Exception {
    Path areas = dir.resolve("areas.csv");
    Files.writeString(areas, "area_code,name,local_authority,population,deprivation_decile\nE1,One,K,12,11\n");
    assertThatThrownBy(() -> new SparkEngine(new StoreLayout(dir.resolve("store")), areas, ImpactStoreFixture.LONDON, null))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).isEqualTo(areas + ":2: deprivation_decile must be 1 to 10, not '11'");
        });
  }
}
