import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes every metric of a pulled project, alone, for each period given and split by each of a
 * list of dimension sets, on DuckDB and on Spark, and reports every result that differs (status,
 * value or interval bound beyond 1e-9 relative) and every query one engine refuses and the other
 * does not. Exit 1 when anything differs. See scripts/parity-sweep.sh.
 */
public class ParitySweep {

  private static final List<List<String>> SPLITS = List.of(List.of(), List.of("grantee"), List.of("source"), List.of("platform_kind"),
      List.of("event_type"), List.of("outcome"), List.of("area"), List.of("local_authority"), List.of("deprivation_decile"),
      List.of("day"), List.of("week"), List.of("month"), List.of("quarter"), List.of("year"), List.of("grantee", "month"));

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ParitySweep PROJECT_FILE PERIOD[,PERIOD...]");
      System.exit(2);
    }
    AppContext app = new AppContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
        Clock.systemDefaultZone(), false);
    ProjectContext project = ProjectContext.load(Path.of(args[0]), app);
    long compared = 0;
    long refused = 0;
    long differ = 0;
    try (Engine duckEngine = project.openEngine("duckdb"); Engine sparkEngine = project.openEngine("spark")) {
      MetricRunner duck = project.runner(duckEngine);
      MetricRunner spark = project.runner(sparkEngine);
      for (String period : args[1].split(",")) {
        for (List<String> by : SPLITS) {
          for (String id : project.metrics().ids()) {
            MetricQuery query = new MetricQuery(List.of(id), by, project.period(period));
            ResultTable d = null;
            ResultTable s = null;
            String duckRefusal = null;
            String sparkRefusal = null;
            try {
              d = duck.compute(query);
            } catch (RuntimeException e) {
              duckRefusal = String.valueOf(e.getMessage());
            }
            try {
              s = spark.compute(query);
            } catch (RuntimeException e) {
              sparkRefusal = String.valueOf(e.getMessage());
            }
            String what = id + " " + period + " by " + by;
            if (duckRefusal != null || sparkRefusal != null) {
              refused++;
              if (!Objects.equals(duckRefusal, sparkRefusal)) {
                differ++;
                System.out.println("REFUSED " + what + "\n  duckdb: " + duckRefusal + "\n  spark:  " + sparkRefusal);
              }
              continue;
            }
            Map<String, ResultRow> sparkRows = new HashMap<>();
            for (ResultRow r : s.rows()) {
              sparkRows.put(r.metric() + r.dims(), r);
            }
            if (d.rows().size() != s.rows().size()) {
              differ++;
              System.out.println("ROWS " + what + ": duckdb " + d.rows().size() + ", spark " + s.rows().size());
              continue;
            }
            for (ResultRow r : d.rows()) {
              compared++;
              ResultRow o = sparkRows.get(r.metric() + r.dims());
              if (o == null || r.status() != o.status() || !close(r.value(), o.value()) || !close(r.low(), o.low()) || !close(r.high(), o.high())) {
                differ++;
                System.out.println("DIFF " + what + "\n  duckdb: " + r + "\n  spark:  " + o);
              }
            }
          }
        }
        System.out.printf("%s: %d results compared so far, %d queries refused by both, %d differences%n", period, compared, refused, differ);
      }
    }
    System.out.printf("parity sweep: %d results compared, %d queries refused by both engines alike, %d differences%n", compared, refused, differ);
    System.exit(differ == 0 ? 0 : 1);
  }

  private static boolean close(Double x, Double y) {
    if (x == null || y == null) {
      return x == null && y == null;
    }
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
  }
}
