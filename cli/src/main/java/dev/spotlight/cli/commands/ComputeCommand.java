package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.gates.Gate;
import dev.spotlight.cli.gates.GateCheck;
import dev.spotlight.cli.gates.GateFacts;
import dev.spotlight.cli.gates.GateResult;
import dev.spotlight.cli.pipeline.ComputeStage;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.render.tidy.TerminalTable;
import dev.spotlight.cli.render.tidy.TidyCsvWriter;
import dev.spotlight.cli.render.tidy.TidyJsonWriter;
import dev.spotlight.cli.render.tidy.TidyRows;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spotlight compute}: computes metrics for a period and prints them as a table, CSV or JSON. */
@Command(name = "compute", description = "Compute metrics for a period; prints a table, or --format csv|json.",
    footer = {"", "Examples:", "  spotlight compute --period 2026-10 --by grantee",
        "  spotlight compute --period 2026-Q3 --metric participants --format json",
        "  spotlight compute --format csv --fail-on undefined --fail-on 'suppressed>10%%'"})
public final class ComputeCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;
  @Mixin QueryOptions query;
  @Mixin GateOptions quality;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), csv or json.")
  String format;

  ComputeCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    if (!List.of("table", "csv", "json").contains(format)) {
      throw SpotlightException.usage("unknown format '" + format + "'", "use table, csv or json");
    }
    ProjectContext context = ProjectContext.load(options.project(), app);
    Period period = context.period(query.when.period);
    List<Gate> gates = quality.gates("compute", true);
    NeverPulled.warn(context);
    MetricQuery q = new MetricQuery(context.metricIds(query.metrics), query.by, period);
    ResultTable result;
    String engineVersion;
    List<GateResult> judged;
    try (ComputeStage stage = ComputeStage.open(context, query.when.engine)) {
      result = stage.compute(q);
      engineVersion = stage.engineName();
      judged = GateCheck.run(gates, GateFacts.ofPeriod(gates, context, stage, period, result.rows(), "result cells"));
    }
    print(context, result, engineVersion);
    return GateOptions.finish(judged, app);
  }

  private void print(ProjectContext context, ResultTable result, String engine) {
    try {
      switch (format) {
        case "json" -> TidyJsonWriter.write(context.project().name(), result.period(), engine, result.rows(), app.out());
        case "csv" -> TidyCsvWriter.write(TidyRows.of(List.of(result)), app.out());
        default -> {
          Map<String, String> units = new HashMap<>();
          for (MetricDefinition d : context.metrics().all()) {
            units.put(d.id(), d.unit());
          }
          TerminalTable.print(TidyRows.of(List.of(result)), units, "<" + context.project().privacy().minCell(), app.out());
        }
      }
      app.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
