package dev.spotlight.connectors.yourpriorities;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns Spotlight reads from the two sheets of a Your Priorities group export, by the headers
 * the export writes; every other column (names, emails' raw text, descriptions, point texts, contact
 * details, registration answers, media) is never read into the store.
 */
final class ExportColumns {

  /** Staging column name to the export's header, in staging-table order; required ones first. */
  static final Map<String, String> POSTS = ordered(
      "post_id", "Post Id", "created", "Created", "up_raw", "Up Votes", "down_raw", "Down Votes",
      "email", "Email", "category", "Category", "lat_raw", "Latitude", "lon_raw", "Longitude", "locale", "Locale",
      "status", "Status", "url", "URL", "points", "Points Count");
  static final List<String> POSTS_REQUIRED = List.of("post_id", "created", "up_raw", "down_raw");

  static final Map<String, String> POINTS = ordered(
      "post_id", "Post Id", "created", "Created", "value", "Value",
      "email", "Email", "helpful_raw", "Helpful Count", "unhelpful_raw", "Unhelpful Count", "language", "Language", "status", "Status");
  static final List<String> POINTS_REQUIRED = List.of("post_id", "created", "value");

  private ExportColumns() {}

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** For each staging column, the sheet's header for it (empty when the sheet lacks an optional column). */
  static Map<String, Optional<String>> find(ExportSheet sheet, Map<String, String> wanted, List<String> required, Path xlsx) {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    for (var e : wanted.entrySet()) {
      out.put(e.getKey(), required.contains(e.getKey()) ? Optional.of(sheet.require(e.getValue(), xlsx)) : sheet.column(e.getValue()));
    }
    return out;
  }
}
