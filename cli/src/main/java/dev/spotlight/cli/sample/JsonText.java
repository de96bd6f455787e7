package dev.spotlight.cli.sample;

/** JSON values for the hand-written JSON exports: strings escaped, empty strings written as null. */
final class JsonText {

  private JsonText() {}

  /** A string member value, or {@code null} when {@code value} is empty. */
  static void appendStringOrNull(StringBuilder out, String value) {
    if (value.isEmpty()) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
