package dev.spotlight.connectors.repair;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.connectors.files.FileOptions;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code options:} of an {@code open-repair} source, checked without reading data. */
record OpenRepairOptions(
    List<String> files,
    Location filesAt,
    String format,
    List<String> fixedStatuses,
    String areaColumn,
    String participantColumn,
    boolean skipBadRows) {

  static final List<String> KEYS = List.of("files", "format", "fixed_statuses", "area_column", "participant_column", "on_bad_row");
  static final List<String> FORMATS = List.of("csv", "json");

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static OpenRepairOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(Set.copyOf(KEYS), "open-repair connector options", problems);
    List<String> files = List.of();
    String format = null;
    List<String> fixed = List.of("fixed");
    String area = null;
    String participant = null;
    boolean skip = false;
    try {
      files = FileOptions.files(options, "open-repair", "a path or glob relative to the project file, e.g. exports/OpenRepairData_*.csv", problems);
      if (options.has("format")) {
        format = options.optString("format").orElseThrow().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
          problems.add(options.locationOf("format"), "unknown format '" + format + "'", DidYouMean.hint(format, FORMATS));
        }
      }
      if (options.has("fixed_statuses")) {
        fixed = options.stringList("fixed_statuses").stream().map(s -> s.text().trim().toLowerCase(Locale.ROOT)).toList();
        if (fixed.isEmpty() || fixed.stream().anyMatch(String::isEmpty)) {
          problems.add(options.locationOf("fixed_statuses"), "fixed_statuses needs at least one non-empty value", "e.g. fixed_statuses: [Fixed]");
        }
      }
      area = options.optString("area_column").orElse(null);
      participant = options.optString("participant_column").orElse(null);
      skip = FileOptions.skipBadRows(options, problems);
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new OpenRepairOptions(files, options.locationOf("files"), format, fixed, area, participant, skip);
  }

  /** Whether {@code fileName} is read as JSON: the {@code format:} option, else its extension. */
  boolean isJson(String fileName) {
    if (format != null) {
      return format.equals("json");
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl");
  }
}
