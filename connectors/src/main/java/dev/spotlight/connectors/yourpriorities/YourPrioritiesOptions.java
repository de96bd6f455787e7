package dev.spotlight.connectors.yourpriorities;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import java.util.List;
import java.util.Set;

/** The {@code options:} of a {@code your-priorities} source, checked without reading data. */
record YourPrioritiesOptions(
    List<String> files, Location filesAt, String postsSheet, String pointsSheet, String areaColumn, boolean skipBadRows) {

  static final List<String> KEYS = List.of("files", "posts_sheet", "points_sheet", "area_column", "on_bad_row");

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static YourPrioritiesOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(Set.copyOf(KEYS), "your-priorities connector options", problems);
    List<String> files = List.of();
    String posts = null;
    String points = null;
    String area = null;
    boolean skip = false;
    try {
      files = options.stringList("files").stream().map(YamlScalar::text).toList();
      if (files.isEmpty()) {
        problems.add(options.location(), "your-priorities source needs 'files:'",
            "a path or glob relative to the project file, e.g. exports/Ideas_and_Points_Group_Export_*.xlsx");
      }
      posts = nonBlank(options, "posts_sheet", problems);
      points = nonBlank(options, "points_sheet", problems);
      area = nonBlank(options, "area_column", problems);
      String bad = options.string("on_bad_row", "error");
      if (!bad.equals("error") && !bad.equals("skip")) {
        problems.add(options.locationOf("on_bad_row"), "on_bad_row must be error or skip, not '" + bad + "'", null);
      }
      skip = bad.equals("skip");
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new YourPrioritiesOptions(files, options.locationOf("files"), posts, points, area, skip);
  }

  private static String nonBlank(YamlMap options, String key, Problems problems) {
    if (!options.has(key)) {
      return null;
    }
    String text = options.optString(key).orElseThrow().trim();
    if (text.isEmpty()) {
      problems.add(options.locationOf(key), key + " is empty", "name the sheet or column exactly as the export writes it, or leave the key out");
      return null;
    }
    return text;
  }
}
