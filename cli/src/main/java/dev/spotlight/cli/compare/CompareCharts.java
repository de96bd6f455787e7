package dev.spotlight.cli.compare;

import dev.spotlight.cli.render.CurrencySymbol;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.cli.render.chart.ChartRenderer;
import dev.spotlight.cli.render.chart.FunnelChart;
import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The charts of {@code spotlight compare}, in {@code reports/PERIOD/compare-charts/}: for each
 * compared metric a grantee bar chart ({@code METRIC.png|svg}, with a second panel per £1,000 of
 * funding where compare gives one), and for each cost-per-outcome metric a funnel plot
 * ({@code funnel-METRIC.png|svg}). The folder is written aside and replaces the old one whole.
 */
public final class CompareCharts {

  public static final String FOLDER = "compare-charts";
  static final String PER_FUNDING = ".per_1000_funding";

  private CompareCharts() {}

  /** What the charts are drawn from. */
  public record Inputs(
      String projectName,
      String toolVersion,
      String currency,
      int minCell,
      Map<String, String> granteeNames,
      List<String> metricIds,
      Function<String, MetricDefinition> metric,
      ResultTable result,
      ExtraFields extra,
      Map<String, String> outcomeMetrics,
      ResultTable outcomes) {}

  /** @return the files written, in the folder's final place */
  public static List<Path> write(Path reportsDir, Inputs in) {
    Period period = in.result().period();
    Path folder = reportsDir.resolve(period.label());
    Path target = folder.resolve(FOLDER);
    Path staging = folder.resolve("." + FOLDER + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      List<Path> files = new ArrayList<>(ChartRenderer.withMedianLines().writeCharts(barContent(in), staging));
      String source = ChartRenderer.sourceLine(in.toolVersion(), in.projectName());
      StatusMarks marks = new StatusMarks(in.minCell());
      in.outcomeMetrics().forEach((id, outcomeId) -> files.addAll(FunnelChart.write(
          CostPerOutcome.funnel(in.metric().apply(id), in.metric().apply(outcomeId), in.result(), in.outcomes(), in.granteeNames(), marks,
              source),
          // Metric ids are [a-z][a-z0-9_]*: "funnel-ID" never meets a metric's own chart name.
          staging, "funnel-" + id)));
      Path old = folder.resolve("." + FOLDER + ".old-" + UUID.randomUUID());
      if (Files.exists(target)) {
        Files.move(target, old);
      }
      Files.move(staging, target);
      deleteTree(old);
      return files.stream().map(f -> target.resolve(staging.relativize(f))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the comparison charts to " + target + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
  }

  /**
   * A report with one bar section per compared metric: its value by grantee and, where compare gives
   * one for some grantee, its value per 1,000 of funding as a second metric (a panel of its own unit).
   */
  static ReportContent barContent(Inputs in) {
    Period period = in.result().period();
    List<MetricInfo> infos = new ArrayList<>();
    List<SectionContent> sections = new ArrayList<>();
    int perFunding = in.extra().names().indexOf("per_1000_funding");
    for (String id : in.metricIds()) {
      MetricDefinition def = in.metric().apply(id);
      infos.add(new MetricInfo(id, def.label(), def.description(), def.unit(), def.typeName(), "", ""));
      List<ResultRow> rows = new ArrayList<>();
      List<ResultRow> perThousand = new ArrayList<>();
      for (int i = 0; i < in.result().rows().size(); i++) {
        ResultRow r = in.result().rows().get(i);
        if (!r.metric().equals(id) || r.dims().get(Comparison.GRANTEE) == null) {
          continue;
        }
        rows.add(r);
        Double value = perFunding < 0 ? null : in.extra().values().get(i).get(perFunding);
        MetricStatus status = value != null ? MetricStatus.OK : r.status() == MetricStatus.SUPPRESSED ? MetricStatus.SUPPRESSED : MetricStatus.UNDEFINED;
        perThousand.add(new ResultRow(id + PER_FUNDING, r.period(), r.dims(), value, null, null, status));
      }
      List<String> shown = new ArrayList<>(List.of(id));
      if (perThousand.stream().anyMatch(r -> r.status() == MetricStatus.OK)) {
        String unit = (def.unit() == null || def.unit().isBlank() ? "" : def.unit() + " ") + "per " + CurrencySymbol.prefix(in.currency()) + "1,000";
        infos.add(new MetricInfo(id + PER_FUNDING, def.label() + " per " + CurrencySymbol.prefix(in.currency()) + "1,000 of funding", "", unit,
            "ratio", "", ""));
        rows.addAll(perThousand);
        shown.add(id + PER_FUNDING);
      }
      sections.add(new SectionContent(id, def.label(), Comparison.GRANTEE, "bar", shown,
          new ResultTable(period, List.of(Comparison.GRANTEE), rows), "No grantee has a result for this period."));
    }
    ResultTable none = new ResultTable(period, List.of(), List.of());
    return new ReportContent(in.projectName(), in.currency(), Map.of(), new LinkedHashMap<>(in.granteeNames()), in.minCell(), 0, "",
        in.toolVersion(), period, period, infos, none, none, sections, new ReportContent.DataQuality(List.of(), 0, 0, List.of()), List.of());
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
