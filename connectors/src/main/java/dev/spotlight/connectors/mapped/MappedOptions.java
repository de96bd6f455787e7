package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.connectors.canonical.Vocabulary;
import dev.spotlight.connectors.files.TextEncoding;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code options:} of a {@code mapped} source (SPEC §1.1), checked without reading data. */
public record MappedOptions(
    List<String> files,
    Location filesAt,
    Format format,
    String delimiter,
    Charset encoding,
    boolean header,
    String sheet,
    CanonicalTable table,
    String platformKind,
    MappingSpec mapping,
    boolean skipBadRows) {

  /** The file formats the mapped connector reads. */
  public enum Format {
    CSV,
    JSON,
    XLSX
  }

  static final Set<String> KEYS = Set.of(
      "files", "format", "delimiter", "encoding", "header", "sheet", "table", "platform_kind", "mapping", "on_bad_row");

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  public static MappedOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(KEYS, "mapped connector options", problems);
    List<String> files = List.of();
    Format format = null;
    String delimiter = ",";
    Charset encoding = java.nio.charset.StandardCharsets.UTF_8;
    boolean header = true;
    String sheet = null;
    CanonicalTable table = CanonicalTable.ACTIVITY;
    String platformKind = null;
    MappingSpec mapping = null;
    boolean skip = false;
    try {
      files = options.stringList("files").stream().map(YamlScalar::text).toList();
      if (files.isEmpty()) {
        problems.add(options.location(), "mapped source needs 'files:'", "a path or glob relative to the project file, e.g. exports/*.csv");
      }
      if (options.has("format")) {
        String f = options.optString("format").orElseThrow().toLowerCase(Locale.ROOT);
        try {
          format = Format.valueOf(f.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problems.add(options.locationOf("format"), "unknown format '" + f + "'", DidYouMean.hint(f, List.of("csv", "json", "xlsx")));
        }
      }
      if (options.has("delimiter")) {
        delimiter = options.optString("delimiter").orElseThrow();
        if ("\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter)) {
          delimiter = "\t";
        }
        if (delimiter.length() != 1) {
          problems.add(options.locationOf("delimiter"), "delimiter must be one character, not '" + delimiter + "'", "use \\t for tab");
        }
      }
      encoding = TextEncoding.parse(options, problems);
      if (options.has("header")) {
        header = options.optScalar("header").orElseThrow().asBoolean("header");
      }
      sheet = options.optString("sheet").orElse(null);
      if (options.has("table")) {
        String t = options.optString("table").orElseThrow();
        table = CanonicalTable.byName(t).orElse(null);
        if (table == null) {
          problems.add(options.locationOf("table"), "unknown table '" + t + "'", "expected activity or costs");
          table = CanonicalTable.ACTIVITY;
        }
      }
      platformKind = options.optString("platform_kind").orElse(null);
      if (platformKind != null && !Vocabulary.PLATFORM_KINDS.contains(platformKind)) {
        problems.add(options.locationOf("platform_kind"), "unknown platform_kind '" + platformKind + "'", DidYouMean.hint(platformKind, Vocabulary.PLATFORM_KINDS));
      }
      String bad = options.string("on_bad_row", "error");
      if (!bad.equals("error") && !bad.equals("skip")) {
        problems.add(options.locationOf("on_bad_row"), "on_bad_row must be error or skip, not '" + bad + "'", null);
      }
      skip = bad.equals("skip");
      if (!options.has("mapping")) {
        problems.add(options.location(), "mapped source needs 'mapping:'", "map at least event_id, event_type and occurred_at");
      } else {
        mapping = MappingSpec.parse(options.optMap("mapping").orElseThrow(), table, problems);
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new MappedOptions(files, options.locationOf("files"), format, delimiter, encoding, header, sheet, table, platformKind, mapping, skip);
  }

  /** The format of {@code fileName}: the {@code format:} option, else its extension. */
  public Format formatOf(String fileName) {
    if (format != null) {
      return format;
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
      return Format.JSON;
    }
    if (lower.endsWith(".xlsx")) {
      return Format.XLSX;
    }
    if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
      return Format.CSV;
    }
    throw new SpotlightException(ExitKind.DEFINITION, filesAt, "cannot tell the format of '" + fileName + "'", "add format: csv, json or xlsx");
  }
}
