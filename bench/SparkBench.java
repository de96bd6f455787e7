import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.spark.SparkEngine;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spotlight's Spark engine against hand-written Spark SQL for the same numbers (bench/spark.sh):
 * October 2026's headline numbers per grantee (events, distinct participants, sum of amounts,
 * distinct participants in deprivation deciles 1-3) on a pulled sample project's store, both in one
 * Spark session (local[*]). Both sides read the store afresh for each computation (define their
 * views over the Parquet files, then query), as a computation does. Each side runs once to warm up, then ROUNDS times alternately; the
 * median of each is reported with the ratio. Compute only: the store is already written.
 *
 * <pre>java [Spark's --add-opens] -cp "cli/target/lib/*" bench/SparkBench.java PROJECT_DIR [ROUNDS]</pre>
 */
public class SparkBench {

  static final String METRICS = """
      version: 1
      metrics:
        events: { label: Events, type: count }
        participants: { label: Participants, type: count_distinct, of: participant }
        amount: { label: Amount, type: sum, of: amount }
        deprived_participants:
          label: Participants from deciles 1-3
          type: count_distinct
          of: participant
          where: deprivation_decile <= 3
      """;

  /** The floor: what someone would write by hand in Spark SQL for these numbers. */
  static final String HAND_WRITTEN = """
      SELECT a.grantee,
             count(*) AS events,
             count(DISTINCT a.participant) AS participants,
             coalesce(sum(a.amount), 0) AS amount,
             count(DISTINCT a.participant) FILTER (WHERE r.deprivation_decile <= 3) AS deprived_participants
      FROM bench_activity a
      LEFT JOIN bench_areas r ON r.area_code = a.area_code
      WHERE a.month = '2026-10' AND a.occurred_on BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'
      GROUP BY a.grantee
      ORDER BY a.grantee
      """;

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    StoreLayout store = new StoreLayout(project.resolve(".spotlight/store"));
    Path areas = project.resolve("reference/areas.csv");
    ZoneId zone = ZoneId.of("Europe/London");
    Path file = Files.createTempFile("bench-metrics", ".yaml");
    Files.writeString(file, METRICS);
    Problems problems = new Problems(ExitKind.DEFINITION);
    MetricCatalog catalog = MetricChecker.check(MetricFileLoader.load(file, problems), problems);
    problems.throwIfAny();
    MetricQuery query = new MetricQuery(List.of("events", "participants", "amount", "deprived_participants"), List.of("grantee"),
        Periods.month(YearMonth.of(2026, 10)));

    long t0 = System.nanoTime();
    SparkEngine engine = new SparkEngine(store, areas, zone, null);
    System.err.printf("spark session and areas: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    MetricRunner runner = new MetricRunner(catalog, engine, new MoneyRules("GBP", Map.of()), DisclosureRules.OFF);

    SparkSession spark = SparkSession.active();
    spark.conf().set("spark.sql.session.timeZone", zone.getId());

    Map<String, List<Double>> spotlight = spotlight(runner.compute(query));
    Map<String, List<Double>> hand = handWritten(spark, store, areas);
    System.err.println("spotlight: " + spotlight);
    System.err.println("hand-written: " + hand);
    if (!spotlight.equals(hand)) {
      throw new IllegalStateException("the two sides disagree");
    }
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long s = System.nanoTime();
      runner.compute(query);
      a.add((System.nanoTime() - s) / 1e9);
      s = System.nanoTime();
      handWritten(spark, store, areas);
      b.add((System.nanoTime() - s) / 1e9);
    }
    double sa = median(a);
    double sb = median(b);
    System.out.printf("rounds: %d%nspotlight spark compute s (median): %.3f  all: %s%nhand-written spark sql s (median): %.3f  all: %s%nratio: %.2f%n",
        rounds, sa, a, sb, b, sa / sb);
    engine.close();
  }

  static Map<String, List<Double>> spotlight(ResultTable t) {
    Map<String, List<Double>> out = new TreeMap<>();
    List<String> order = List.of("events", "participants", "amount", "deprived_participants");
    for (ResultRow r : t.rows()) {
      List<Double> v = out.computeIfAbsent(r.dims().get("grantee"), k -> new ArrayList<>(Collections.nCopies(4, (Double) null)));
      v.set(order.indexOf(r.metric()), r.value());
    }
    return out;
  }

  /** Reads the store and the areas file and runs the query: what Spotlight's engine does for each computation too. */
  static Map<String, List<Double>> handWritten(SparkSession spark, StoreLayout store, Path areas) {
    spark.read().option("basePath", store.root().resolve("activity").toUri().toString())
        .parquet(store.root().resolve("activity").toUri().toString()).createOrReplaceTempView("bench_activity");
    spark.read().option("header", "true").schema("area_code STRING, name STRING, local_authority STRING, population BIGINT, deprivation_decile BIGINT")
        .csv(areas.toUri().toString()).createOrReplaceTempView("bench_areas");
    Map<String, List<Double>> out = new TreeMap<>();
    for (Row r : spark.sql(HAND_WRITTEN).collectAsList()) {
      out.put(r.getString(0), List.of(((Number) r.get(1)).doubleValue(), ((Number) r.get(2)).doubleValue(),
          ((Number) r.get(3)).doubleValue(), ((Number) r.get(4)).doubleValue()));
    }
    return out;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }
}
