package dev.spotlight.metrics;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.proxy.ProxyCatalog;
import dev.spotlight.metrics.proxy.ProxyFileLoader;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Metric catalogues for tests, loaded from YAML text the way a project loads its metric files. */
public final class TestCatalogs {

  private TestCatalogs() {}

  /** Loads and checks {@code yaml} (a whole metric file); any problem fails the test. */
  public static MetricCatalog load(String yaml) {
    return load(yaml, null, "GBP", Map.of());
  }

  /**
   * Loads and checks {@code yaml} with {@code proxiesYaml} as the project's proxies file (none when
   * null), for a project reporting in {@code currency} with {@code fx} rates; any problem fails the test.
   */
  public static MetricCatalog load(String yaml, String proxiesYaml, String currency, Map<String, BigDecimal> fx) {
    try {
      Path file = Files.createTempFile("metrics", ".yaml");
      Path proxiesFile = Files.createTempFile("proxies", ".yaml");
      try {
        Files.writeString(file, yaml);
        Problems problems = new Problems(ExitKind.DEFINITION);
        List<MetricDefinition> defs = MetricFileLoader.load(file, problems);
        ProxyCatalog proxies = ProxyCatalog.none();
        if (proxiesYaml != null) {
          Files.writeString(proxiesFile, proxiesYaml);
          proxies = new ProxyFileLoader(currency, fx).load(proxiesFile, Location.NONE, problems);
        }
        MetricCatalog catalog = MetricChecker.check(defs, proxies, currency, problems);
        problems.throwIfAny();
        return catalog;
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(proxiesFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
