package dev.spotlight.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every project command shares: the project file and how chatty to be. */
public final class ProjectOptions {

  @Option(names = {"-p", "--project"}, paramLabel = "FILE", defaultValue = "spotlight.yaml",
      description = "The project file (default: ./spotlight.yaml).")
  Path project;

  @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Print progress details, library logs and stack traces.")
  boolean verbose;

  @Option(names = "--no-progress", description = "Never show a progress bar (none is shown when stderr is not a terminal).")
  boolean noProgress;

  public Path project() {
    return project;
  }
}
