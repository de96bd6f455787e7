package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.gates.Gate;
import dev.spotlight.cli.gates.GateParser;
import dev.spotlight.cli.gates.GateResult;
import dev.spotlight.common.error.ExitKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --fail-on GATE}: quality gates that turn suspect data into exit code 5 after the work is done. */
public final class GateOptions {

  @Option(names = "--fail-on", paramLabel = "GATE",
      description = "Exit 5 when a quality gate fails (repeatable): skipped[>N|>N%%], never-pulled, stale>Nd|Nh, empty,"
          + " suppressed[>N|>N%%], undefined[>N|>N%%], excluded-currency[>N]. See docs/cli.md, Quality gates.")
  List<String> failOn = new ArrayList<>();

  /** The gates, read before any work so that a typo stops the command at once (exit 2). */
  List<Gate> gates(String command, boolean hasPeriod) {
    return GateParser.parseAll(failOn, command, hasPeriod);
  }

  /** Prints one error line per failed gate and returns the exit code: 0 when every gate passed, else 5. */
  static int finish(List<GateResult> results, AppContext app) {
    int code = ExitKind.OK.code();
    for (GateResult r : results) {
      if (!r.passed()) {
        app.err().println("spotlight: error: " + r.message());
        code = ExitKind.QUALITY_GATE.code();
      }
    }
    app.err().flush();
    return code;
  }
}
