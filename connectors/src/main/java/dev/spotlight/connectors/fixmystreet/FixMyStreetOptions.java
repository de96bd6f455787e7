package dev.spotlight.connectors.fixmystreet;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.connectors.files.FileOptions;
import java.util.List;
import java.util.Set;

/** The {@code options:} of a {@code fixmystreet-csv} source, checked without reading data. */
record FixMyStreetOptions(List<String> files, Location filesAt, String areaColumn, boolean skipBadRows) {

  static final List<String> KEYS = List.of("files", "area_column", "on_bad_row");

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static FixMyStreetOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(Set.copyOf(KEYS), "fixmystreet-csv connector options", problems);
    List<String> files = List.of();
    String area = null;
    boolean skip = false;
    try {
      files = FileOptions.files(options, "fixmystreet-csv", "a path or glob relative to the project file, e.g. exports/fixmystreet/*.csv", problems);
      area = options.optString("area_column").orElse(null);
      skip = FileOptions.skipBadRows(options, problems);
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new FixMyStreetOptions(files, options.locationOf("files"), area, skip);
  }
}
