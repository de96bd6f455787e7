package dev.spotlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Runs the spotlight command line in-process, as a user would from a shell, and captures what it prints. */
public final class Cli {

  /** Mid-November 2026, so last-month is 2026-10, the month of the init project's export. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T09:30:00Z"), ZoneOffset.UTC);

  /** An environment with a pseudonym key, so pulls create no key file and print no warning. */
  public static final Map<String, String> ENV = Map.of("SPOTLIGHT_PSEUDONYM_KEY", "a test key");

  private Cli() {}

  public static Result run(String... args) {
    return run(ENV, args);
  }

  public static Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Spotlight.execute(args, new AppContext(new PrintWriter(out), new PrintWriter(err), env, CLOCK, false));
    return new Result(exit, out.toString(), err.toString());
  }

  /**
   * Asserts a failed run as SPEC §4 prescribes: the exit code, nothing on stdout, and on stderr
   * exactly the given error lines (each without its {@code spotlight: error: } prefix) and no stack trace.
   */
  public static void assertFailed(Result r, int exit, String... errors) {
    assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
    assertThat(r.out()).as("stdout").isEmpty();
    assertThat(r.errLines()).as("stderr").containsExactly(
        java.util.Arrays.stream(errors).map(e -> "spotlight: error: " + e).toArray(String[]::new));
  }

  /** The exit code and the text written to stdout and stderr. */
  public record Result(int exit, String out, String err) {

    public List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }
}
