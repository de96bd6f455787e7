package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spotlight init [DIR]}: scaffolds a small working project to edit. */
@Command(name = "init", description = "Scaffold a project: spotlight.yaml, metrics/, reference/ and an example export.",
    footer = {"", "Example:", "  spotlight init my-report && cd my-report && spotlight run --period 2026-10"})
public final class InitCommand implements Callable<Integer> {

  private static final Map<String, String> FILES = Map.of(
      "spotlight.yaml", "spotlight.yaml",
      "impact.yaml", "metrics/impact.yaml",
      "areas.csv", "reference/areas.csv",
      "activity.csv", "exports/activity.csv");

  private final AppContext app;

  @Parameters(paramLabel = "DIR", defaultValue = ".", description = "Folder to create the project in (default: here).")
  Path dir;

  InitCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    if (Files.exists(dir.resolve("spotlight.yaml"))) {
      throw SpotlightException.usage(dir.resolve("spotlight.yaml") + " already exists", "init never overwrites a project; pick another folder");
    }
    try {
      for (var e : FILES.entrySet()) {
        Path target = dir.resolve(e.getValue());
        Files.createDirectories(target.getParent());
        try (InputStream in = InitCommand.class.getResourceAsStream("/dev/spotlight/cli/init/" + e.getKey())) {
          Files.copy(in, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the project in " + dir + ": " + e.getMessage(), e);
    }
    app.out().println("created a project in " + dir.toAbsolutePath().normalize());
    app.out().println("next: edit spotlight.yaml, then run: spotlight run -p " + dir.resolve("spotlight.yaml") + " --period 2026-10");
    app.out().flush();
    return 0;
  }
}
