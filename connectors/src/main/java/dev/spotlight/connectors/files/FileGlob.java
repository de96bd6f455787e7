package dev.spotlight.connectors.files;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Expands {@code files:} globs (relative to the project folder) into a sorted list of files. */
public final class FileGlob {

  private FileGlob() {}

  /** Every file matching any pattern, sorted and without repeats; no match at all is bad input. */
  public static List<Path> expand(Path projectDir, List<String> patterns, Location at) {
    TreeSet<Path> found = new TreeSet<>();
    for (String pattern : patterns) {
      List<Path> matches = expandOne(projectDir, pattern);
      if (matches.isEmpty()) {
        throw new SpotlightException(ExitKind.DATA, at, "no file matches '" + pattern + "' (looked in " + projectDir.toAbsolutePath().normalize() + ")", "check the path in files:, relative to the project file");
      }
      found.addAll(matches);
    }
    return new ArrayList<>(found);
  }

  static List<Path> expandOne(Path projectDir, String pattern) {
    Path whole = projectDir.resolve(pattern).normalize();
    if (!hasGlob(pattern)) {
      return Files.isRegularFile(whole) ? List.of(whole) : List.of();
    }
    Path base = whole.getRoot() == null ? Path.of("") : whole.getRoot();
    for (Path part : whole) {
      if (hasGlob(part.toString())) {
        break;
      }
      base = base.resolve(part);
    }
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + whole.toString().replace("\\", "\\\\"));
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(Files::isRegularFile).filter(p -> matcher.matches(p.normalize())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }
}
