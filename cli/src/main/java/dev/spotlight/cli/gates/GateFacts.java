package dev.spotlight.cli.gates;

import dev.spotlight.cli.pipeline.ComputeStage;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.PullRecord;
import dev.spotlight.cli.pipeline.PullRecords;
import dev.spotlight.cli.report.MoneyExclusions;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.sql.MoneyRules;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gates judge, gathered once after the command has done its work: the store's pull records,
 * and for commands with a period its result cells, rows per source and money left out.
 *
 * @param pulls the last pull of each listed source that has one, by source name
 * @param period the period judged, or null ({@code pull})
 * @param cells the result cells the cell gates judge (the report's headline, or what compute printed)
 * @param cellsName how messages call those cells ("headline cells", "result cells")
 * @param rowsBySource activity plus cost rows in the period by source, or null when no gate needs them
 * @param excludedMoney {activity rows, cost rows} whose currency has no fx rate, or null when no gate needs them
 */
public record GateFacts(
    List<String> sources,
    Map<String, PullRecord> pulls,
    Instant now,
    Period period,
    List<ResultRow> cells,
    String cellsName,
    Map<String, Long> rowsBySource,
    long[] excludedMoney) {

  /** Facts about the store only (for {@code pull}). */
  public static GateFacts ofStore(ProjectContext context) {
    return new GateFacts(sourceNames(context), pulls(context), Instant.now(context.app().clock()), null, List.of(), null, null, null);
  }

  /** Facts about the store and a period's results, querying the engine only for what {@code gates} need. */
  public static GateFacts ofPeriod(List<Gate> gates, ProjectContext context, ComputeStage stage, Period period, List<ResultRow> cells,
      String cellsName) {
    MoneyRules money = new MoneyRules(context.project().currency(), context.project().fx());
    boolean empty = gates.stream().anyMatch(g -> g.kind() == GateKind.EMPTY);
    boolean excluded = gates.stream().anyMatch(g -> g.kind() == GateKind.EXCLUDED_CURRENCY);
    return new GateFacts(sourceNames(context), pulls(context), Instant.now(context.app().clock()), period, cells, cellsName,
        empty ? SourceRows.count(stage.engine(), money, period) : null,
        excluded ? MoneyExclusions.count(stage.engine(), money, period) : null);
  }

  long cellsWith(MetricStatus status) {
    return cells.stream().filter(r -> r.status() == status).count();
  }

  private static List<String> sourceNames(ProjectContext context) {
    return context.project().sources().stream().map(SourceSpec::name).toList();
  }

  private static Map<String, PullRecord> pulls(ProjectContext context) {
    Map<String, PullRecord> out = new LinkedHashMap<>();
    for (PullRecord r : new PullRecords(context.project().storeLayout()).readAll(sourceNames(context))) {
      out.put(r.source(), r);
    }
    return out;
  }
}
