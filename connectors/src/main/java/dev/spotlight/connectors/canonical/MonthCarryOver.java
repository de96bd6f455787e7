package dev.spotlight.connectors.canonical;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Carries the part of a live source's history that a pull could not have brought from the source's
 * current activity folder into the newly staged one, before the swap.
 *
 * <p>An event is dropped when its record is dated in a month the pull covered (the record's dating
 * event is found through {@link LiveCoverage#recordOf()}; an event whose record is not in the store
 * dates itself), or when the pull brought the same event again; every other event is kept. A month
 * folder losing nothing is hard-linked file by file (copied where links are not supported); one
 * losing something is rewritten with the events kept. The current folder is never changed, so a
 * failed or interrupted pull leaves it as it was.
 */
final class MonthCarryOver {

  private static final String MONTH_PREFIX = "month=";

  private MonthCarryOver() {}

  /**
   * Carries the events of {@code current} that {@code live} did not cover into {@code staged}, where
   * the events of {@code stagedTable} (null when the pull staged no activity) already are.
   *
   * @return the number of events dropped from the current history
   */
  static long carry(Connection c, Path current, Path staged, LiveCoverage live, String stagedTable) throws SQLException, IOException {
    if (!Files.isDirectory(current)) {
      return 0;
    }
    TreeMap<String, List<Path>> months = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(current)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        if (name.startsWith(MONTH_PREFIX)) {
          months.put(name.substring(MONTH_PREFIX.length()), parquetFiles(dir));
        }
      }
    }
    months.values().removeIf(List::isEmpty);
    if (months.isEmpty()) {
      return 0;
    }
    Set<String> covered = live.months().stream().map(YearMonth::toString).collect(Collectors.toSet());
    long dropped = markDropped(c, months, covered, live.recordOf(), stagedTable);
    Set<String> losing = monthsLosingEvents(c);
    for (var e : months.entrySet()) {
      String month = e.getKey();
      Path target = staged.resolve(MONTH_PREFIX + month);
      if (covered.contains(month) || losing.contains(month)) {
        rewriteKept(c, month, e.getValue(), target);
      } else {
        Files.createDirectories(target);
        for (Path file : e.getValue()) {
          link(file, freeName(target, file.getFileName().toString()));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE spotlight_carry");
    }
    return dropped;
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** Fills {@code spotlight_carry(month, event_id, dropped)} for every current event; returns how many are dropped. */
  private static long markDropped(Connection c, TreeMap<String, List<Path>> months, Set<String> covered, String recordOf, String stagedTable)
      throws SQLException {
    List<String> files = new ArrayList<>();
    for (var e : months.entrySet()) {
      for (Path f : e.getValue()) {
        files.add("(" + Sql.literal(f.toAbsolutePath().toString()) + ", " + Sql.literal(e.getKey()) + ")");
      }
    }
    String coveredList = covered.isEmpty() ? "NULL" : covered.stream().sorted().map(Sql::literal).collect(Collectors.joining(", "));
    String again = stagedTable == null ? "false" : "cur.event_id IN (SELECT event_id FROM " + stagedTable + " WHERE event_id IS NOT NULL)";
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_carry_files (file VARCHAR, month VARCHAR)");
      s.execute("INSERT INTO spotlight_carry_files VALUES " + String.join(", ", files));
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_carry AS"
          + " WITH raw AS (SELECT filename AS file_name, event_id FROM read_parquet(" + list(months) + ", filename = true, hive_partitioning = false)),"
          + " cur AS (SELECT f.month, event_id, " + (recordOf == null ? "event_id" : recordOf) + " AS record"
          + " FROM raw JOIN spotlight_carry_files f ON f.file = raw.file_name),"
          + " dated AS (SELECT event_id AS id, min(month) AS month FROM cur GROUP BY event_id)"
          + " SELECT cur.month, cur.event_id, (coalesce(dated.month, cur.month) IN (" + coveredList + ") OR " + again + ") AS dropped"
          + " FROM cur LEFT JOIN dated ON dated.id = cur.record");
      s.execute("DROP TABLE spotlight_carry_files");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM spotlight_carry WHERE dropped")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Set<String> monthsLosingEvents(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT month FROM spotlight_carry WHERE dropped")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Writes the events of {@code month} that are not dropped, if any, to a new file in {@code target}. */
  private static void rewriteKept(Connection c, String month, List<Path> files, Path target) throws SQLException, IOException {
    String rows = "SELECT * FROM read_parquet(" + list(files) + ", hive_partitioning = false) WHERE event_id NOT IN"
        + " (SELECT event_id FROM spotlight_carry WHERE dropped AND month = " + Sql.literal(month) + ")";
    try (Statement s = c.createStatement()) {
      long n;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + rows + ")")) {
        rs.next();
        n = rs.getLong(1);
      }
      if (n > 0) {
        Files.createDirectories(target);
        s.execute("COPY (" + rows + ") TO " + Sql.literal(freeName(target, "carried-0.parquet").toAbsolutePath().toString())
            + " (FORMAT parquet, COMPRESSION snappy)");
      }
    }
  }

  /** {@code name} in {@code dir}, or {@code carried-N.parquet} when the pull already wrote a file of that name there. */
  private static Path freeName(Path dir, String name) {
    Path p = dir.resolve(name);
    for (int i = 0; Files.exists(p); i++) {
      p = dir.resolve("carried-" + i + ".parquet");
    }
    return p;
  }

  private static void link(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException e) {
      copy(from, to);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (FileSystemException e) {
      copy(from, to);
    }
  }

  /** For a file system without hard links: slower but as safe, the current folder stays untouched. */
  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to);
  }

  private static String list(TreeMap<String, List<Path>> months) {
    return list(months.values().stream().flatMap(List::stream).toList());
  }

  private static String list(List<Path> files) {
    return "[" + files.stream().map(f -> Sql.literal(f.toAbsolutePath().toString())).collect(Collectors.joining(", ")) + "]";
  }
}
