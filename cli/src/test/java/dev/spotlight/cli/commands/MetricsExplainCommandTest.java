package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsExplainCommandTest {

  @TempDir Path dir;

  @Test
  void eachEnginePrintsItsOwnSql() {
    InitProject p = InitProject.create(dir);
    Cli.Result duck = Cli.run("metrics", "explain", "participants", "-p", p.file(), "--period", "2026-10");
    assertThat(duck.exit()).as(duck.toString()).isZero();
    assertThat(duck.out()).startsWith("-- engine: duckdb, period 2026-10 (2026-10-01 .. 2026-10-31)\n")
        .contains("count(DISTINCT \"participant\")", "strftime(a.\"occurred_on\", '%Y-%m')");

    Cli.Result spark = Cli.run("metrics", "explain", "participants", "-p", p.file(), "--period", "2026-10", "--engine", "spark");
    assertThat(spark.exit()).as(spark.toString()).isZero();
    assertThat(spark.err()).isEmpty();
    assertThat(spark.out()).startsWith("-- engine: spark, period 2026-10 (2026-10-01 .. 2026-10-31)\n")
        .contains("count(DISTINCT `participant`)", "date_format(a.`occurred_on`, 'yyyy-MM')")
        .doesNotContain("strftime")
        .endsWith("-- parameters: [GBP, 2026-10-01, 2026-10-31]\n");
  }

  @Test
  void anUnknownEngineIsAUsageError() {
    InitProject p = InitProject.create(dir);
    Cli.assertFailed(Cli.run("metrics", "explain", "participants", "-p", p.file(), "--engine", "oracle"), 2,
        "unknown engine 'oracle' (use duckdb or spark)");
  }
}
