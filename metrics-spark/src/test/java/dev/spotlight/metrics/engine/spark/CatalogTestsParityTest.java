package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.sql.MoneyRules;
import dev.spotlight.metrics.testing.MetricTest;
import dev.spotlight.metrics.testing.MetricTestLoader;
import dev.spotlight.metrics.testing.MetricTestRunner;
import dev.spotlight.metrics.testing.TestEngine;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code tests:} block of every metric file in the repository (the built-in catalogues under
 * metrics/src/main/resources, test catalogues, sample projects), found by walking the source tree,
 * runs on DuckDB and on Spark: both must return the same numbers for every statement and give the
 * same verdict against the expected rows. New files and tests join without changes here.
 */
class CatalogTestsParityTest {

  private static final Pattern TESTS_KEY = Pattern.compile("(?m)^tests:");

  /** The settings metric tests run with when no project gives them: those of the test catalogues' worked examples. */
  private static final ZoneId ZONE = ZoneId.of("Europe/London");

  private static final MoneyRules MONEY = new MoneyRules("GBP", Map.of());
  private static final DisclosureRules RULES = new DisclosureRules(3, 0);

  static Path root() {
    String root = System.getProperty("spotlight.root");
    assertThat(root).as("system property spotlight.root (set by the build)").isNotNull();
    return Path.of(root);
  }

  /** Metric files with tests: below the repository root, outside build output and hidden folders. */
  static List<Path> metricFilesWithTests(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> root.relativize(p).toString().split("[/\\\\]").length > 0)
          .filter(p -> {
            for (Path part : root.relativize(p)) {
              String s = part.toString();
              if (s.equals("target") || s.startsWith(".") || s.equals("node_modules")) {
                return false;
              }
            }
            return true;
          })
          .filter(CatalogTestsParityTest::hasTests)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasTests(Path file) {
    try {
      return TESTS_KEY.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCatalogueTestAgreesOnBothEngines() {
    Path root = root();
    List<Path> files = metricFilesWithTests(root);
    assertThat(files).as("metric files with tests: under %s", root).isNotEmpty();
    List<DynamicTest> out = new ArrayList<>();
    for (Path file : files) {
      String shown = root.relativize(file).toString();
      Loaded loaded;
      try {
        loaded = load(file, shown);
      } catch (SpotlightException e) {
        String why = e.problems().get(0).render();
        boolean fixture = shown.replace('\\', '/').contains("/src/test/");
        // a test fixture may be wrong on purpose (for the loader's own tests): it runs on no engine,
        // and the report says so; any other metric file must load
        out.add(DynamicTest.dynamicTest(shown, () -> {
          if (fixture) {
            Assumptions.abort("a test fixture that does not load runs on no engine: " + why);
          }
          throw new AssertionError(shown + " does not load: " + why, e);
        }));
        continue;
      }
      for (MetricTest t : loaded.tests()) {
        out.add(DynamicTest.dynamicTest(shown + ": " + t.name(), () -> runOnBoth(loaded.catalog(), t)));
      }
    }
    return out.stream();
  }

  record Loaded(MetricCatalog catalog, List<MetricTest> tests) {}

  /** The file's metrics (with the core catalogue when the file's tests need it) and its tests; any problem fails. */
  static Loaded load(Path file, String shown) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    List<MetricDefinition> defs = new ArrayList<>(MetricFileLoader.load(file, problems));
    MetricCatalog catalog = MetricChecker.check(defs, problems);
    List<MetricTest> tests = MetricTestLoader.load(file, shown, problems);
    problems.throwIfAny();
    Problems checked = new Problems(ExitKind.DEFINITION);
    MetricTestLoader.check(tests, catalog, checked);
    if (!checked.list().isEmpty()) {
      // a project metric file's tests may use the built-in catalogue next to the file's own metrics
      Problems again = new Problems(ExitKind.DEFINITION);
      List<MetricDefinition> withCore = new ArrayList<>(defs);
      List<String> own = defs.stream().map(MetricDefinition::id).toList();
      MetricFileLoader.loadCatalog("core", Location.NONE, again).stream().filter(d -> !own.contains(d.id())).forEach(withCore::add);
      catalog = MetricChecker.check(withCore, again);
      MetricTestLoader.check(tests, catalog, again);
      again.throwIfAny();
    }
    return new Loaded(catalog, tests);
  }

  static void runOnBoth(MetricCatalog catalog, MetricTest test) {
    RecordingTestEngine duck = new RecordingTestEngine(TestEngine.DUCKDB);
    RecordingTestEngine spark = new RecordingTestEngine(new SparkTestEngine(Path.of(System.getProperty("spark.local.dir", "target"))));
    List<MetricTestRunner.Outcome> outcomes = new MetricTestRunner(catalog, ZONE, MONEY, RULES, List.of(duck, spark)).run(test);
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(1).differences()).as("Spark's verdict on %s (DuckDB's: %s)", test.name(), outcomes.get(0).line())
        .isEqualTo(outcomes.get(0).differences());
    assertThat(spark.tables).as("statements run").hasSameSizeAs(duck.tables);
    for (int i = 0; i < duck.tables.size(); i++) {
      assertSameAtoms(test.name() + " statement " + (i + 1), duck.tables.get(i), spark.tables.get(i));
    }
  }

  /** Same groups in the same order, same atom values: whole numbers (counts) exactly, others within 1e-9 relative. */
  static void assertSameAtoms(String what, AtomTable duck, AtomTable spark) {
    assertThat(spark.dimensions()).as(what).isEqualTo(duck.dimensions());
    assertThat(spark.atoms()).as(what).isEqualTo(duck.atoms());
    assertThat(spark.rows().stream().map(AtomTable.Row::dims).toList()).as("%s groups", what)
        .isEqualTo(duck.rows().stream().map(AtomTable.Row::dims).toList());
    for (int r = 0; r < duck.rows().size(); r++) {
      List<Double> d = duck.rows().get(r).values();
      List<Double> s = spark.rows().get(r).values();
      for (int a = 0; a < d.size(); a++) {
        Double x = d.get(a);
        Double y = s.get(a);
        boolean whole = x != null && y != null && x == Math.rint(x) && y == Math.rint(y);
        Parity.same(what + " " + duck.rows().get(r).dims() + " " + duck.atoms().get(a), x, y, whole);
      }
    }
  }
}
