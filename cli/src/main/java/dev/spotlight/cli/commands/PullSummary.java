package dev.spotlight.cli.commands;

import dev.spotlight.cli.pipeline.PullRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The per-source table {@code pull} and {@code run} print. */
final class PullSummary {

  private PullSummary() {}

  static void print(List<PullRecord> records, PrintWriter out) {
    out.printf(Locale.ROOT, "%-28s %10s %10s %9s %9s %8s%n", "source", "records", "kept", "skipped", "filtered", "seconds");
    for (PullRecord r : records) {
      out.printf(Locale.ROOT, "%-28s %10d %10d %9d %9d %8.1f%n", r.source(), r.recordsRead(), r.rowsKept(), r.skippedTotal(), r.filtered(), r.seconds());
      r.skipped().forEach((reason, n) -> out.printf(Locale.ROOT, "  skipped %d: %s%n", n, reason));
    }
    out.flush();
  }
}
