package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.pipeline.ComputeStage;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.project.ProjectFile;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.testing.MetricTest;
import dev.spotlight.metrics.testing.MetricTestLoader;
import dev.spotlight.metrics.testing.MetricTestRunner;
import dev.spotlight.metrics.testing.TestEngine;
import java.nio.file.Path;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spotlight metrics list|show|explain|test}: what the project's metrics are, the SQL they run, and their tests. */
@Command(name = "metrics", description = "List, show, explain and test the project's metrics.",
    subcommands = {MetricsCommand.ListMetrics.class, MetricsCommand.Show.class, MetricsCommand.Explain.class, MetricsCommand.TestMetrics.class},
    footer = {"", "Examples:", "  spotlight metrics list", "  spotlight metrics explain cost_per_participant --by grantee",
        "  spotlight metrics test"})
public final class MetricsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code metrics list}. */
  @Command(name = "list", description = "List every loaded metric: id, type, unit and label.",
      footer = {"", "Example:", "  spotlight metrics list -p sample-data/sharelab/spotlight.yaml"})
  static final class ListMetrics implements Callable<Integer> {
    private final AppContext app;
    @Mixin ProjectOptions options;

    ListMetrics(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      ProjectContext context = ProjectContext.load(options.project(), app);
      int w = context.metrics().ids().stream().mapToInt(String::length).max().orElse(2);
      for (MetricDefinition d : context.metrics().all()) {
        app.out().printf(Locale.ROOT, "%-" + w + "s  %-14s  %-8s  %s%n", d.id(), d.typeName(), d.unit() == null ? "" : d.unit(), d.label());
      }
      app.out().flush();
      return 0;
    }
  }

  /** {@code metrics show ID}. */
  @Command(name = "show", description = "Show one metric's definition, as written, and where it is defined.",
      footer = {"", "Example:", "  spotlight metrics show participants"})
  static final class Show implements Callable<Integer> {
    private final AppContext app;
    @Mixin ProjectOptions options;

    @Parameters(paramLabel = "ID", description = "The metric id.")
    String id;

    Show(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      ProjectContext context = ProjectContext.load(options.project(), app);
      context.metricIds(List.of(id));
      MetricDefinition d = context.metrics().get(id, Location.NONE);
      app.out().println("# " + d.label() + "  (" + d.location().render() + ")");
      if (!d.description().isBlank()) {
        app.out().println("# " + d.description());
      }
      app.out().println(d.text());
      app.out().flush();
      return 0;
    }
  }

  /** {@code metrics explain ID}. */
  @Command(name = "explain", description = "Print the SQL the engine runs for a metric, with its bound parameters.",
      footer = {"", "Example:", "  spotlight metrics explain participants --period 2026-10 --by grantee"})
  static final class Explain implements Callable<Integer> {
    private final AppContext app;
    @Mixin ProjectOptions options;

    @Parameters(paramLabel = "ID", description = "The metric id.")
    String id;

    @Option(names = "--period", paramLabel = "P", defaultValue = "last-month", description = "The period the SQL is for (default last-month).")
    String period;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", description = "duckdb (default) or spark.")
    String engine;

    @Option(names = "--by", paramLabel = "DIM", description = "A dimension to split by (repeatable).")
    List<String> by = new ArrayList<>();

    Explain(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      ProjectContext context = ProjectContext.load(options.project(), app);
      context.metricIds(List.of(id));
      MetricQuery query = new MetricQuery(List.of(id), by, context.period(period));
      if (engine.equals("spark")) {
        // the SQL is rendered for Spark without starting it: explaining runs nothing
        var sqlOnly = new dev.spotlight.cli.pipeline.SqlOnlyEngine(dev.spotlight.metrics.engine.spark.SparkDialect.INSTANCE,
            context.project().areas() != null);
        app.out().print(context.runner(sqlOnly).explain(query));
      } else {
        try (ComputeStage stage = ComputeStage.open(context, engine)) {
          app.out().print(stage.runner().explain(query));
        }
      }
      app.out().flush();
      return 0;
    }
  }

  /** {@code metrics test}: runs the tests: blocks of the project's metric files. */
  @Command(name = "test", description = "Run the tests: blocks of the project's metric files on each engine (duckdb and spark).",
      footer = {"", "Example:", "  spotlight metrics test --metric cost_per_share"})
  static final class TestMetrics implements Callable<Integer> {
    private final AppContext app;
    @Mixin ProjectOptions options;

    @Option(names = "--metric", paramLabel = "ID", description = "Run only the tests whose query computes this metric (repeatable).")
    List<String> metric = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "ENGINE", description = "Run on this engine only: duckdb or spark (default: both).")
    String engine;

    TestMetrics(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      ProjectContext context = ProjectContext.load(options.project(), app);
      List<TestEngine> engines = context.testEngines(engine);
      if (!metric.isEmpty()) {
        context.metricIds(metric);
      }
      ProjectFile project = context.project();
      Problems problems = new Problems(ExitKind.DEFINITION);
      List<MetricTest> tests = new ArrayList<>();
      Path scratch = scratch(project);
      try {
        for (ProjectFile.MetricFileRef ref : project.metrics()) {
          if (ref.file() != null) {
            problems.collect(() -> tests.addAll(MetricTestLoader.load(ref.file(), shown(project.dir(), ref.file()), problems)));
          } else {
            problems.collect(() -> tests.addAll(MetricTestLoader.loadCatalog(ref.catalog(), scratch.resolve(ref.catalog()), problems)));
          }
        }
        MetricTestLoader.check(tests, context.metrics(), problems);
        problems.throwIfAny();
        return run(context, tests, engines);
      } finally {
        delete(scratch);
      }
    }

    private int run(ProjectContext context, List<MetricTest> tests, List<TestEngine> engines) {
      ProjectFile project = context.project();
      MoneyRules money = new MoneyRules(project.currency(), project.fx());
      MetricTestRunner runner = new MetricTestRunner(context.metrics(), project.timezone(), money,
          new DisclosureRules(project.privacy().minCell(), project.privacy().rounding()), engines);
      // a built-in catalogue's expected values are written without suppression or rounding, whatever the project's rules
      MetricTestRunner catalogRunner = new MetricTestRunner(context.metrics(), project.timezone(), money, DisclosureRules.OFF,
          engines);
      int passed = 0;
      int failed = 0;
      for (MetricTest t : tests) {
        if (!metric.isEmpty() && metric.stream().noneMatch(t::mentions)) {
          continue;
        }
        for (MetricTestRunner.Outcome o : (t.file().startsWith("catalog:") ? catalogRunner : runner).run(t)) {
          app.out().println(o.line());
          app.out().flush();
          if (o.passed()) {
            passed++;
          } else {
            failed++;
          }
        }
      }
      app.out().println(passed + " passed, " + failed + " failed");
      app.out().flush();
      return failed == 0 ? 0 : ExitKind.QUALITY_GATE.code();
    }

    /** A folder for built-in catalogues' test data, under the store like every other scratch file. */
    private static Path scratch(ProjectFile project) {
      try {
        Path dir = project.storeLayout().scratchDir();
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, "catalog-tests-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void delete(Path dir) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException ignored) {
        // scratch files are cleared again by the next pull
      }
    }

    /** The metric file as output shows it: relative to the project folder when inside it. */
    static String shown(Path projectDir, Path file) {
      Path dir = projectDir.toAbsolutePath().normalize();
      Path f = file.toAbsolutePath().normalize();
      return f.startsWith(dir) ? dir.relativize(f).toString() : file.toString();
    }
  }
}
