package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One metric file using every metric type of SPEC §2, on a small project built here, computed
 * through {@code compute --format json} on each engine and checked against numbers worked out by
 * hand from the rows below (each expectation says how).
 */
class EveryMetricTypeTest {

  /**
   * October 2026 holds rows 1-4 (row 4 is 23:30 on the 31st, local time, after the clocks went
   * back); row 5 is 00:30 on 1 November. September holds rows 6-7 (row 7 is 23:30 BST on the 30th,
   * 22:30 UTC); October 2025 holds row 8.
   */
  private static final String EXPORT = """
      id,happened_at,member_email,lsoa,kind,value,minutes
      1,2026-10-03 10:15,ann@example.org,E01000001,loan,20,10
      2,2026-10-04 18:40,bob@example.org,E01000002,request,,30
      3,2026-10-05 09:05,ann@example.org,E01000001,loan,40,20
      4,2026-10-31 23:30,cat@example.org,E01000003,loan,10,40
      5,2026-11-01 00:30,dan@example.org,E01000002,loan,99,50
      6,2026-09-10 12:00,ann@example.org,E01000001,loan,5,5
      7,2026-09-30 23:30,bob@example.org,E01000002,loan,,
      8,2025-10-15 12:00,eve@example.org,E01000003,loan,7,
      """;

  private static final String AREAS = """
      area_code,name,local_authority,population,deprivation_decile
      E01000001,Example North,Exampleshire,1500,2
      E01000002,Example South,Exampleshire,1800,7
      E01000003,Example East,Exampleshire,700,1
      """;

  /** £920 over 1 October to 31 December 2026 (92 days): October's share is 920 × 31 / 92 = £310. */
  private static final String COSTS = """
      id,start,end,amount
      c1,2026-10-01,2026-12-31,920
      """;

  private static final String PROXIES = """
      version: 1
      proxies:
        - outcome: item_reuse
          value: 12.50
          currency: GBP
          years: 2
          deadweight: 0.2
          attribution: 0.1
          drop_off: 0.5
          discount_rate: 0.25
          source: A worked example
      """;

  private static final String METRICS = """
      version: 1
      metrics:
        events:
          label: Events
          type: count
        participants:
          label: People
          type: count_distinct
          of: participant
        loans:
          label: Loans
          type: count
          where: event_type = 'share.completed'
          interval: poisson
        item_value:
          label: Item value
          type: sum
          of: amount
          unit: currency
        avg_minutes:
          label: Average minutes
          type: avg
          of: quantity
        min_minutes:
          label: Fewest minutes
          type: min
          of: quantity
        max_minutes:
          label: Most minutes
          type: max
          of: quantity
        median_minutes:
          label: Median minutes
          type: median
          of: quantity
        p90_minutes:
          label: 90th percentile of minutes
          type: percentile
          of: quantity
          p: 0.9
        programme_cost:
          label: Programme cost
          type: sum
          table: costs
          of: amount
          unit: currency
        cost_per_loan:
          label: Cost per loan
          type: ratio
          numerator: programme_cost
          denominator: loans
          unit: currency
        deprived_share:
          label: Share from deciles 1-3
          type: ratio
          numerator: { metric: participants, where: deprivation_decile <= 3 }
          denominator: { metric: participants, where: deprivation_decile is not null }
          unit: percent
          interval: wilson
        value_per_loan:
          label: Item value per loan
          type: derived
          expr: item_value / loans
        loans_vs_last_month:
          label: Loans, change on the month before
          type: change
          of: loans
          compare_to: previous_period
          as: relative
        loans_vs_last_year:
          label: Loans, change on a year before
          type: change
          of: loans
          compare_to: same_period_last_year
          as: absolute
        participants_per_1000:
          label: People per 1,000 residents
          type: per_capita
          of: participants
          per: 1000
        loans_value:
          label: Social value of loans
          type: value
          outcomes: loans
          proxy: item_reuse
      """;

  @TempDir Path dir;

  private InitProject project;

