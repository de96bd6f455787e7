package dev.spotlight.cli.render.xlsx;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * Worksheet names Excel accepts: 1 to 31 characters, none of {@code []:*?/\}, unique ignoring case.
 * Commas are dropped too: Excel allows them, but chart references to such a sheet break in POI and in
 * some spreadsheet programs.
 */
final class SheetNames {

  private static final int MAX_LENGTH = 31;

  private final Set<String> used = new HashSet<>();

  /** @param reserved names already taken by the workbook's fixed sheets */
  SheetNames(String... reserved) {
    // Excel keeps "History" for its change tracking and refuses a sheet by that name.
    used.add("history");
    for (String name : reserved) {
      used.add(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A safe name for a sheet titled {@code title}, numbered " (2)", " (3)"… when the name is taken. */
  String unique(String title) {
    String base = title == null || title.isBlank() ? "Section" : WorkbookUtil.createSafeSheetName(title.replace(",", "").strip(), '-');
    String candidate = base;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      candidate = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
    }
    return candidate;
  }
}
