package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.gates.Gate;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.ReportStage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spotlight report}: renders the report for a period from the store into reports/PERIOD/. */
@Command(name = "report", description = "Render the report for --period into reports/PERIOD/ (xlsx, charts, metrics.csv/json, manifest).",
    footer = {"", "Example:", "  spotlight report -p sample-data/sharelab/spotlight.yaml --period 2026-10",
        "  spotlight report --fail-on 'suppressed>25%%' --fail-on undefined"})
public final class ReportCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;

  @Mixin PeriodOptions when;

  @Mixin GateOptions quality;

  ReportCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    ProjectContext context = ProjectContext.load(options.project(), app);
    List<Gate> gates = quality.gates("report", true);
    ReportStage.Result out = new ReportStage(context).run(context.period(when.period), when.engine, List.of(), Map.of(), gates);
    if (!options.quiet) {
      ReportSummary.print(out.output(), app.out());
    }
    return GateOptions.finish(out.gates(), app);
  }
}
