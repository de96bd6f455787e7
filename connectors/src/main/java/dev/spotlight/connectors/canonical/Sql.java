package dev.spotlight.connectors.canonical;

/** Quoting for the few things that cannot be bound as parameters in DuckDB: identifiers and file paths. */
public final class Sql {

  private Sql() {}

  /** A double-quoted identifier, inner quotes doubled. */
  public static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A single-quoted string literal, inner quotes doubled; only for file paths from configuration. */
  public static String literal(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL character in SQL literal");
    }
    return "'" + text.replace("'", "''") + "'";
  }
}
