package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.gates.Gate;
import dev.spotlight.cli.gates.GateCheck;
import dev.spotlight.cli.gates.GateFacts;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.PullProgressBar;
import dev.spotlight.cli.pipeline.PullRecord;
import dev.spotlight.cli.pipeline.PullStage;
import dev.spotlight.metrics.model.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spotlight pull}: runs connectors into the store. */
@Command(name = "pull", description = "Run connectors into the canonical store (all sources, or --source NAME).",
    footer = {"", "File sources are always read whole; --period only bounds what live APIs are asked for.", "",
        "Examples:", "  spotlight pull -p sample-data/sharelab/spotlight.yaml --source loans",
        "  spotlight pull --fail-on 'skipped>2%%' --fail-on never-pulled"})
public final class PullCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;

  @Mixin GateOptions quality;

  @Option(names = "--source", paramLabel = "NAME", description = "A source to pull (repeatable; default: all).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--period", paramLabel = "P", description = "Period asked of live APIs, e.g. 2026-10 (default: the last 90 days and today).")
  String period;

  PullCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    ProjectContext context = ProjectContext.load(options.project(), app);
    List<Gate> gates = quality.gates("pull", false);
    Period asked = period == null ? null : context.period(period);
    List<PullRecord> records;
    try (PullProgressBar bar = PullProgressBar.create(app, options.noProgress || options.quiet)) {
      records = new PullStage(context).pull(sources, asked, bar);
    }
    if (!options.quiet) {
      PullSummary.print(records, app.out());
    }
    return GateOptions.finish(GateCheck.run(gates, GateFacts.ofStore(context)), app);
  }
}
