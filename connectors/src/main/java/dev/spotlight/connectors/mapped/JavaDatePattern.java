package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;

/**
 * Translates the Java {@code DateTimeFormatter} patterns users write in {@code format:} into
 * DuckDB {@code strptime} formats, so dates are parsed in bulk inside DuckDB.
 */
public final class JavaDatePattern {

  private JavaDatePattern() {}

  /** Whether the pattern reads a zone offset (so a trailing {@code Z} in the data means UTC). */
  public static boolean readsOffset(String pattern) {
    String unquoted = pattern.replaceAll("'[^']*'", "");
    return unquoted.indexOf('X') >= 0 || unquoted.indexOf('x') >= 0 || unquoted.indexOf('Z') >= 0;
  }

  public static String toStrptime(String pattern, Location at) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int end = pattern.indexOf('\'', i + 1);
        if (end < 0) {
          throw SpotlightException.definition(at, "unclosed quote in date format '" + pattern + "'", null);
        }
        String literal = end == i + 1 ? "'" : pattern.substring(i + 1, end);
        out.append(literal.replace("%", "%%"));
        i = end + 1;
        continue;
      }
      if (c == '[' || c == ']' || c == '{' || c == '}' || c == '#') {
        throw SpotlightException.definition(at, "optional sections and reserved characters ([ ] { } #) are not supported in date format '" + pattern + "'",
            "write one pattern per source, e.g. dd/MM/yyyy HH:mm");
      }
      if (!Character.isLetter(c)) {
        out.append(c == '%' ? "%%" : String.valueOf(c));
        i++;
        continue;
      }
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      out.append(letter(c, run, pattern, at));
      i += run;
    }
    return out.toString();
  }

  private static String letter(char c, int run, String pattern, Location at) {
    String s = switch (c) {
      case 'y', 'u' -> run == 2 ? "%y" : "%Y";
      case 'M', 'L' -> run <= 2 ? "%m" : run == 3 ? "%b" : "%B";
      case 'd' -> "%d";
      case 'H' -> "%H";
      case 'h' -> "%I";
      case 'm' -> "%M";
      case 's' -> "%S";
      case 'S' -> run <= 3 ? "%g" : run <= 6 ? "%f" : "%n";
      case 'a' -> "%p";
      case 'E' -> run <= 3 ? "%a" : "%A";
      case 'X', 'x', 'Z' -> "%z";
      default -> null;
    };
    if (s == null) {
      throw SpotlightException.definition(
          at, "date format letter '" + c + "' in '" + pattern + "' is not supported", "use y M d H h m s S a E X x Z and quoted 'text'");
    }
    return s;
  }
}
