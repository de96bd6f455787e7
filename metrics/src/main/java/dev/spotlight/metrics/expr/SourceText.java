package dev.spotlight.metrics.expr;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.util.function.IntFunction;

/**
 * An expression's text and where it starts in its file, so offsets map to file locations.
 *
 * @param locator where each offset is in the file, when the caller knows better than counting from
 *     {@code start} (text that YAML unquoted, unescaped or folded); null to count from {@code start}
 */
record SourceText(String text, Location start, IntFunction<Location> locator) {

  private static final int EXCERPT_LENGTH = 40;

  SourceText(String text, Location start) {
    this(text, start, null);
  }

  /**
   * The file location of the character at {@code offset}. Text that spans lines (a YAML block
   * scalar) advances the line and restarts the column at 1 after each newline.
   */
  Location at(int offset) {
    if (locator != null) {
      return locator.apply(offset);
    }
    int lastNewline = text.lastIndexOf('\n', offset - 1);
    if (lastNewline < 0 || start.line() <= 0) {
      return start.shifted(offset);
    }
    int lines = 0;
    for (int i = 0; i <= lastNewline; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    int column = start.column() <= 0 ? 0 : offset - lastNewline;
    return new Location(start.file(), start.line() + lines, column);
  }

  SpotlightException error(int offset, String message, String hint) {
    return SpotlightException.definition(at(offset), message, hint);
  }

  /**
   * User text made safe for a one-line message: control characters are escaped and long text is cut
   * short.
   */
  static String excerpt(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < s.length() && out.length() < EXCERPT_LENGTH; i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return i < s.length() ? out + "..." : out.toString();
  }
}
