package dev.spotlight.cli.commands;

import dev.spotlight.cli.report.ReportOutput;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Tells the user where the report went. */
final class ReportSummary {

  private ReportSummary() {}

  static void print(ReportOutput out, PrintWriter w) {
    w.println("report written to " + out.dir());
    for (Path f : out.files()) {
      w.println("  " + out.dir().relativize(f));
    }
    w.flush();
  }
}
