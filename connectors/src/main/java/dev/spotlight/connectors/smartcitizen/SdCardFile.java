package dev.spotlight.connectors.smartcitizen;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The four header rows of a Smart Citizen Kit SD-card CSV: sensor keys (TIME, TEMP, ...), units
 * (ISO 8601, C, ...), long names (Time, Temperature, ...) and sensor ids (empty under TIME). Only
 * these few lines are read in Java; DuckDB reads the data rows.
 */
final class SdCardFile {

  static final int HEADER_ROWS = 4;

  private static final Pattern LOOKS_LIKE_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*");
  private static final String HINT = "an SD-card export starts with 4 header rows: sensor keys (TIME,TEMP,...),"
      + " units (ISO 8601,C,...), names (Time,Temperature,...) and sensor ids (,55,...)";

  /** One sensor column: its 1-based column number in the file and its header cells. */
  record Sensor(int column, String key, String unit, String name, String sensorId) {}

  private final Path path;
  private final String shown;
  private final int fieldCount;
  private final List<Sensor> sensors;

  private SdCardFile(Path path, String shown, int fieldCount, List<Sensor> sensors) {
    this.path = path;
    this.shown = shown;
    this.fieldCount = fieldCount;
    this.sensors = List.copyOf(sensors);
  }

  /** Reads and checks the header rows of {@code path}; a file that does not have all four is bad input. */
  static SdCardFile open(Path path, String shown) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      while (lines.size() < HEADER_ROWS && (line = in.readLine()) != null) {
        lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new SpotlightException(ExitKind.DATA, new Location(shown, 0, 0), "the header rows are not valid UTF-8", "SD-card exports are plain ASCII; check the file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new SpotlightException(ExitKind.DATA, new Location(shown, 1, 0), "the file is empty or starts with a blank line, not the sensor key header row", HINT);
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> cells = split(lines.get(i));
      if (i > 0 && (lines.get(i).isBlank() || LOOKS_LIKE_DATE.matcher(cells.get(0).trim()).matches())) {
        throw fewerHeaderRows(shown, i + 1, i);
      }
      rows.add(cells);
    }
    if (rows.size() < HEADER_ROWS) {
      throw fewerHeaderRows(shown, rows.size() + 1, rows.size());
    }
    List<String> keys = rows.get(0);
    if (!keys.get(0).trim().equalsIgnoreCase("TIME")) {
      throw new SpotlightException(ExitKind.DATA, new Location(shown, 1, 1),
          "the first column is '" + keys.get(0).trim() + "', not TIME: this does not look like a Smart Citizen SD-card export", HINT);
    }
    if (keys.size() < 2) {
      throw new SpotlightException(ExitKind.DATA, new Location(shown, 1, 0), "the file has a TIME column but no sensor columns", HINT);
    }
    for (int i = 1; i < HEADER_ROWS; i++) {
      if (rows.get(i).size() != keys.size()) {
        throw new SpotlightException(ExitKind.DATA, new Location(shown, i + 1, 0),
            "header row " + (i + 1) + " has " + rows.get(i).size() + " fields but the sensor key row has " + keys.size(), HINT);
      }
    }
    List<Sensor> sensors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int col = 1; col < keys.size(); col++) {
      String key = keys.get(col).trim();
      String name = blankToNull(rows.get(2).get(col));
      if (key.isEmpty()) {
        key = name;
      }
      if (key == null) {
        throw new SpotlightException(ExitKind.DATA, new Location(shown, 1, col + 1), "column " + (col + 1) + " has neither a sensor key nor a name", HINT);
      }
      Integer first = seen.putIfAbsent(key.toLowerCase(Locale.ROOT), col + 1);
      if (first != null) {
        throw new SpotlightException(ExitKind.DATA, new Location(shown, 1, col + 1),
            "sensor '" + key + "' appears twice in the header (columns " + first + " and " + (col + 1) + ")", "each sensor column needs its own key");
      }
      sensors.add(new Sensor(col + 1, key, blankToNull(rows.get(1).get(col)), name, blankToNull(rows.get(3).get(col))));
    }
    return new SdCardFile(path, shown, keys.size(), sensors);
  }

  private static SpotlightException fewerHeaderRows(String shown, int line, int found) {
    return new SpotlightException(ExitKind.DATA, new Location(shown, line, 0),
        "the file has " + found + " header row" + (found == 1 ? "" : "s") + " where a Smart Citizen SD-card export has " + HEADER_ROWS, HINT);
  }

  private static String blankToNull(String s) {
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }

  /** Splits one CSV line on commas, honouring double quotes (header rows never span lines). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  Path path() {
    return path;
  }

  String shown() {
    return shown;
  }

  /** Fields per row, TIME included. */
  int fieldCount() {
    return fieldCount;
  }

  List<Sensor> sensors() {
    return sensors;
  }

  /** The data record numbers (as {@link #lineOf} counts them) of rows whose number of fields is not the header's. */
  List<Long> raggedRows() {
    List<Long> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      long line = 0;
      long seen = 0;
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (line > HEADER_ROWS && !text.isEmpty()) {
          seen++;
          if (split(text).size() != fieldCount) {
            out.add(seen);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The physical line of data record {@code record} (1-based, as DuckDB numbers them after the
   * header rows, blank lines not counted). Only used to word an error.
   */
  long lineOf(long record) {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      long line = 0;
      long seen = 0;
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (line > HEADER_ROWS && !text.isEmpty() && ++seen == record) {
          return line;
        }
      }
    } catch (IOException e) {
      // fall back to the arithmetic below
    }
    return record + HEADER_ROWS;
  }
}
