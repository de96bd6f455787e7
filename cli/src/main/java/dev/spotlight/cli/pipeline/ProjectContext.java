package dev.spotlight.cli.pipeline;

import dev.spotlight.cli.AppContext;
import dev.spotlight.cli.project.ProjectFile;
import dev.spotlight.cli.project.ProjectLoader;
import dev.spotlight.cli.report.TemplateLoader;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.Connectors;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.http.LiveOptionReader;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.engine.duckdb.DuckDbEngine;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.proxy.ProxyCatalog;
import dev.spotlight.metrics.proxy.ProxyFileLoader;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A loaded project: the project file, its connectors and its checked metric catalogue. */
public final class ProjectContext {

  private final AppContext app;
  private final ProjectFile project;
  private final Connectors connectors;
  private final MetricCatalog metrics;

  private ProjectContext(AppContext app, ProjectFile project, Connectors connectors, MetricCatalog metrics) {
    this.app = app;
    this.project = project;
    this.connectors = connectors;
    this.metrics = metrics;
  }

  /** Loads and checks everything, failing with every problem found (exit 3). */
  public static ProjectContext load(Path projectFile, AppContext app) {
    return load(projectFile, app, false);
  }

  /**
   * Like {@link #load(Path, AppContext)}; {@code everything} also checks what only some commands
   * need (the report template, the pseudonym key variable), as {@code validate} does.
   */
  public static ProjectContext load(Path projectFile, AppContext app, boolean everything) {
    Connectors connectors = Connectors.installed();
    Problems problems = new Problems(ExitKind.DEFINITION);
    ProjectFile project = new ProjectLoader(app.env(), connectors).load(projectFile, problems);
    List<MetricDefinition> defs = new ArrayList<>();
    for (ProjectFile.MetricFileRef ref : project.metrics()) {
      problems.collect(() -> defs.addAll(ref.catalog() != null
          ? MetricFileLoader.loadCatalog(ref.catalog(), ref.location(), problems)
          : MetricFileLoader.load(ref.file(), problems)));
    }
    ProxyCatalog proxies = project.proxies() == null ? ProxyCatalog.none()
        : new ProxyFileLoader(project.currency(), project.fx()).load(project.proxies(), project.proxiesAt(), problems);
    MetricCatalog catalog = MetricChecker.check(defs, proxies, project.currency(), problems);
    for (String id : project.report().metrics()) {
      if (!catalog.contains(id)) {
        problems.collect(() -> catalog.get(id, project.report().metricsAt()));
      }
    }
    if (everything) {
      problems.collect(() -> TemplateLoader.load(project.report().template(), project.dir(), project.report().templateAt()));
      String keyEnv = project.privacy().pseudonymKeyEnv();
      if (keyEnv != null && (app.env().get(keyEnv) == null || app.env().get(keyEnv).isEmpty())) {
        problems.add(project.privacy().keyEnvAt(), "pseudonym key variable '" + keyEnv + "' is not set", "export " + keyEnv + "=<a secret string>");
      }
      checkSecrets(project, connectors, app.env(), problems);
    }
    problems.throwIfAny();
    if (catalog.ids().isEmpty()) {
      app.warn("the project loads no metrics: add metric files or '- catalog: core' under metrics: in " + project.file().getFileName());
    }
    return new ProjectContext(app, project, connectors, catalog);
  }

  /** Every live source's key or token variable must be set, as its pull would require. */
  private static void checkSecrets(ProjectFile project, Connectors connectors, Map<String, String> env, Problems problems) {
    for (SourceSpec source : project.sources()) {
      for (Connector c : connectors.all()) {
        if (c.id().equals(source.connector())) {
          for (String key : c.secretOptions()) {
            LiveOptionReader.checkSet(source.options(), key, env, problems);
          }
        }
      }
    }
  }

  public AppContext app() {
    return app;
  }

  public ProjectFile project() {
    return project;
  }

  public Connectors connectors() {
    return connectors;
  }

  public MetricCatalog metrics() {
    return metrics;
  }

  /** Today's date in the project's time zone (what last-month is relative to). */
  public LocalDate today() {
    return LocalDate.now(app.clock().withZone(project.timezone()));
  }

  public Period period(String text) {
    return Periods.parse(text, today());
  }

  public Engine openEngine(String name) {
    return switch (name) {
      case "duckdb" -> new DuckDbEngine(project.storeLayout(), project.areas(), project.timezone(),
          project.sources().stream().map(dev.spotlight.connectors.SourceSpec::name).collect(java.util.stream.Collectors.toSet()));
      // Spark's classes load here and only here: the other commands and --help never touch them
      case "spark" -> new dev.spotlight.metrics.engine.spark.SparkEngine(project.storeLayout(), project.areas(), project.timezone(),
          project.sources().stream().map(dev.spotlight.connectors.SourceSpec::name).collect(java.util.stream.Collectors.toSet()));
      default -> throw SpotlightException.usage("unknown engine '" + name + "'", "use duckdb or spark");
    };
  }

  /** The engines {@code metrics test} runs on: the one named, or both when {@code name} is null. */
  public List<dev.spotlight.metrics.testing.TestEngine> testEngines(String name) {
    dev.spotlight.metrics.testing.TestEngine spark = new dev.spotlight.metrics.engine.spark.SparkTestEngine(project.storeLayout().scratchDir());
    if (name == null) {
      return List.of(dev.spotlight.metrics.testing.TestEngine.DUCKDB, spark);
    }
    return switch (name) {
      case "duckdb" -> List.of(dev.spotlight.metrics.testing.TestEngine.DUCKDB);
      case "spark" -> List.of(spark);
      default -> throw SpotlightException.usage("unknown engine '" + name + "'", "use duckdb or spark");
    };
  }

  public MetricRunner runner(Engine engine) {
    return new MetricRunner(metrics, engine, new MoneyRules(project.currency(), project.fx()),
        new DisclosureRules(project.privacy().minCell(), project.privacy().rounding()));
  }

  /** The metric ids a command computes: those asked for, else all. Unknown ids are usage errors. */
  public List<String> metricIds(List<String> asked) {
    if (asked.isEmpty()) {
      return metrics.ids();
    }
    for (String id : asked) {
      if (!metrics.contains(id)) {
        throw SpotlightException.usage("unknown metric '" + id + "'", dev.spotlight.common.text.DidYouMean.hint(id, metrics.ids()));
      }
    }
    return List.copyOf(asked);
  }
}
