package dev.spotlight.connectors.open311;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code options:} of an {@code open311} source, checked without reading data: saved files
 * ({@code files:}) or a live endpoint ({@code url:} and its options, see {@link Open311LiveOptions}).
 *
 * @param live the live endpoint, or null when the source reads files
 */
record Open311Options(List<String> files, Location filesAt, String services, Location servicesAt, boolean closedIsFixed, boolean skipBadRows,
    Open311LiveOptions live) {

  static final List<String> KEYS = List.of("files", "services", "closed_is_fixed", "on_bad_row");

  /** Options of the live endpoint. */
  static final List<String> LIVE_KEYS = Open311LiveOptions.KEYS;

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static Open311Options parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    List<String> allowed = new ArrayList<>(KEYS);
    allowed.addAll(LIVE_KEYS);
    options.checkKeys(Set.copyOf(allowed), "open311 connector options", problems);
    Open311LiveOptions live = null;
    if (options.has("url")) {
      if (options.has("files")) {
        problems.add(options.keyLocation("files"), "an open311 source reads files: or a live url:, not both", "split it into two sources");
      }
      live = Open311LiveOptions.parse(options, problems);
    } else {
      for (String key : LIVE_KEYS) {
        if (options.has(key)) {
          problems.add(options.keyLocation(key), "'" + key + "' is an option of live endpoints, which need url:", "add url: (the GeoReport v2 base URL) or remove " + key + ":");
        }
      }
    }
    List<String> files = List.of();
    String services = null;
    boolean closedIsFixed = true;
    boolean skip = false;
    try {
      files = options.stringList("files").stream().map(YamlScalar::text).toList();
      if (files.isEmpty() && !options.has("url")) {
        problems.add(options.location(), "open311 source needs 'files:'",
            "a path or glob of saved GeoReport v2 responses relative to the project file, e.g. exports/open311/requests-*.json");
      }
      services = options.optString("services").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
      if (options.has("services") && services == null) {
        problems.add(options.locationOf("services"), "services: is empty", "the path of a saved services.json or services.xml, or leave services: out");
      }
      String closed = options.string("closed_is_fixed", "true").trim();
      if (!closed.equals("true") && !closed.equals("false")) {
        problems.add(options.locationOf("closed_is_fixed"), "closed_is_fixed must be true or false, not '" + closed + "'", null);
      }
      closedIsFixed = !closed.equals("false");
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
    return new Open311Options(files, options.locationOf("files"), services, options.locationOf("services"), closedIsFixed, skip, live);
  }
}
