package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTestCommandTest {

  @TempDir Path dir;

  /**
   * The init project (Europe/London, min_cell 5) with test data: grantee g has 6 completed loans by
   * t1..t6, grantee h 2 by t7 (2 and 1 are below 5, so both are suppressed). t8's loan at 23:30 on
   * 30 September is outside October.
   */
  private InitProject project() throws IOException {
    InitProject p = InitProject.create(dir);
    Path data = p.dir().resolve("metrics/tests/tiny");
    Files.createDirectories(data);
    Files.writeString(data.resolve("activity.csv"), """
        grantee,event_type,occurred_at,participant
        g,share.completed,2026-10-01 09:00,t1
        g,share.completed,2026-10-02 09:00,t2
        g,share.completed,2026-10-03 09:00,t3
        g,share.completed,2026-10-04 09:00,t4
        g,share.completed,2026-10-05 09:00,t5
        g,share.completed,2026-10-06 09:00,t6
        g,share.requested,2026-10-07 09:00,t1
        h,share.completed,2026-10-08 09:00,t7
        h,share.completed,2026-10-09 09:00,t7
        h,share.completed,2026-09-30 23:30,t8
        """);
    Files.writeString(p.metrics(), Files.readString(p.metrics()) + """
        tests:
          - name: loans and people by grantee
            data: tests/tiny
            query: { metrics: [items_shared, participants], by: [grantee], period: 2026-10 }
            expect:
              - { grantee: g, items_shared: 6, participants: 6 }       # t1..t6, one loan each
              - { grantee: h, items_shared: null, participants: null } # 2 loans by 1 person: suppressed
          - name: people in October
            data: tests/tiny
            query: { metrics: [participants], period: 2026-10 }
            expect: [ { participants: 7 } ]                            # t1..t7
        """);
    return p;
  }

  @Test
  void everyTestRunsOnBothEnginesByDefault() throws IOException {
    InitProject p = project();
    Cli.Result r = Cli.run("metrics", "test", "-p", p.file());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("""
        ok   metrics/impact.yaml: loans and people by grantee (duckdb)
        ok   metrics/impact.yaml: loans and people by grantee (spark)
        ok   metrics/impact.yaml: people in October (duckdb)
        ok   metrics/impact.yaml: people in October (spark)
        4 passed, 0 failed
        """);
  }

  @Test
  void engineNarrowsToOneEngine() throws IOException {
    InitProject p = project();
    Cli.Result r = Cli.run("metrics", "test", "-p", p.file(), "--engine", "duckdb");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("""
        ok   metrics/impact.yaml: loans and people by grantee (duckdb)
        ok   metrics/impact.yaml: people in October (duckdb)
        2 passed, 0 failed
        """);
    Cli.assertFailed(Cli.run("metrics", "test", "-p", p.file(), "--engine", "sqlite"), 2, "unknown engine 'sqlite' (use duckdb or spark)");
  }

  @Test
  void aFailingTestExitsFiveAndSaysWhatDiffers() throws IOException {
    InitProject p = project();
    p.edit(p.metrics(), "{ grantee: g, items_shared: 6,", "{ grantee: g, items_shared: 7,");
    Cli.Result r = Cli.run("metrics", "test", "-p", p.file(), "--engine", "duckdb");
    assertThat(r.exit()).as(r.toString()).isEqualTo(5);
    assertThat(r.out()).isEqualTo("""
        FAIL metrics/impact.yaml: loans and people by grantee (duckdb): grantee=g items_shared expected 7, got 6.0
        ok   metrics/impact.yaml: people in October (duckdb)
        1 passed, 1 failed
        """);
  }

  @Test
  void metricChoosesTheTestsThatComputeIt() throws IOException {
    InitProject p = project();
    Cli.Result r = Cli.run("metrics", "test", "-p", p.file(), "--metric", "items_shared", "--engine", "duckdb");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("""
        ok   metrics/impact.yaml: loans and people by grantee (duckdb)
        1 passed, 0 failed
        """);
  }

  @Test
  void aMalformedTestsBlockExitsThree() throws IOException {
    InitProject p = project();
    p.edit(p.metrics(), "    data: tests/tiny\n    query: { metrics: [participants]", "    data: tests/tinny\n    query: { metrics: [participants]");
    Cli.Result r = Cli.run("metrics", "test", "-p", p.file());
    Cli.assertFailed(r, 3, "metrics/impact.yaml:30:11: data folder 'tests/tinny' does not exist "
        + "(data: is a folder of activity.csv, costs.csv and areas.csv, relative to the metric file's folder)");
  }

  @Test
  void theCoreCataloguesOwnTestsRunWhenTheProjectLoadsItWhateverItsMinCell() throws IOException {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "  - metrics/impact.yaml", "  - catalog: core");
    // every catalogue test (one per core metric, plus one by local authority); CatalogTestsParityTest
    // runs them all on Spark too, so here Spark runs one of them
    Cli.Result r = Cli.run("metrics", "test", "-p", p.file(), "--engine", "duckdb");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("ok   catalog:core: participants (duckdb)\n" + "ok   catalog:core: events (duckdb)\n")
        .contains("ok   catalog:core: alert_acceptance_rate (duckdb)\n", "ok   catalog:core: cost_per_outcome (duckdb)\n")
        .endsWith("33 passed, 0 failed\n");
    assertThat(Cli.run("metrics", "test", "-p", p.file(), "--metric", "crowd_leverage").out())
        .isEqualTo("ok   catalog:core: crowd_leverage (duckdb)\n" + "ok   catalog:core: crowd_leverage (spark)\n" + "2 passed, 0 failed\n");
    // the test data was copied to a scratch folder under the store, and is gone
    assertThat(p.dir().resolve(".spotlight/store/.tmp")).satisfiesAnyOf(
        d -> assertThat(d).doesNotExist(), d -> assertThat(Files.list(d)).noneMatch(f -> f.getFileName().toString().startsWith("catalog-tests-")));
  }
}
