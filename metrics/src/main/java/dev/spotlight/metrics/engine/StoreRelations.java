package dev.spotlight.metrics.engine;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.model.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which Parquet files of the store a period needs: activity only from the months it overlaps. */
public final class StoreRelations {

  private StoreRelations() {}

  /**
   * The activity files of the months {@code period} overlaps (and any file outside a month
   * folder). Month folders outside the period are not listed at all, so the cost does not grow with
   * the store's history.
   */
  public static List<Path> activityFiles(StoreLayout store, Period period) {
    YearMonth first = YearMonth.from(period.start());
    YearMonth last = YearMonth.from(period.end());
    Path dir = store.tableDir(CanonicalTable.ACTIVITY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    if (monthOf(dir) != null) {
      // the store itself sits under a month= folder: every file's month would read as that one
      return store.parquetFiles(CanonicalTable.ACTIVITY).stream().filter(p -> inRange(monthOf(p), first, last)).toList();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> sources = Files.list(dir)) {
      for (Path source : sources.toList()) {
        if (!Files.isDirectory(source)) {
          collect(store, source, files);
          continue;
        }
        try (Stream<Path> months = Files.list(source)) {
          for (Path month : months.toList()) {
            if (inRange(monthOf(month.getFileName()), first, last)) {
              collect(store, month, files);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    // a month folder nested deeper than source=NAME/ still decides, as it always has
    return files.stream().filter(p -> inRange(monthOf(p), first, last)).toList();
  }

  /** The store's Parquet files at or under {@code path}, skipping hidden (staging) folders. */
  private static void collect(StoreLayout store, Path path, List<Path> into) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> store.root().relativize(p).toString().indexOf("/.") < 0)
          .forEach(into::add);
    }
  }

  private static boolean inRange(String month, YearMonth first, YearMonth last) {
    if (month == null) {
      return true;
    }
    YearMonth m = YearMonth.parse(month);
    return !m.isBefore(first) && !m.isAfter(last);
  }

  public static List<Path> costFiles(StoreLayout store) {
    return store.parquetFiles(CanonicalTable.COSTS);
  }

  private static String monthOf(Path file) {
    for (Path part : file) {
      String s = part.toString();
      if (s.startsWith("month=") && s.length() == "month=YYYY-MM".length()) {
        return s.substring("month=".length());
      }
    }
    return null;
  }

  /** The source name a Parquet file belongs to, from its {@code source=NAME} folder. */
  public static String sourceOf(Path file) {
    for (Path part : file) {
      String s = part.toString();
      if (s.startsWith("source=")) {
        return s.substring("source=".length());
      }
    }
    throw new IllegalArgumentException("not a store file: " + file);
  }

  /** A typed, empty relation with the table's columns, for a store that has no files for it yet. */
  public static String emptyRelation(CanonicalTable table) {
    return "SELECT " + table.columns().stream()
        .map(c -> "CAST(NULL AS " + c.type().duckdbType() + ") AS \"" + c.name() + "\"")
        .collect(Collectors.joining(", ")) + " WHERE false";
  }
}
