package dev.spotlight.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code sample-data/sharelab} is exactly what the writer produces for 20,000 events and
 * seed 42. After a deliberate change to the generator, rewrite it with
 * {@code -Dspotlight.sample.regenerate=true} and review the diff.
 */
class CommittedSampleDataTest {

  static final long EVENTS = 20_000;
  static final long SEED = 42;
  private static final String FOLDER = "sample-data/sharelab";
  /** What running the sample leaves in the folder; git ignores it and so does this comparison. */
  private static final String[] RUN_OUTPUTS = {".spotlight", "reports"};
  private static final String REGENERATE_HINT =
      " (after a deliberate change to the generator, rerun with -Dspotlight.sample.regenerate=true)";

  @TempDir
  Path temp;

  @Test
  void theCommittedSampleIsTheWritersOutput() throws IOException {
    Path committed = repositoryRoot().resolve(FOLDER);
    if (Boolean.getBoolean("spotlight.sample.regenerate")) {
      deleteGenerated(committed);
      new SampleProjectWriter().write(committed, EVENTS, SEED);
    }
    new SampleProjectWriter().write(temp, EVENTS, SEED);

    Map<Path, List<String>> expected = contents(temp);
    Map<Path, List<String>> actual = contents(committed);
    assertThat(actual.keySet()).as("files in " + FOLDER + REGENERATE_HINT).isEqualTo(expected.keySet());
    expected.forEach((file, lines) -> assertSameLines(FOLDER + "/" + file, actual.get(file), lines));
  }

  /** Fails at the first line that differs, so the message stays readable for multi-megabyte files. */
  private static void assertSameLines(String file, List<String> actual, List<String> expected) {
    for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
      assertThat(actual.get(i)).as(file + " line " + (i + 1) + REGENERATE_HINT).isEqualTo(expected.get(i));
    }
    assertThat(actual).as(file + " line count" + REGENERATE_HINT).hasSameSizeAs(expected);
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("sample-data")) || !Files.exists(dir.resolve("pom.xml"))) {
      dir = dir.getParent();
      assertThat(dir).as("a repository root with sample-data/ above the working directory").isNotNull();
    }
    return dir;
  }

  private static void deleteGenerated(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!isRunOutput(folder.relativize(file)) && !file.equals(folder)) {
          Files.delete(file);
        }
      }
    }
  }

  /** Every file's lines; splitting on '\n' alone keeps any stray '\r' visible in a difference. */
  private static Map<Path, List<String>> contents(Path root) throws IOException {
    Map<Path, List<String>> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = root.relativize(file);
        if (!isRunOutput(relative)) {
          contents.put(relative, List.of(Files.readString(file).split("\n", -1)));
        }
      }
    }
    return contents;
  }

  private static boolean isRunOutput(Path relative) {
    for (String output : RUN_OUTPUTS) {
      if (relative.startsWith(output)) {
        return true;
      }
    }
    return false;
  }
}
