package dev.spotlight.connectors.threesixtygiving;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.connectors.files.FileOptions;
import dev.spotlight.connectors.files.TextEncoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The {@code options:} of a {@code 360giving} source, checked without reading data. */
record ThreeSixtyGivingOptions(List<String> files, Location filesAt, String format, Charset encoding, boolean skipBadRows) {

  static final List<String> KEYS = List.of("files", "format", "encoding", "on_bad_row");
  static final List<String> FORMATS = List.of("json", "csv", "xlsx");

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static ThreeSixtyGivingOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(KEYS, "360giving connector options", problems);
    List<String> files = List.of();
    String format = null;
    Charset encoding = StandardCharsets.UTF_8;
    boolean skip = false;
    try {
      files = FileOptions.files(options, "360giving",
          "a path or glob of 360Giving JSON, CSV or XLSX files relative to the project file, e.g. exports/grants/*.json", problems);
      if (options.has("format")) {
        format = options.optString("format").orElseThrow().strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
          problems.add(options.locationOf("format"), "unknown format '" + format + "'", DidYouMean.hint(format, FORMATS));
        }
      }
      encoding = TextEncoding.parse(options, problems);
      skip = FileOptions.skipBadRows(options, problems);
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new ThreeSixtyGivingOptions(files, options.locationOf("files"), format, encoding, skip);
  }

  /** The format {@code file} is read as: the {@code format:} option, else its extension; an unknown extension is bad input. */
  String formatOf(Path file) {
    if (format != null) {
      return format;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String f : FORMATS) {
      if (name.endsWith("." + f)) {
        return f;
      }
    }
    throw new SpotlightException(ExitKind.DATA, Location.of(file), "cannot tell the format of '" + file.getFileName() + "' from its extension",
        "name it .json, .csv or .xlsx, or set format: json | csv | xlsx");
  }
}
