package dev.spotlight.connectors.fixmystreet;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
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
      files = options.stringList("files").stream().map(YamlScalar::text).toList();
      if (files.isEmpty()) {
        problems.add(options.location(), "fixmystreet-csv source needs 'files:'", "a path or glob relative to the project file, e.g. exports/fixmystreet/*.csv");
      }
      area = options.optString("area_column").orElse(null);
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
    return new FixMyStreetOptions(files, options.locationOf("files"), area, skip);
  }
}
