package dev.spotlight.common.error;

import java.nio.file.Path;

/** A place in a file that an error points at; line and column are 1-based, 0 when unknown. */
public record Location(String file, int line, int column) {

  public static final Location NONE = new Location(null, 0, 0);

  public static Location of(Path file) {
    return new Location(file.toString(), 0, 0);
  }

  /** The same file and line, the column moved right by {@code offset} characters. */
  public Location shifted(int offset) {
    return column == 0 ? this : new Location(file, line, column + offset);
  }

  /** {@code FILE:LINE:COL}, shortened to {@code FILE} or empty where parts are unknown. */
  public String render() {
    if (file == null) {
      return "";
    }
    if (line <= 0) {
      return file;
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
