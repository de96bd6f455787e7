package dev.spotlight.connectors.iati;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.connectors.files.FileOptions;
import java.util.ArrayList;
import java.util.List;

/** The {@code options:} of an {@code iati} source, checked without reading data. */
record IatiOptions(List<String> files, Location filesAt, List<String> transactionTypes, boolean skipBadRows) {

  static final List<String> KEYS = List.of("files", "transaction_types", "on_bad_row");

  /** Outgoing commitments and disbursements. */
  static final List<String> DEFAULT_TYPES = List.of("2", "3");

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static IatiOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    // grantees: is refused below with its own message, not as an unknown key
    options.checkKeys(java.util.stream.Stream.concat(KEYS.stream(), java.util.stream.Stream.of("grantees")).toList(), "iati connector options", problems);
    List<String> files = List.of();
    List<String> types = DEFAULT_TYPES;
    boolean skip = false;
    try {
      files = FileOptions.files(options, "iati", "a path or glob of IATI activity XML files relative to the project file, e.g. exports/iati/*.xml",
          problems);
      if (options.has("transaction_types")) {
        types = new ArrayList<>();
        for (YamlScalar t : options.stringList("transaction_types")) {
          String code = IatiXml.typeCode(t.text());
          if (code == null || Integer.parseInt(code) < 1 || Integer.parseInt(code) > 13) {
            problems.add(t.location(), "transaction_types: '" + t.text() + "' is not an IATI transaction type code",
                "use the codes 1-13 of the TransactionType codelist (2 = outgoing commitment, 3 = disbursement) or the 1.0x codes C, D, E, IF…");
          } else if (!types.contains(code)) {
            types.add(code);
          }
        }
        if (types.isEmpty() && problems.list().size() == before) {
          problems.add(options.locationOf("transaction_types"), "transaction_types: is empty", "leave it out for the default [2, 3]");
        }
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (options.has("grantees")) {
      problems.add(options.keyLocation("grantees"), "the iati option grantees: is gone: receivers are mapped through the project's grantees",
          "list each receiver-org ref under its grantee's org_ids in the project file's grantees:");
    }
    try {
      skip = FileOptions.skipBadRows(options, problems);
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new IatiOptions(files, options.locationOf("files"), List.copyOf(types), skip);
  }
}
