package dev.spotlight.metrics.sql;

import dev.spotlight.metrics.TestCatalogs;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The one definition of the golden SQL queries (files under {@code src/test/resources/golden/}):
 * their catalogue, money rules and query specs. QuerySqlBuilderTest checks each spec's DuckDB SQL
 * against its file; metrics-spark's GoldenParityTest runs each spec on DuckDB and Spark. To add a
 * golden query, add a {@link Spec} here and its file; both suites fail on a file no spec produces.
 */
public final class GoldenQueries {

  public static final Period OCTOBER = Periods.month(YearMonth.of(2026, 10));

  /** count, count_distinct with where, sum on costs, ratio of filtered references, median, percentile, attribute filter. */
  public static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        events:
          label: Events
          type: count
        participants:
          label: People sharing
          type: count_distinct
          of: participant
          where: event_type in ('share.completed', 'share.requested')
        programme_cost:
          label: Programme cost
          type: sum
          table: costs
          of: amount
        deprived_share:
          label: Share of people from the most deprived areas
          type: ratio
          numerator: { metric: participants, where: deprivation_decile <= 3 }
          denominator: { metric: participants, where: deprivation_decile is not null }
          interval: wilson
        median_value:
          label: Median item value
          type: median
          of: amount
        p90_minutes:
          label: Minutes to arrive, 90th percentile
          type: percentile
          of: quantity
          p: 0.9
        channel_events:
          label: Events by channel
          type: count
          where: attributes.channel = 'app'
      """);

  public static final List<String> SIX = List.of("events", "participants", "programme_cost", "deprived_share", "median_value", "p90_minutes");

  public static final MoneyRules MONEY = new MoneyRules("GBP", Map.of("USD", new BigDecimal("0.8")));

  /** One golden query: the file holding its DuckDB SQL (folded, see GoldenSql) and the query. */
  public record Spec(String file, List<String> metrics, List<String> by, Period period) {

    public MetricQuery query() {
      return new MetricQuery(metrics, by, period);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  /** Every golden query; each needs the areas file (hasAreas) and the money rules above. */
  public static final List<Spec> SPECS = List.of(
      new Spec("six-metrics.sql", SIX, List.of(), OCTOBER),
      new Spec("six-metrics-by-grantee-month.sql", SIX, List.of("grantee", "month"), OCTOBER));

  private GoldenQueries() {}

  /** {@link #SPECS}, as a JUnit method source. */
  public static List<Spec> specs() {
    return SPECS;
  }

  /** The golden files' names in {@code folder} (the {@code .sql} files). */
  public static Set<String> filesIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      Set<String> out = new TreeSet<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden files that no spec produces. */
  public static Set<String> withoutSpec(Path folder) {
    Set<String> out = filesIn(folder);
    SPECS.forEach(s -> out.remove(s.file()));
    return out;
  }
}
