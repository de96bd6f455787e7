package dev.spotlight.connectors.canonical;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's many-line read errors into the one-line, file-and-line errors users get. */
public final class DuckDbErrors {

  private static final Pattern LINE = Pattern.compile("on Line: (\\d+)");

  private DuckDbErrors() {}

  public static SpotlightException readError(SQLException e, String file) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String[] lines = message.split("\\R");
    Matcher m = LINE.matcher(message);
    int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
    String what = lines[0].replaceFirst("^[A-Za-z ]*Error: ", "");
    if (line > 0) {
      for (int i = 1; i < lines.length; i++) {
        String l = lines[i].trim();
        if (!l.isEmpty() && !l.startsWith("Original Line") && !l.startsWith("Possible") && !l.contains(" = ")) {
          what = l;
          break;
        }
      }
    } else if (what.startsWith("Error when sniffing")) {
      what = "cannot parse the file as CSV with the given delimiter and quoting";
    }
    String hint = what.contains("unicode") || what.contains("encod") ? "set encoding: in the source options (e.g. latin-1)" : null;
    return new SpotlightException(ExitKind.DATA, new Location(file, line, 0), what, hint);
  }
}
