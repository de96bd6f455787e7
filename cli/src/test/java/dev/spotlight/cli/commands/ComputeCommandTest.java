package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeCommandTest {

  @TempDir Path dir;

  @Test
  void aProjectWithNoMetricsComputesNothingAndSaysWhy() {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "metrics:\n  - metrics/impact.yaml\n", "");
    Cli.Result r = Cli.run("compute", "-p", p.file(), "--period", "2026-10", "--format", "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("metric,period,value,low,high,status\r\n");
    assertThat(r.errLines()).contains("spotlight: warning: the project loads no metrics: add metric files or '- catalog: core' under metrics: in spotlight.yaml");
  }

  @Test
  void theCoreCatalogueComputesOnTheInitProject() {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "  - metrics/impact.yaml", "  - catalog: core");
    p.edit(p.yaml(), "min_cell: 5", "min_cell: 0");
    assertThat(Cli.run("pull", "-p", p.file()).exit()).isZero();
    Cli.Result r = Cli.run("compute", "-p", p.file(), "--period", "2026-10", "--metric", "participants", "--metric", "outcomes",
        "--metric", "cost_per_outcome", "--format", "csv");
    assertThat(r.exit()).as(r.toString()).isZero();
    // the init export: 3 events by 2 people; the 2 completed loans evidence item_reuse; no costs, so cost per outcome is 0 / 2
    assertThat(r.out()).isEqualTo("metric,period,value,low,high,status\r\n"
        + "participants,2026-10,2,,,ok\r\noutcomes,2026-10,2,,,ok\r\ncost_per_outcome,2026-10,0,,,ok\r\n");
  }

  @Test
  void aValueMetricReportsNetAndGross() throws Exception {
    InitProject p = InitProject.create(dir);
    java.nio.file.Files.writeString(p.dir().resolve("reference/proxies.yaml"), """
        version: 1
        proxies:
          - outcome: item_reuse
            value: 12.50
            currency: GBP
            years: 2
            deadweight: 0.2
            drop_off: 0.5
            discount_rate: 0.25
            source: A worked example
        """);
    p.edit(p.yaml(), "areas: reference/areas.csv", "areas: reference/areas.csv\nproxies: reference/proxies.yaml");
    p.edit(p.yaml(), "min_cell: 5", "min_cell: 0");
    java.nio.file.Files.writeString(p.metrics(), java.nio.file.Files.readString(p.metrics()) + """
          items_shared_value:
            label: Social value of items shared
            type: value
            outcomes: items_shared
            proxy: item_reuse
        """);
    assertThat(Cli.run("pull", "-p", p.file()).exit()).isZero();
    Cli.Result r = Cli.run("compute", "-p", p.file(), "--period", "2026-10", "--metric", "items_shared_value",
        "--metric", "items_shared_value_gross", "--format", "csv");
    assertThat(r.exit()).as(r.toString()).isZero();
    // 2 loans; per loan gross = 12.50 × (1 + 0.5 / 1.25) = 12.50 × 1.4 = 17.50, so 35; net = 35 × (1 − 0.2) = 28
    assertThat(r.out()).isEqualTo("metric,period,value,low,high,status\r\n"
        + "items_shared_value,2026-10,28,,,ok\r\nitems_shared_value_gross,2026-10,35,,,ok\r\n");
  }
}
