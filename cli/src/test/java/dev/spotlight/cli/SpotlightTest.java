package dev.spotlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpotlightTest {

  @TempDir
  Path temp;

  @ParameterizedTest
  @ValueSource(strings = {
      "init", "validate", "pull", "compute", "report", "run", "sample",
      "metrics", "metrics list", "metrics show", "metrics explain", "sources", "sources list"})
  void everySubcommandPrintsHelpWithAnExample(String command) {
    String[] words = command.split(" ");
    String[] args = new String[words.length + 1];
    System.arraycopy(words, 0, args, 0, words.length);
    args[words.length] = "--help";

    Cli.Result r = Cli.run(args);

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("Usage: spotlight " + command + " ");
    assertThat(r.out()).containsPattern("Examples?:\\n  spotlight " + words[0]);
  }

  @Test
  void shortHelpOptionWorksOnSubcommandsToo() {
    Cli.Result r = Cli.run("compute", "-h");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Usage: spotlight compute ").contains("--format=FORMAT");
  }

  @Test
  void topLevelHelpListsTheCommandsAndExitCodes() {
    Cli.Result r = Cli.run("--help");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("Usage: spotlight [-hV] [COMMAND]\n")
        .contains("  validate  ", "  compute   ", "  report    ", "Exit codes:\n  0 ok, 1 internal error, 2 usage, 3 invalid definition,\n  4 bad input data, 5 quality gate failed, 6 source unreachable.");
  }

  @Test
  void helpBeforeACommandNameStillListsEveryCommand() {
    // only the command that runs is built when it comes first; anything else builds them all
    for (String[] args : List.of(new String[] {"-h", "compute"}, new String[] {"help"}, new String[] {})) {
      Cli.Result r = Cli.run(args);
      assertThat(r.out()).as(String.join(" ", args)).contains("  init      ", "  validate  ", "  pull      ", "  compute   ",
          "  compare   ", "  report    ", "  run       ", "  metrics   ", "  sources   ", "  sample    ", "  help      ");
    }
  }

  @Test
  void helpNamingACommandAndVersionAfterACommandWork() {
    Cli.Result help = Cli.run("help", "report");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: spotlight report ");

    Cli.Result version = Cli.run("report", "-V");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("spotlight ").contains("Java ");
  }

  @Test
  void versionPrintsToolAndJavaVersion() {
    Cli.Result r = Cli.run("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("spotlight dev\nJava " + System.getProperty("java.version") + "\n");
  }

  @Test
  void anUnknownOptionIsAUsageErrorNamingTheCommandToAskForHelp() {
    Cli.Result r = Cli.run("compute", "--bogus");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("spotlight: error: Unknown option: '--bogus' (see 'spotlight compute --help')\n");
  }

  @Test
  void anUnknownOptionOnANestedCommandNamesTheWholeCommand() {
    Cli.Result r = Cli.run("metrics", "list", "--bogus");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("spotlight: error: Unknown option: '--bogus' (see 'spotlight metrics list --help')\n");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Cli.Result r = Cli.run("frobnicate");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().startsWith("spotlight: error: Unmatched argument at index 0: 'frobnicate'");
  }

  @Test
  void aMissingProjectFileIsOneErrorLineWithExitThree() {
    Path missing = temp.resolve("nowhere/spotlight.yaml");

    Cli.Result r = Cli.run("validate", "-p", missing.toString());

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(
        "spotlight: error: " + missing + ": project file not found (run spotlight init, or pass -p path/to/spotlight.yaml)\n");
  }

  @Test
  void verboseAddsTheStackTraceAfterTheErrorLine() {
    Path missing = temp.resolve("spotlight.yaml");

    Cli.Result r = Cli.run("validate", "-v", "-p", missing.toString());

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines().get(0)).isEqualTo(
        "spotlight: error: " + missing + ": project file not found (run spotlight init, or pass -p path/to/spotlight.yaml)");
    assertThat(r.err()).contains("dev.spotlight.common.error.SpotlightException: ")
        .contains("\tat dev.spotlight.cli.project.ProjectLoader.load(");
  }

  @Test
  void anUnexpectedExceptionIsAnInternalErrorWithoutAStackTrace() {
    StringWriter err = new StringWriter();

    int code = Spotlight.handle(new IllegalStateException("boom"), context(err), false);

    assertThat(code).isEqualTo(1);
    assertThat(err).hasToString("spotlight: error: internal error: java.lang.IllegalStateException: boom (run with -v for details)\n");
  }

  @Test
  void anUnexpectedExceptionShowsItsStackTraceWhenVerbose() {
    StringWriter err = new StringWriter();

    int code = Spotlight.handle(new IllegalStateException("boom"), context(err), true);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("spotlight: error: internal error: java.lang.IllegalStateException: boom\n")
        .contains("\tat dev.spotlight.cli.SpotlightTest.");
  }

  @Test
  void anExpectedFailureWrappedInAnotherExceptionKeepsItsExitCodeAndLine() {
    StringWriter err = new StringWriter();
    SpotlightException bad = SpotlightException.data(new Location("loans.csv", 7, 3), "cannot read 'soon' as occurred_at", "fix the row");

    int code = Spotlight.handle(new UncheckedIOException("wrapped", new java.io.IOException(bad)), context(err), false);

    assertThat(code).isEqualTo(4);
    assertThat(err).hasToString("spotlight: error: loans.csv:7:3: cannot read 'soon' as occurred_at (fix the row)\n");
  }

  private static AppContext context(StringWriter err) {
    return new AppContext(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), Cli.CLOCK, false);
  }
}
