package dev.spotlight.metrics.engine.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the {@code ?} placeholders of compiled SQL as Spark named parameters {@code :p1},
 * {@code :p2}, ... in text order. Spark does not bind positional markers in text order when they
 * sit in several common table expressions; names bind exactly. Quoted text ({@code '...'}) and
 * quoted identifiers ({@code `...`}) are copied unchanged.
 */
final class NamedParameters {

  private NamedParameters() {}

  /** The SQL with named markers, and the values by name. */
  record Bound(String sql, Map<String, Object> args) {}

  static Bound bind(String sql, List<Object> params) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    Map<String, Object> args = new LinkedHashMap<>();
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '`') {
        quote = c;
        out.append(c);
      } else if (c == '?') {
        if (args.size() == params.size()) {
          throw new IllegalArgumentException("the SQL has more placeholders than the " + params.size() + " parameters given");
        }
        String name = "p" + (args.size() + 1);
        args.put(name, params.get(args.size()));
        out.append(':').append(name);
      } else {
        out.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unterminated quote in the SQL");
    }
    if (args.size() != params.size()) {
      throw new IllegalArgumentException("the SQL has " + args.size() + " placeholders for " + params.size() + " parameters");
    }
    return new Bound(out.toString(), args);
  }
}
