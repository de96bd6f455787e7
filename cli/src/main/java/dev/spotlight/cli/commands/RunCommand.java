package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.gates.Gate;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.PullProgressBar;
import dev.spotlight.cli.pipeline.PullRecord;
import dev.spotlight.cli.pipeline.PullStage;
import dev.spotlight.cli.pipeline.ReportStage;
import dev.spotlight.metrics.model.Period;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spotlight run}: the scheduled monthly job — pull every source the report reads, then report. */
@Command(name = "run", description = "Pull every source, then render the report for --period (the scheduled monthly job).",
    footer = {"", "Example:", "  spotlight run -p sample-data/sharelab/spotlight.yaml --period 2026-10",
        "  spotlight run --fail-on 'skipped>2%%' --fail-on 'stale>35d' --fail-on empty"})
public final class RunCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;

  @Mixin PeriodOptions when;

  @Mixin GateOptions quality;

  RunCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    ProjectContext context = ProjectContext.load(options.project(), app);
    Period p = context.period(when.period);
    List<Gate> gates = quality.gates("run", true);
    long t0 = System.nanoTime();
    List<PullRecord> pulled;
    try (PullProgressBar bar = PullProgressBar.create(app, options.noProgress || options.quiet)) {
      pulled = new PullStage(context).pull(List.of(), p, bar);
    }
    double pullSeconds = (System.nanoTime() - t0) / 1e9;
    ReportStage.Result out = new ReportStage(context).run(p, when.engine, pulled, Map.of("pull", pullSeconds), gates);
    if (!options.quiet) {
      PullSummary.print(pulled, app.out());
      ReportSummary.print(out.output(), app.out());
    }
    return GateOptions.finish(out.gates(), app);
  }
}
