package dev.spotlight.cli;

import dev.spotlight.cli.commands.CompareCommand;
import dev.spotlight.cli.commands.ComputeCommand;
import dev.spotlight.cli.commands.InitCommand;
import dev.spotlight.cli.commands.MetricsCommand;
import dev.spotlight.cli.commands.PullCommand;
import dev.spotlight.cli.commands.ReportCommand;
import dev.spotlight.cli.commands.RunCommand;
import dev.spotlight.cli.commands.SampleCommand;

import dev.spotlight.cli.commands.SourcesCommand;
import dev.spotlight.cli.commands.ValidateCommand;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.SpotlightException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spotlight} command: builds the command line, maps failures to exit codes, nothing else. */
@Command(
    name = "spotlight",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Version.class,
    description = "Measure and report the social impact of collaborative platforms.",
    footer = {"", "Exit codes:", "  0 ok, 1 internal error, 2 usage, 3 invalid definition,",
        "  4 bad input data, 5 quality gate failed, 6 source unreachable.", "", "Docs: docs/cli.md"})
public final class Spotlight implements Runnable {

  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(InitCommand.class, ValidateCommand.class, PullCommand.class,
      ComputeCommand.class, CompareCommand.class, ReportCommand.class, RunCommand.class, MetricsCommand.class,
      SourcesCommand.class, SampleCommand.class, CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // the launcher tells whether stderr (where progress goes) is a terminal; Java alone cannot
    String tty = System.getProperty("spotlight.stderr.tty");
    boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    System.exit(execute(args, new AppContext(out, err, System.getenv(), Clock.systemDefaultZone(), terminal)));
  }

  /** Runs the command line in-process and returns the exit code (tests call this). */
  public static int execute(String[] args, AppContext context) {
    ContextFactory factory = new ContextFactory(context);
    CommandLine cli = new CommandLine(new Spotlight(), factory);
    addSubcommands(cli, args);
    cli.setOut(context.out());
    cli.setErr(context.err());
    boolean verbose = Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    Logging.configure(verbose);
    cli.setParameterExceptionHandler((ex, a) -> {
      context.err().println("spotlight: error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
      context.err().flush();
      return ExitKind.USAGE.code();
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, context, verbose));
    int code = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  /**
   * Builds only the subcommand that is run when the first argument names one (building a command's
   * model is reflection, most of picocli's start-up cost); otherwise (help, version, an unknown
   * name, nothing) all of them, so help lists them all and a misspelt name gets its suggestion.
   */
  private static void addSubcommands(CommandLine cli, String[] args) {
    String first = args.length == 0 ? null : args[0];
    boolean one = !nameOf(CommandLine.HelpCommand.class).equals(first) && COMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
    for (Class<?> command : COMMANDS) {
      if (!one || nameOf(command).equals(first)) {
        cli.addSubcommand(command);
      }
    }
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  static int handle(Exception ex, AppContext context, boolean verbose) {
    Throwable t = ex;
    while (!(t instanceof SpotlightException) && t.getCause() != null && t != t.getCause()) {
      t = t.getCause();
    }
    if (t instanceof SpotlightException se) {
      for (Problem p : se.problems()) {
        context.err().println("spotlight: error: " + p.render());
      }
      if (verbose) {
        se.printStackTrace(context.err());
      }
      context.err().flush();
      return se.kind().code();
    }
    String what = String.valueOf(ex).lines().findFirst().orElse(ex.getClass().getName());
    context.err().println("spotlight: error: internal error: " + what + (verbose ? "" : " (run with -v for details)"));
    if (verbose) {
      ex.printStackTrace(context.err());
    }
    context.err().flush();
    return ExitKind.INTERNAL.code();
  }

  /** Creates commands with the application context. */
  private record ContextFactory(AppContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      for (var ctor : cls.getDeclaredConstructors()) {
        if (ctor.getParameterCount() == 1 && ctor.getParameterTypes()[0] == AppContext.class) {
          ctor.setAccessible(true);
          return cls.cast(ctor.newInstance(context));
        }
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
