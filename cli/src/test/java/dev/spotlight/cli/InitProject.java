package dev.spotlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project {@code spotlight init} writes, as a base for command tests that then break it on purpose. */
public final class InitProject {

  private final Path dir;

  private InitProject(Path dir) {
    this.dir = dir;
  }

  /** Runs {@code spotlight init DIR}. */
  public static InitProject create(Path dir) {
    Cli.Result init = Cli.run("init", dir.toString());
    assertThat(init.exit()).as(init.toString()).isZero();
    return new InitProject(dir);
  }

  public Path dir() {
    return dir;
  }

  /** The project file, as the value of {@code -p}. */
  public String file() {
    return yaml().toString();
  }

  public Path yaml() {
    return dir.resolve("spotlight.yaml");
  }

  public Path metrics() {
    return dir.resolve("metrics/impact.yaml");
  }

  public Path export() {
    return dir.resolve("exports/activity.csv");
  }

  /** Replaces the one occurrence of {@code from} in {@code file}; fails if it is not there, so an edit never silently misses. */
  public InitProject edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      assertThat(text).as(file.toString()).containsOnlyOnce(from);
      Files.writeString(file, text.replace(from, to));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
