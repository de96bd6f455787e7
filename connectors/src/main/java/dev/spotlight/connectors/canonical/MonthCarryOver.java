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
 * Carries a live source's months that a pull did not cover from its current activity folder into the
 * newly staged one, before the swap. A month none of whose events the pull brought again is hard-linked
 * file by file (copied where links are not supported); a month holding an event the pull brought again
 * (an Open311 closure dated after the window, say) is rewritten without those events, so an event is
 * never in the source twice. The current folder is never changed, so a failed or interrupted pull
 * leaves it as it was.
 */
final class MonthCarryOver {

  private static final String MONTH_PREFIX = "month=";

  private MonthCarryOver() {}

  /**
   * Carries the months of {@code current} outside {@code covered} into {@code staged}, where the
   * events of {@code stagedTable} (null when the pull staged no activity) already are.
   *
   * @return the number of months carried
   */
  static int carry(Connection c, Path current, Path staged, List<YearMonth> covered, String stagedTable) throws SQLException, IOException {
    if (!Files.isDirectory(current)) {
      return 0;
    }
    Set<String> coveredNames = covered.stream().map(m -> MONTH_PREFIX + m).collect(Collectors.toSet());
    TreeMap<String, List<Path>> months = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(current)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        if (name.startsWith(MONTH_PREFIX) && !coveredNames.contains(name)) {
          months.put(name, parquetFiles(dir));
        }
      }
    }
    months.values().removeIf(List::isEmpty);
    if (months.isEmpty()) {
      return 0;
    }
    Set<Path> touched = stagedTable == null ? Set.of() : filesHoldingStagedEvents(c, months, stagedTable);
    for (var e : months.entrySet()) {
      Path target = staged.resolve(e.getKey());
      Files.createDirectories(target);
      if (e.getValue().stream().anyMatch(touched::contains)) {
        rewriteWithout(c, e.getValue(), target, stagedTable);
      } else {
        for (Path file : e.getValue()) {
          link(file, freeName(target, file.getFileName().toString()));
        }
      }
    }
    return months.size();
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private static Set<Path> filesHoldingStagedEvents(Connection c, TreeMap<String, List<Path>> months, String stagedTable) throws SQLException {
    List<Path> all = months.values().stream().flatMap(List::stream).toList();
    Set<Path> out = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT filename FROM read_parquet(" + list(all) + ", filename = true, hive_partitioning = false)"
            + " WHERE event_id IN (SELECT event_id FROM " + stagedTable + " WHERE event_id IS NOT NULL)")) {
      while (rs.next()) {
        out.add(Path.of(rs.getString(1)).toAbsolutePath().normalize());
      }
    }
    return all.stream().filter(p -> out.contains(p.toAbsolutePath().normalize())).collect(Collectors.toSet());
  }

  private static void rewriteWithout(Connection c, List<Path> files, Path target, String stagedTable) throws SQLException {
    String rows = "SELECT * FROM read_parquet(" + list(files) + ", hive_partitioning = false) WHERE event_id NOT IN (SELECT event_id FROM "
        + stagedTable + " WHERE event_id IS NOT NULL)";
    try (Statement s = c.createStatement()) {
      long n;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + rows + ")")) {
        rs.next();
        n = rs.getLong(1);
      }
      if (n > 0) {
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

  private static String list(List<Path> files) {
    List<String> quoted = new ArrayList<>();
    for (Path f : files) {
      quoted.add(Sql.literal(f.toAbsolutePath().toString()));
    }
    return "[" + String.join(", ", quoted) + "]";
  }
}
