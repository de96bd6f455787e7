package dev.spotlight.metrics.engine;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.model.Period;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/** Which Parquet files of the store a period needs: activity only from the months it overlaps. */
public final class StoreRelations {

  private StoreRelations() {}

  public static List<Path> activityFiles(StoreLayout store, Period period) {
    YearMonth first = YearMonth.from(period.start());
    YearMonth last = YearMonth.from(period.end());
    return store.parquetFiles(CanonicalTable.ACTIVITY).stream().filter(p -> {
      String month = monthOf(p);
      if (month == null) {
        return true;
      }
      YearMonth m = YearMonth.parse(month);
      return !m.isBefore(first) && !m.isAfter(last);
    }).toList();
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
