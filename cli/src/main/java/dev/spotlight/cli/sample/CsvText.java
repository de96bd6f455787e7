package dev.spotlight.cli.sample;

/** CSV fields as RFC 4180 writes them: quoted only when they hold the delimiter, a quote or a line break. */
final class CsvText {

  private CsvText() {}

  static void appendField(StringBuilder out, String value, char delimiter) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}
