package dev.spotlight.connectors.smartcitizen;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.connectors.http.LiveOptionReader;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The options of a {@code smartcitizen} source that reads the readings API ({@code devices:} given)
 * instead of SD-card files.
 *
 * @param devices the device ids (numbers, as in {@code /v0/devices/1616})
 * @param sensors the sensor ids to read, or empty for every sensor of each device
 * @param rollup the API's rollup, e.g. {@code 1h}: each reading is the average over one such interval
 */
record SmartCitizenApiOptions(List<Long> devices, Location devicesAt, List<Long> sensors, Location sensorsAt, String rollup, URI url,
    String tokenEnv, Location tokenEnvAt, int windowDays, boolean skipBadRows) {

  static final List<String> KEYS = List.of("devices", "sensors", "rollup", "url", "token_env", "window_days", "on_bad_row");
  static final String DEFAULT_URL = "https://api.smartcitizen.me";
  static final String DEFAULT_ROLLUP = "1h";
  static final int DEFAULT_WINDOW_DAYS = 30;

  private static final Pattern ROLLUP = Pattern.compile("[1-9][0-9]*(ms|s|m|h|d|w|M|y)");

  SmartCitizenApiOptions {
    devices = List.copyOf(devices);
    sensors = List.copyOf(sensors);
  }

  /** Whether a source's options ask for the readings API rather than files. */
  static boolean wanted(YamlMap options) {
    return options.has("devices");
  }

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static SmartCitizenApiOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(KEYS, "smartcitizen connector options (readings API)", problems);
    for (String fileKey : List.of("files", "device")) {
      if (options.has(fileKey)) {
        problems.add(options.keyLocation(fileKey), "a smartcitizen source reads SD-card files: or the readings API (devices:), not both",
            "split it into two sources");
      }
    }
    List<Long> devices = ids(options, "devices", problems);
    if (devices.isEmpty() && problems.list().size() == before) {
      problems.add(options.locationOf("devices"), "devices: lists no device", "the kit ids from smartcitizen.me, e.g. devices: [1616, 4213]");
    }
    List<Long> sensors = ids(options, "sensors", problems);
    String rollup = DEFAULT_ROLLUP;
    boolean skip = false;
    try {
      rollup = options.string("rollup", DEFAULT_ROLLUP).trim();
      if (!ROLLUP.matcher(rollup).matches()) {
        problems.add(options.locationOf("rollup"), "rollup must be a number and a unit (ms, s, m, h, d, w, M, y), e.g. 1h or 15m, not '" + rollup + "'",
            null);
      }
      String bad = options.string("on_bad_row", "error");
      if (!bad.equals("error") && !bad.equals("skip")) {
        problems.add(options.locationOf("on_bad_row"), "on_bad_row must be error or skip, not '" + bad + "'", null);
      }
      skip = bad.equals("skip");
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    URI url = null;
    String tokenEnv = null;
    int windowDays = DEFAULT_WINDOW_DAYS;
    try {
      url = LiveOptionReader.baseUrl(options, "url", DEFAULT_URL, problems);
      tokenEnv = LiveOptionReader.envName(options, "token_env", problems);
      windowDays = LiveOptionReader.intInRange(options, "window_days", DEFAULT_WINDOW_DAYS, 1, 366, problems);
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new SmartCitizenApiOptions(devices, options.locationOf("devices"), sensors, options.locationOf("sensors"), rollup, url, tokenEnv,
        options.locationOf("token_env"), windowDays, skip);
  }

  private static List<Long> ids(YamlMap options, String key, Problems problems) {
    LinkedHashSet<Long> out = new LinkedHashSet<>();
    try {
      for (YamlScalar s : options.stringList(key)) {
        String text = s.text() == null ? "" : s.text().trim();
        try {
          long id = Long.parseLong(text);
          if (id <= 0) {
            throw new NumberFormatException();
          }
          if (!out.add(id)) {
            problems.add(s.location(), key + ": " + id + " is listed twice", null);
          }
        } catch (NumberFormatException e) {
          problems.add(s.location(), key + ": '" + text + "' is not an id (a whole number, e.g. 1616)", null);
        }
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    return List.copyOf(out);
  }
}
