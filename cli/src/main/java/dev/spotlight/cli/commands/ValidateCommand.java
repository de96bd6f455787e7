package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.pipeline.ProjectContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spotlight validate}: checks the project file, metrics, template and source options; reads no data. */
@Command(name = "validate", description = "Check the project file, metrics, template and sources; touches no data.",
    footer = {"", "Example:", "  spotlight validate -p sample-data/sharelab/spotlight.yaml"})
public final class ValidateCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;

  ValidateCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    ProjectContext context = ProjectContext.load(options.project(), app, true);
    if (!options.quiet) {
      app.out().println("ok: " + context.project().name() + " — " + context.project().sources().size() + " sources, "
          + context.metrics().ids().size() + " metrics, template " + context.project().report().template());
    }
    return 0;
  }
}
