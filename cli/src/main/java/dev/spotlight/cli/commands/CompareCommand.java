package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.Version;
import dev.spotlight.cli.compare.CompareCharts;
import dev.spotlight.cli.compare.CompareFiles;
import dev.spotlight.cli.compare.ComparisonCharts;
import dev.spotlight.cli.render.CompareContent;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.compare.Comparison;
import dev.spotlight.cli.compare.CostPerOutcome;
import dev.spotlight.cli.compare.GrantFunding;
import dev.spotlight.cli.pipeline.ComputeStage;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.cli.render.tidy.TerminalTable;
import dev.spotlight.cli.render.tidy.TidyCsvWriter;
import dev.spotlight.cli.render.tidy.TidyJsonWriter;
import dev.spotlight.cli.render.tidy.TidyRows;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spotlight compare}: the funder view. Computes metrics by grantee for a period, adds each
 * row's rank, difference from the median and value per 1,000 of funding, prints them and writes
 * {@code compare-PERIOD.csv|json} and the {@code compare-charts/} folder into {@code reports/PERIOD/}.
 */
@Command(name = "compare", description = "Compare grantees side by side for a period; prints a table, or --format csv|json.",
    footer = {"", "Examples:", "  spotlight compare --period 2026-10",
        "  spotlight compare --period 2026-Q3 --metric participants --format csv"})
public final class CompareCommand implements Callable<Integer> {

  private final AppContext app;

  @Mixin ProjectOptions options;
  @Mixin PeriodOptions when;

  @Option(names = "--metric", paramLabel = "ID",
      description = "A metric to compare (repeatable; default: the project's report metrics, else all).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), csv or json.")
  String format;

  CompareCommand(AppContext app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    if (!List.of("table", "csv", "json").contains(format)) {
      throw SpotlightException.usage("unknown format '" + format + "'", "use table, csv or json");
    }
    ProjectContext context = ProjectContext.load(options.project(), app);
    Period period = context.period(when.period);
    List<String> ids = metrics.isEmpty() && !context.project().report().metrics().isEmpty()
        ? context.project().report().metrics()
        : context.metricIds(metrics);
    NeverPulled.warn(context);
    ResultTable result;
    ExtraFields extra;
    String engineVersion;
    Function<String, MetricDefinition> definition = id -> context.metrics().get(id, Location.NONE);
    Map<String, String> outcomeMetrics = CostPerOutcome.outcomeMetrics(ids, definition);
    ResultTable outcomes;
    try (ComputeStage stage = ComputeStage.open(context, when.engine)) {
      result = stage.compute(new MetricQuery(ids, List.of(Comparison.GRANTEE), period));
      Map<String, Double> funding = GrantFunding.byGrantee(stage.engine(),
          new MoneyRules(context.project().currency(), context.project().fx()), period);
      extra = Comparison.of(result, definition, funding);
      outcomes = outcomeMetrics.isEmpty()
          ? new ResultTable(period, List.of(Comparison.GRANTEE), List.of())
          : stage.compute(new MetricQuery(List.copyOf(new LinkedHashSet<>(outcomeMetrics.values())), List.of(Comparison.GRANTEE), period));
      engineVersion = stage.engineName();
    }
    Map<String, String> names = new HashMap<>();
    context.project().grantees().forEach(g -> names.put(g.id(), g.name() == null ? g.id() : g.name()));
    CompareCharts.Inputs chartInputs = new CompareCharts.Inputs(context.project().name(), Version.current(),
        context.project().currency(), context.project().privacy().minCell(), names, ids, definition, result, extra, outcomeMetrics, outcomes);
    ComparisonCharts charts = (content, folder) -> CompareCharts.write(context.project().reports(), chartInputs);
    CompareFiles.write(context.project().reports(), content(context, ids, result, extra, engineVersion), charts);
    print(context, result, extra, engineVersion);
    return 0;
  }

  private static CompareContent content(ProjectContext context, List<String> ids, ResultTable result, ExtraFields extra, String engine) {
    List<ReportContent.MetricInfo> infos = new ArrayList<>();
    for (String id : ids) {
      MetricDefinition d = context.metrics().get(id, Location.NONE);
      infos.add(new ReportContent.MetricInfo(d.id(), d.label(), d.description(), d.unit(), d.typeName(), d.text(), null));
    }
    Map<String, String> names = new HashMap<>();
    context.project().grantees().forEach(g -> names.put(g.id(), g.name() == null ? g.id() : g.name()));
    return new CompareContent(context.project().name(), context.project().currency(), names, context.project().privacy().minCell(),
        engine, Version.current(), infos, result, extra);
  }

  private void print(ProjectContext context, ResultTable result, ExtraFields extra, String engine) {
    try {
      switch (format) {
        case "json" -> TidyJsonWriter.write(context.project().name(), result.period(), engine, result.rows(), extra, app.out());
        case "csv" -> TidyCsvWriter.write(TidyRows.of(List.of(result)), extra, app.out());
        default -> {
          Map<String, String> units = new HashMap<>();
          for (MetricDefinition d : context.metrics().all()) {
            units.put(d.id(), d.unit());
          }
          List<List<String>> cells = new ArrayList<>();
          for (int i = 0; i < result.rows().size(); i++) {
            String unit = units.get(result.rows().get(i).metric());
            List<Double> v = extra.values().get(i);
            cells.add(List.of(TerminalTable.format(v.get(0), null), TerminalTable.format(v.get(1), unit),
                TerminalTable.format(v.get(2), null)));
          }
          // People read names; the CSV and JSON keep the ids, the keys the tidy data joins on.
          Map<String, String> names = new HashMap<>();
          context.project().grantees().forEach(g -> names.put(g.id(), g.name() == null ? g.id() : g.name()));
          TerminalTable.print(TidyRows.of(List.of(result)), units, "<" + context.project().privacy().minCell(),
              Comparison.FIELDS, cells, (dimension, value) -> Comparison.GRANTEE.equals(dimension) ? names.getOrDefault(value, value) : value,
              app.out());
        }
      }
      app.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