  @BeforeEach
  void writeProject() throws Exception {
    project = InitProject.create(dir);
    Files.writeString(project.export(), EXPORT);
    Files.writeString(dir.resolve("reference/areas.csv"), AREAS);
    Files.writeString(dir.resolve("reference/proxies.yaml"), PROXIES);
    Files.writeString(dir.resolve("exports/costs.csv"), COSTS);
    Files.writeString(project.metrics(), METRICS);
    project.edit(project.yaml(), "min_cell: 5", "min_cell: 0");
    project.edit(project.yaml(), "areas: reference/areas.csv", "areas: reference/areas.csv\nproxies: reference/proxies.yaml");
    project.edit(project.yaml(), "        area_code: lsoa\n", "        area_code: lsoa\n        amount: value\n        quantity: minutes\n");
    project.edit(project.yaml(), "\nmetrics:", """
          - name: costs
            connector: mapped
            grantee: my-platform
            options:
              files: exports/costs.csv
              table: costs
              mapping:
                cost_id: id
                period_start: start
                period_end: end
                amount: amount

        metrics:""");
    Cli.Result pull = Cli.run("pull", "-p", project.file());
    assertThat(pull.exit()).as(pull.toString()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "spark"})
  void everyTypeGivesTheHandWorkedNumbers(String engine) throws Exception {
    Map<String, JsonNode> got = compute(engine, List.of());

    assertThat(value(got, "events")).isEqualTo(4.0);
    // ann, bob and cat
    assertThat(value(got, "participants")).isEqualTo(3.0);
    // rows 1, 3 and 4; exact 95% Poisson limits for 3 are 0.61867 and 8.76727 (published tables)
    assertThat(value(got, "loans")).isEqualTo(3.0);
    assertThat(got.get("loans").get("low").asDouble()).isCloseTo(0.61867, within(5e-5));
    assertThat(got.get("loans").get("high").asDouble()).isCloseTo(8.76727, within(5e-5));
    // 20 + 40 + 10 (row 2 has no value)
    assertThat(value(got, "item_value")).isEqualTo(70.0);
    assertThat(value(got, "avg_minutes")).isCloseTo(25.0, within(1e-9));
    assertThat(value(got, "min_minutes")).isEqualTo(10.0);
    assertThat(value(got, "max_minutes")).isEqualTo(40.0);
    // minutes 10, 30, 20, 40: the median of 20 and 30, and 30 + 0.7 × (40 − 30) at position 0.9 × 3
    assertThat(value(got, "median_minutes")).isCloseTo(25.0, within(1e-9));
    assertThat(value(got, "p90_minutes")).isCloseTo(37.0, within(1e-9));
    // 920 × 31 / 92 = 310, over 3 loans
    assertThat(value(got, "programme_cost")).isCloseTo(310.0, within(1e-9));
    assertThat(value(got, "cost_per_loan")).isCloseTo(310.0 / 3, within(1e-9));
    // ann (decile 2) and cat (decile 1) of the three with a decile; Wilson 95% interval for 2 of 3
    assertThat(value(got, "deprived_share")).isCloseTo(2.0 / 3, within(1e-9));
    double[] wilson = wilson(2, 3);
    assertThat(got.get("deprived_share").get("low").asDouble()).isCloseTo(wilson[0], within(1e-9));
    assertThat(got.get("deprived_share").get("high").asDouble()).isCloseTo(wilson[1], within(1e-9));
    assertThat(value(got, "value_per_loan")).isCloseTo(70.0 / 3, within(1e-9));
    // September: rows 6 and 7 (row 7 is 23:30 BST on the 30th), so (3 − 2) / 2
    assertThat(value(got, "loans_vs_last_month")).isCloseTo(0.5, within(1e-9));
    // October 2025: row 8, so 3 − 1
    assertThat(value(got, "loans_vs_last_year")).isCloseTo(2.0, within(1e-9));
    // 3 people per 1,500 + 1,800 + 700 residents (every area in the file), per 1,000
    assertThat(value(got, "participants_per_1000")).isCloseTo(0.75, within(1e-9));
    // per loan: 12.50 in year 1, 12.50 × (1 − 0.5) / 1.25 = 5 in year 2: gross 17.50 × 3 loans;
    // net also × (1 − 0.2 deadweight) × (1 − 0.1 attribution)
    assertThat(value(got, "loans_value_gross")).isCloseTo(52.5, within(1e-9));
    assertThat(value(got, "loans_value")).isCloseTo(52.5 * 0.8 * 0.9, within(1e-9));
    assertThat(got).hasSize(18);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "spark"})
  void perCapitaByAreaUsesEachAreasOwnPopulation(String engine) throws Exception {
    Map<String, JsonNode> got = compute(engine, List.of("--metric", "participants_per_1000", "--by", "area"));

    // one person in each area: 1 / 1,500, 1 / 1,800 and 1 / 700, per 1,000
    assertThat(value(got, "participants_per_1000|E01000001")).isCloseTo(1000.0 / 1500, within(1e-9));
    assertThat(value(got, "participants_per_1000|E01000002")).isCloseTo(1000.0 / 1800, within(1e-9));
    assertThat(value(got, "participants_per_1000|E01000003")).isCloseTo(1000.0 / 700, within(1e-9));
    assertThat(got).hasSize(3);
  }

  /** The results of {@code compute --format json} for October 2026, by metric id (and |dimension value). */
  private Map<String, JsonNode> compute(String engine, List<String> extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("compute", "-p", project.file(), "--period", "2026-10",
        "--engine", engine, "--format", "json"));
    args.addAll(extra);
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("engine").asText()).isEqualTo(engine);
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode row : json.get("results")) {
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      StringBuilder key = new StringBuilder(row.get("metric").asText());
      row.get("dims").elements().forEachRemaining(v -> key.append('|').append(v.asText()));
      out.put(key.toString(), row);
    }
    return out;
  }

  private static double value(Map<String, JsonNode> results, String key) {
    assertThat(results).containsKey(key);
    return results.get(key).get("value").asDouble();
  }

  /** Wilson score interval, z = 1.959964 (two-sided 95%). */
  private static double[] wilson(int successes, int n) {
    double z = 1.959963984540054;
    double p = (double) successes / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
    return new double[] {centre - half, centre + half};
  }
}
