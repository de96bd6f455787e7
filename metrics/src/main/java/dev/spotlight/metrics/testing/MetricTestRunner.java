package dev.spotlight.metrics.testing;

import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.privacy.DisclosureRules;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs metric tests: loads each test's data folder into a temporary store, computes its query on
 * every test engine with the project's time zone, money rules and disclosure rules, and compares
 * the results with the expected rows.
 */
public final class MetricTestRunner {

  private final MetricCatalog catalog;
  private final ZoneId timezone;
  private final MoneyRules money;
  private final DisclosureRules rules;
  private final List<TestEngine> engines;

  public MetricTestRunner(MetricCatalog catalog, ZoneId timezone, MoneyRules money, DisclosureRules rules, List<TestEngine> engines) {
    this.catalog = catalog;
    this.timezone = timezone;
    this.money = money;
    this.rules = rules;
    this.engines = List.copyOf(engines);
  }

  /** The result of one test on one engine. */
  public record Outcome(String file, String name, String engine, List<String> differences) {

    public Outcome {
      differences = List.copyOf(differences);
    }

    public boolean passed() {
      return differences.isEmpty();
    }

    /** {@code ok   FILE: NAME (ENGINE)} or {@code FAIL FILE: NAME (ENGINE): DIFFERENCES}. */
    public String line() {
      return passed() ? "ok   " + file + ": " + name + " (" + engine + ")"
          : "FAIL " + file + ": " + name + " (" + engine + "): " + String.join("; ", differences);
    }
  }

  /** Runs {@code test} once per engine. */
  public List<Outcome> run(MetricTest test) {
    Path root;
    try {
      root = Files.createTempDirectory("spotlight-metric-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      StoreLayout store;
      try {
        store = TestDataStore.write(test.data(), test.file() + ": " + test.name(), root.resolve("store"), timezone);
      } catch (SpotlightException e) {
        List<Outcome> out = new ArrayList<>();
        for (TestEngine engine : engines) {
          out.add(new Outcome(test.file(), test.name(), engine.name(), List.of(e.problems().get(0).render())));
        }
        return out;
      }
      Path areas = test.data().resolve("areas.csv");
      List<Outcome> out = new ArrayList<>();
      for (TestEngine engine : engines) {
        out.add(new Outcome(test.file(), test.name(), engine.name(), runOn(engine, test, store, Files.isRegularFile(areas) ? areas : null)));
      }
      return out;
    } finally {
      delete(root);
    }
  }

  private List<String> runOn(TestEngine engine, MetricTest test, StoreLayout store, Path areas) {
    try (Engine e = engine.open(store, areas, timezone)) {
      ResultTable results = new MetricRunner(catalog, e, money, rules).compute(test.query());
      return ResultComparison.differences(test, results);
    } catch (SpotlightException e) {
      return List.of("cannot compute: " + e.problems().get(0).render());
    } catch (IllegalStateException e) {
      return List.of("cannot compute: " + e.getMessage());
    }
  }

  private static void delete(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder; the system clears it
    }
  }
}
