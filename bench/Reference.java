import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's floor: runs the hand-written DuckDB SQL of bench/reference.sql on a sample
 * project's exports (map, pseudonymise with HMAC-SHA256, write Parquet, compute 2026-10's headline
 * numbers per grantee), prints the numbers, the time of each step and, last, "reference seconds: S".
 *
 * <pre>java -cp "cli/target/lib/*" bench/Reference.java PROJECT_DIR [SQL_FILE]</pre>
 *
 * The key comes from SPOTLIGHT_PSEUDONYM_KEY when set, else a fixed benchmark key: pseudonyms then
 * differ from Spotlight's, but every count is the same. The timed part starts before the DuckDB
 * connection opens (so it pays the native library load, as Spotlight does) and ends when the
 * numbers are read; JVM start-up and compiling this file are not in it.
 */
public class Reference {

  private static final String BENCH_KEY = "spotlight-bench-key";
  private static final int HMAC_BLOCK = 64;
  private static final Pattern STEP = Pattern.compile("^-- step: (.+)$", Pattern.MULTILINE);

  private record Step(String name, String sql) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: java -cp \"cli/target/lib/*\" bench/Reference.java PROJECT_DIR [SQL_FILE]");
      System.exit(2);
    }
    Path project = Path.of(args[0]).toAbsolutePath().normalize();
    Path sqlFile = Path.of(args.length == 2 ? args[1] : "bench/reference.sql");
    Path store = project.resolve(".reference");
    Files.createDirectories(store.resolve("tmp"));
    Files.deleteIfExists(store.resolve("activity.parquet"));

    byte[] key = key();
    String script = Files.readString(sqlFile)
        .replace("${project}", sqlText(project.toString()))
        .replace("${store}", sqlText(store.toString()))
        .replace("${ipad}", padHex(key, (byte) 0x36))
        .replace("${opad}", padHex(key, (byte) 0x5c));
    List<Step> steps = steps(script);

    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET temp_directory = '" + sqlText(store.resolve("tmp").toString()) + "'");
      List<String> timings = new ArrayList<>();
      timings.add(String.format("%-55s %8.3f s", "open DuckDB", seconds(start)));
      List<List<String>> table = List.of();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        long stepStart = System.nanoTime();
        if (i == steps.size() - 1) {
          try (ResultSet result = statement.executeQuery(step.sql())) {
            table = rows(result);
          }
        } else {
          statement.execute(step.sql());
        }
        timings.add(String.format("%-55s %8.3f s", step.name(), seconds(stepStart)));
      }
      double total = seconds(start);

      checkPseudonyms(statement, key);
      print(table);
      System.out.println();
      timings.forEach(System.out::println);
      System.out.printf("reference seconds: %.3f%n", total);
    }
  }

  private static byte[] key() throws Exception {
    String fromEnvironment = System.getenv("SPOTLIGHT_PSEUDONYM_KEY");
    byte[] key = (fromEnvironment == null || fromEnvironment.isEmpty() ? BENCH_KEY : fromEnvironment)
        .getBytes(StandardCharsets.UTF_8);
    // HMAC hashes keys longer than a block first (RFC 2104).
    return key.length > HMAC_BLOCK ? MessageDigest.getInstance("SHA-256").digest(key) : key;
  }

  /** The key padded with zeros to one block and XORed with {@code pad}, as hex. */
  private static String padHex(byte[] key, byte pad) {
    byte[] block = Arrays.copyOf(key, HMAC_BLOCK);
    for (int i = 0; i < block.length; i++) {
      block[i] ^= pad;
    }
    return HexFormat.of().formatHex(block);
  }

  /** Splits the script at the "-- step:" comments: one statement per step, comments dropped. */
  private static List<Step> steps(String script) {
    List<Step> steps = new ArrayList<>();
    Matcher matcher = STEP.matcher(script);
    List<int[]> bounds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (matcher.find()) {
      bounds.add(new int[] {matcher.start(), matcher.end()});
      names.add(matcher.group(1).trim());
    }
    for (int i = 0; i < bounds.size(); i++) {
      int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : script.length();
      String sql = script.substring(bounds.get(i)[1], end).lines()
          .filter(line -> !line.strip().startsWith("--"))
          .reduce("", (text, line) -> text + line + "\n")
          .strip();
      steps.add(new Step(names.get(i), sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql));
    }
    return steps;
  }

  /** Checks one pseudonym DuckDB computed against the JDK's HMAC-SHA256. */
  private static void checkPseudonyms(Statement statement, byte[] key) throws Exception {
    try (ResultSet result = statement.executeQuery("SELECT raw_id, pseudonym FROM pseudonyms ORDER BY raw_id LIMIT 1")) {
      if (!result.next()) {
        return;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String expected = HexFormat.of().formatHex(mac.doFinal(result.getString(1).getBytes(StandardCharsets.UTF_8)));
      if (!expected.equals(result.getString(2))) {
        throw new IllegalStateException("DuckDB's HMAC differs from the JDK's for " + result.getString(1));
      }
    }
  }

  private static List<List<String>> rows(ResultSet result) throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      header.add(meta.getColumnLabel(c));
    }
    rows.add(header);
    while (result.next()) {
      List<String> row = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        Object value = result.getObject(c);
        row.add(value == null ? "" : value.toString());
      }
      rows.add(row);
    }
    return rows;
  }

  private static void print(List<List<String>> table) {
    int[] widths = new int[table.get(0).size()];
    for (List<String> row : table) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : table) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
        line.append(String.format(format, row.get(c)));
      }
      System.out.println(line);
    }
  }

  /** Text for inside a SQL string literal: quotes doubled. */
  private static String sqlText(String text) {
    return text.replace("'", "''");
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
