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
import picocli.CommandLine.Option;

/** {@code spotlight report}: renders the report for a period from the store into reports/PERIOD/. */
@Command(name = "report", description = "Render the report for --period into reports/PERIOD/ (xlsx, charts, metrics.csv/json, manifest).",
    footer = {"", "Example:", "  spotlight report -p sample-data/sharelab/spotlight.yaml --period 2026-10"})
public final class ReportCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;

  @Option(names = "--period", paramLabel = "P", defaultValue = "last-month",
      description = "2026-10, 2026-Q3, 2026, 2026-04-01..2026-09-30, last-month (default) or last-quarter.")
  String period;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", description = "duckdb (default) or spark.")
  String engine;

  ReportCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    ProjectContext context = ProjectContext.load(options.project(), app);
    ReportOutput out = new ReportStage(context).run(context.period(period), engine, List.of(), Map.of());
    if (!options.quiet) {
      ReportSummary.print(out, app.out());
    }
    return 0;
  }
}
