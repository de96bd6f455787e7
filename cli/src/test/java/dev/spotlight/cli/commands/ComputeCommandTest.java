package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Path;
import java.util.List;
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
    // the init export: 3 events by 2 people; the 2 completed loans evidence item_reuse; no costs, so cost per outcome is 0 / 2.
    // outcomes has a Poisson interval: the exact 95% limits for a count of 2 are 0.2422 and 7.2247 (published tables)
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("metric,period,value,low,high,status");
    assertThat(lines.get(1)).isEqualTo("participants,2026-10,2,,,ok");
    assertThat(lines.get(3)).isEqualTo("cost_per_outcome,2026-10,0,,,ok");
    String[] outcomes = lines.get(2).split(",");
    assertThat(outcomes[0] + "," + outcomes[1] + "," + outcomes[2] + "," + outcomes[5]).isEqualTo("outcomes,2026-10,2,ok");
    assertThat(Double.parseDouble(outcomes[3])).isCloseTo(0.2422, within(5e-5));
    assertThat(Double.parseDouble(outcomes[4])).isCloseTo(7.2247, within(5e-5));
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

  /** SQL written into a metric file is never run: each attempt is a definition error (exit 3), one line, at its place. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("injections")
  void injectionInAMetricFileIsRejectedWhenTheProjectLoads(String field, String at) throws Exception {
    InitProject p = InitProject.create(dir);
    java.nio.file.Files.writeString(p.metrics(), """
        version: 1
        metrics:
          shares:
            label: Shares
            type: count
          people:
            label: People
            type: count_distinct
            of: participant
          twice:
            label: Twice
            type: derived
            expr: 2
        """.replace("    type: count\n", "    type: count\n    " + (field.startsWith("where") ? field : "where: true") + "\n")
        .replace("of: participant", field.startsWith("of") ? field : "of: participant")
        .replace("expr: 2", field.startsWith("expr") ? field : "expr: shares * 2"));
    Cli.Result r = Cli.run("compute", "-p", p.file(), "--period", "2026-10", "--format", "csv");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).as(r.toString()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("spotlight: error: " + p.metrics() + at);
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> injections() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("where: event_type = 'x'; drop table activity", ":6:28: semicolons"),
        org.junit.jupiter.params.provider.Arguments.of("where: event_type = 'x' or 1=1 -- ", ":6:36: comments"),
        org.junit.jupiter.params.provider.Arguments.of("where: event_type = 'x' /* */", ":6:29: comments"),
        org.junit.jupiter.params.provider.Arguments.of("where: event_type in (select event_type from activity)", ":6:27: "),
        org.junit.jupiter.params.provider.Arguments.of("where: exists(select 1)", ":6:12: unknown function"),
        org.junit.jupiter.params.provider.Arguments.of("of: participant) from activity; select (1", ":10:20: "),
        org.junit.jupiter.params.provider.Arguments.of("of: \"participant\\\" from x\"", ":10:22: double quotes"),
        org.junit.jupiter.params.provider.Arguments.of("expr: shares; drop table activity", ":14:17: semicolons"),
        org.junit.jupiter.params.provider.Arguments.of("expr: shares union select 1", ":14:18: "));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "grantee; drop table activity", "grantee\" from activity; --", "attributes.x'; drop table activity", "month) --"})
  void injectionInADimensionIsRejectedBeforeAnyDataIsRead(String by) {
    InitProject p = InitProject.create(dir);
    Cli.Result r = Cli.run("compute", "-p", p.file(), "--period", "2026-10", "--by", by, "--format", "csv");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines().stream().filter(l -> l.startsWith("spotlight: error:"))).containsExactly(
        "spotlight: error: unknown dimension '" + by + "' (dimensions are grantee, source, platform_kind, "
        + "event_type, outcome, area, local_authority, deprivation_decile, day, week, month, quarter, year and attributes.KEY)");
  }
}
