package dev.spotlight.cli.gates;

import dev.spotlight.cli.pipeline.PullRecord;
import dev.spotlight.metrics.result.MetricStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Judges each gate against the facts of a run; a gate fails when its measure is above its limit (or above zero without one). */
public final class GateCheck {

  private GateCheck() {}

  public static List<GateResult> run(List<Gate> gates, GateFacts facts) {
    List<GateResult> out = new ArrayList<>();
    for (Gate g : gates) {
      List<String> failures = failures(g, facts);
      out.add(failures.isEmpty() ? GateResult.pass(g) : GateResult.fail(g, String.join("; ", failures)));
    }
    return out;
  }

  private static List<String> failures(Gate g, GateFacts facts) {
    return switch (g.kind()) {
      case SKIPPED -> skipped(g.limit(), facts);
      case NEVER_PULLED -> facts.sources().stream().filter(s -> !facts.pulls().containsKey(s))
          .map(s -> "source '" + s + "' was never pulled").toList();
      case STALE -> stale(g.limit(), facts);
      case EMPTY -> facts.sources().stream().filter(s -> facts.rowsBySource().getOrDefault(s, 0L) == 0)
          .map(s -> "source '" + s + "' has no rows in " + facts.period().label()).toList();
      case SUPPRESSED -> cells(g.limit(), facts, MetricStatus.SUPPRESSED, "suppressed");
      case UNDEFINED -> cells(g.limit(), facts, MetricStatus.UNDEFINED, "undefined");
      case EXCLUDED_CURRENCY -> excluded(g.limit(), facts);
    };
  }

  private static List<String> skipped(Limit limit, GateFacts facts) {
    List<String> out = new ArrayList<>();
    for (String s : facts.sources()) {
      PullRecord r = facts.pulls().get(s);
      if (r == null) {
        continue;
      }
      long skipped = r.skippedTotal();
      double percent = r.recordsRead() == 0 ? 0 : 100.0 * skipped / r.recordsRead();
      if (above(limit, skipped, percent)) {
        out.add(String.format(Locale.ROOT, "source '%s' skipped %.1f%% of rows (%,d of %,d)", s, percent, skipped, r.recordsRead()));
      }
    }
    return out;
  }

  private static List<String> stale(Limit limit, GateFacts facts) {
    List<String> out = new ArrayList<>();
    for (String s : facts.sources()) {
      PullRecord r = facts.pulls().get(s);
      if (r == null) {
        out.add("source '" + s + "' was never pulled");
        continue;
      }
      Instant at = Instant.parse(r.pulledAt());
      Duration age = Duration.between(at, facts.now());
      if (age.compareTo(limit.duration()) > 0) {
        long n = limit.inHours() ? age.toHours() : age.toDays();
        String unit = (limit.inHours() ? "hour" : "day") + (n == 1 ? "" : "s");
        out.add("source '" + s + "' was last pulled " + n + " " + unit + " ago (" + r.pulledAt() + ")");
      }
    }
    return out;
  }

  private static List<String> cells(Limit limit, GateFacts facts, MetricStatus status, String word) {
    long n = facts.cellsWith(status);
    long total = facts.cells().size();
    double percent = total == 0 ? 0 : 100.0 * n / total;
    if (!above(limit, n, percent)) {
      return List.of();
    }
    return List.of(String.format(Locale.ROOT, "%,d of %,d %s in %s %s %s (%.1f%%)", n, total, facts.cellsName(), facts.period().label(),
        n == 1 ? "is" : "are", word, percent));
  }

  private static List<String> excluded(Limit limit, GateFacts facts) {
    long activity = facts.excludedMoney()[0];
    long costs = facts.excludedMoney()[1];
    if (!above(limit, activity + costs, 0)) {
      return List.of();
    }
    return List.of(String.format(Locale.ROOT, "%,d activity rows and %,d cost rows in %s carry a currency with no fx rate;"
        + " their amounts are left out of money metrics", activity, costs, facts.period().label()));
  }

  /** Whether a measure breaks the limit: above zero without one, else above the count or percentage. */
  private static boolean above(Limit limit, long count, double percent) {
    if (limit == null) {
      return count > 0;
    }
    return limit.unit() == Limit.Unit.PERCENT ? percent > limit.value() : count > limit.value();
  }
}
