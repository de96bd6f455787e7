package dev.spotlight.connectors.threesixtygiving;

import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.files.JsonText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes grants as NDJSON (record number, line, and each field as text) for DuckDB to read back. */
final class GrantNdjson {

  private final BufferedWriter out;
  private final StringBuilder b = new StringBuilder();

  GrantNdjson(BufferedWriter out) {
    this.out = out;
  }

  /** One grant; {@code values} holds the fields it has, each trimmed and non-empty. */
  void write(long record, int line, Map<GrantField, String> values) throws IOException {
    b.setLength(0);
    b.append("{\"__rec\":").append(record).append(",\"__line\":").append(line);
    values.forEach((f, v) -> {
      b.append(",\"").append(f.key).append("\":");
      JsonText.quote(b, v);
    });
    b.append("}\n");
    out.write(b.toString());
  }

  /** Text that is null when blank, else trimmed. */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    return t.isEmpty() ? null : t;
  }

  /** A relation with {@code __rec}, {@code __line} and every field as text, read from {@code ndjson}. */
  static String relation(Path ndjson) {
    String types = GrantField.ALL.stream().map(f -> Sql.literal(f.key) + ": 'VARCHAR'").collect(Collectors.joining(", "));
    return "read_json(" + Sql.literal(ndjson.toAbsolutePath().toString())
        + ", format = 'newline_delimited', columns = {'__rec': 'BIGINT', '__line': 'INTEGER', " + types + "})";
  }
}
