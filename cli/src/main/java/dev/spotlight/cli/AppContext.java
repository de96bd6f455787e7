package dev.spotlight.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What commands need from the outside world, injected so tests run commands in-process: the
 * output writers, the environment, the clock and whether stderr is a terminal.
 */
public record AppContext(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal) {

  public void warn(String message) {
    err.println("spotlight: warning: " + message);
    err.flush();
  }
}
