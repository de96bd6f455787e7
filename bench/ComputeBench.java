import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.Spotlight;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compute-only benchmark: on a sample project whose store is already pulled, times
 * {@code spotlight compute} of bench/compute-metrics.yaml (2026-10, by grantee) against the
 * hand-written DuckDB SQL of bench/compute-reference.sql, in one JVM, alternating, RUNS times each
 * after one warm-up of each. Both pay a fresh DuckDB connection per run; neither pays JVM start.
 * Checks that both give the same numbers, then prints each side's median and the ratio.
 *
 * <pre>java -cp "cli/target/spotlight-cli.jar:cli/target/lib/*" bench/ComputeBench.java PROJECT_DIR [RUNS]</pre>
 */
public class ComputeBench {

  private static final List<String> METRICS = List.of("events", "participants", "amount", "deprived_participants");

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: java -cp \"cli/target/spotlight-cli.jar:cli/target/lib/*\" bench/ComputeBench.java PROJECT_DIR [RUNS]");
      System.exit(2);
    }
    Path project = Path.of(args[0]).toAbsolutePath().normalize();
    int runs = args.length == 2 ? Integer.parseInt(args[1]) : 5;
    Path yaml = benchProject(project);
    String sql = Files.readString(Path.of("bench/compute-reference.sql"))
        .replace("${store}", project.resolve(".spotlight/store").toString().replace("'", "''"))
        .replace("${areas}", project.resolve("reference/areas.csv").toString().replace("'", "''"));

    Map<String, List<Double>> spotlight = spotlight(yaml);
    Map<String, List<Double>> reference = reference(sql);
    if (!spotlight.equals(reference)) {
      System.err.println("numbers differ:\n  spotlight " + spotlight + "\n  reference " + reference);
      System.exit(1);
    }
    reference.forEach((g, v) -> System.err.println("  " + g + " " + v));
    List<Double> s = new ArrayList<>();
    List<Double> r = new ArrayList<>();
    List<Double> sc = new ArrayList<>();
    List<Double> rc = new ArrayList<>();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < runs; i++) {
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      spotlight(yaml);
      long t1 = System.nanoTime();
      long c1 = os.getProcessCpuTime();
      reference(sql);
      long t2 = System.nanoTime();
      long c2 = os.getProcessCpuTime();
      s.add((t1 - t0) / 1e9);
      r.add((t2 - t1) / 1e9);
      sc.add((c1 - c0) / 1e9);
      rc.add((c2 - c1) / 1e9);
      System.err.printf("run %d: spotlight %.3f s (cpu %.3f s), reference %.3f s (cpu %.3f s)%n", i + 1, s.get(i), sc.get(i), r.get(i), rc.get(i));
    }
    // CPU time (all threads of the process) is what a shared machine distorts least
    System.out.printf("compute spotlight median wall s: %.3f, cpu s: %.3f%n", median(s), median(sc));
    System.out.printf("compute reference median wall s: %.3f, cpu s: %.3f%n", median(r), median(rc));
    System.out.printf("compute ratio wall: %.2f, cpu: %.2f%n", median(s) / median(r), median(sc) / median(rc));
  }

  /**
   * The project file with its metrics replaced by bench/compute-metrics.yaml and suppression off
   * (so a small cell is a number on both sides), beside the original: same store.
   */
  private static Path benchProject(Path project) throws Exception {
    String text = Files.readString(project.resolve("spotlight.yaml")).replace("min_cell: 5", "min_cell: 0");
    int at = text.indexOf("\nmetrics:");
    int end = text.indexOf("\nreport:", at);
    String metrics = "\nmetrics:\n  - " + Path.of("bench/compute-metrics.yaml").toAbsolutePath() + "\n";
    Path out = project.resolve("bench-compute.yaml");
    Files.writeString(out, text.substring(0, at) + metrics + (end < 0 ? "" : text.substring(end)));
    return out;
  }

  private static Map<String, List<Double>> spotlight(Path yaml) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> argv = new ArrayList<>(List.of("compute", "-p", yaml.toString(), "--period", "2026-10", "--by", "grantee", "--format", "csv", "-q"));
    int code = Spotlight.execute(argv.toArray(String[]::new),
        new AppContext(new PrintWriter(out, true), new PrintWriter(err, true), System.getenv(), Clock.systemDefaultZone(), false));
    if (code != 0) {
      throw new IllegalStateException("spotlight compute failed (" + code + "): " + err);
    }
    // metric,period,grantee,value,low,high,status
    Map<String, List<Double>> rows = new TreeMap<>();
    for (String line : out.toString().lines().skip(1).toList()) {
      String[] f = line.split(",", -1);
      List<Double> v = rows.computeIfAbsent(f[2], k -> new ArrayList<>(Collections.nCopies(METRICS.size(), (Double) null)));
      v.set(METRICS.indexOf(f[0]), f[3].isEmpty() ? null : round(Double.parseDouble(f[3])));
    }
    return rows;
  }

  private static Map<String, List<Double>> reference(String sql) throws Exception {
    Map<String, List<Double>> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'Europe/London'");
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          List<Double> v = new ArrayList<>();
          for (int i = 2; i <= 5; i++) {
            v.add(round(((Number) rs.getObject(i)).doubleValue()));
          }
          rows.put(rs.getString(1), v);
        }
      }
    }
    return rows;
  }

  /** To the penny: both sides sum decimals, printed with different digits. */
  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
