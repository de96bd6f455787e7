package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.sample.SampleProjectWriter;
import dev.spotlight.cli.sample.SampleSummary;
import dev.spotlight.common.error.SpotlightException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spotlight sample}: writes a realistic synthetic portfolio project of any size, deterministically. */
@Command(name = "sample", description = "Generate a realistic synthetic project (ShareLab-style portfolio) in --out DIR.",
    footer = {"", "The same --events and --seed always give byte-identical files.", "",
        "Example:", "  spotlight sample --out /tmp/sharelab-1m --events 1000000 --seed 1"})
public final class SampleCommand implements Callable<Integer> {

  private final AppContext app;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the project into.")
  Path out;

  @Option(names = "--events", paramLabel = "N", defaultValue = "20000", description = "Total activity events (default 20000).")
  long events;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default 42).")
  long seed;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
  boolean quiet;

  SampleCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    if (events < 0) {
      throw SpotlightException.usage("--events must be 0 or more", null);
    }
    SampleSummary summary = new SampleProjectWriter().write(out, events, seed);
    if (!quiet) {
      app.out().println("wrote a sample project with " + summary.totalEvents() + " events to " + summary.projectDir());
      summary.eventsBySource().forEach((source, n) -> app.out().printf("  %-22s %d%n", source, n));
      app.out().println("next: spotlight run -p " + out.resolve("spotlight.yaml") + " --period 2026-10");
      app.out().flush();
    }
    return 0;
  }
}
