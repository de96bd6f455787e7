package dev.spotlight.connectors.smartcitizen;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code options:} of a {@code smartcitizen} source, checked without reading data.
 *
 * @param device the device id of every file, or null to derive it from each file's name
 * @param sensors the sensor keys to keep (header row 1, e.g. TEMP), or empty for all
 */
public record SmartCitizenOptions(
    List<String> files, Location filesAt, String device, Location deviceAt, List<String> sensors, Location sensorsAt, boolean skipBadRows) {

  static final List<String> KEYS = List.of("files", "device", "sensors", "on_bad_row");

  public SmartCitizenOptions {
    files = List.copyOf(files);
    sensors = List.copyOf(sensors);
  }

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  public static SmartCitizenOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(KEYS, "smartcitizen connector options", problems);
    List<String> files = List.of();
    String device = null;
    List<String> sensors = List.of();
    boolean skip = false;
    try {
      files = options.stringList("files").stream().map(YamlScalar::text).toList();
      if (files.isEmpty() || files.stream().anyMatch(f -> f == null || f.isBlank())) {
        problems.add(options.locationOf("files"), "smartcitizen source needs 'files:'",
            "a path or glob (or a list) relative to the project file, e.g. exports/sck-1616/*.CSV");
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    try {
      if (options.has("device")) {
        device = options.optString("device").map(String::trim).orElse("");
        if (device.isEmpty()) {
          problems.add(options.locationOf("device"), "device must not be empty", "leave device: out to take the id from each file's name");
          device = null;
        }
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    try {
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      for (YamlScalar s : options.stringList("sensors")) {
        String key = s.text() == null ? "" : s.text().trim();
        if (key.isEmpty()) {
          problems.add(s.location(), "empty sensor name in sensors:", "list sensor keys from the file's first header row, e.g. [TEMP, HUM, NOISE_A]");
        } else if (!seen.add(key)) {
          problems.add(s.location(), "sensor '" + key + "' is listed twice in sensors:", null);
        }
      }
      if (options.has("sensors") && seen.isEmpty() && problems.list().size() == before) {
        problems.add(options.locationOf("sensors"), "sensors: lists no sensor", "leave sensors: out to keep every sensor column");
      }
      sensors = List.copyOf(seen);
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    try {
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
    return new SmartCitizenOptions(files, options.locationOf("files"), device, options.locationOf("device"), sensors, options.locationOf("sensors"), skip);
  }
}
