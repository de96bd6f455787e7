package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.ReportStage;
import dev.spotlight.cli.report.ReportOutput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spotlight report}: renders the report for a period from the store into reports/PERIOD/. */
@Command(name = "report", description = "Render the report for --period into reports/PERIOD/ (xlsx, charts, metrics.csv/json, manifest).",
    footer = {"", "Example:", "  spotlight report -p sample-data/sharelab/spotlight.yaml --period 2026-10"})
public final class ReportCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;

  @Mixin PeriodOptions when;

  ReportCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    ProjectContext context = ProjectContext.load(options.project(), app);
    ReportOutput out = new ReportStage(context).run(context.period(when.period), when.engine, List.of(), Map.of());
    if (!options.quiet) {
      ReportSummary.print(out, app.out());
    }
    return 0;
  }
}
