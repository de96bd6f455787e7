package dev.spotlight.connectors.files;

import dev.spotlight.common.error.Problems;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import java.util.List;

/** The options every file connector takes, {@code files:} and {@code on_bad_row:}, checked the same way everywhere. */
public final class FileOptions {

  private FileOptions() {}

  /**
   * The {@code files:} patterns (a string or a list); none is a problem saying what {@code connector}
   * wants, e.g. {@code "a path or glob relative to the project file, e.g. exports/*.csv"}.
   */
  public static List<String> files(YamlMap options, String connector, String what, Problems problems) {
    List<String> files = options.stringList("files").stream().map(YamlScalar::text).toList();
    if (files.isEmpty()) {
      problems.add(options.location(), connector + " source needs 'files:'", what);
    }
    return files;
  }

  /** Whether {@code on_bad_row:} is {@code skip}; anything but {@code error} (the default) or {@code skip} is a problem. */
  public static boolean skipBadRows(YamlMap options, Problems problems) {
    String bad = options.string("on_bad_row", "error");
    if (!bad.equals("error") && !bad.equals("skip")) {
      problems.add(options.locationOf("on_bad_row"), "on_bad_row must be error or skip, not '" + bad + "'", null);
    }
    return bad.equals("skip");
  }
}
