package dev.spotlight.connectors.files;

import java.nio.file.Path;

/** The {@code origin} a canonical row records: its file's path relative to the project folder. */
public final class FileOrigin {

  private FileOrigin() {}

  /** {@code file} relative to {@code projectDir}, or as given when it cannot be made relative (another drive). */
  public static String of(Path projectDir, Path file) {
    try {
      return projectDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    } catch (IllegalArgumentException e) {
      return file.toString();
    }
  }
}
