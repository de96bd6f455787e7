package dev.spotlight.metrics;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.yaml.MetricChecker;
import dev.spotlight.metrics.yaml.MetricFileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Metric catalogues for tests, loaded from YAML text the way a project loads its metric files. */
public final class TestCatalogs {

  private TestCatalogs() {}

  /** Loads and checks {@code yaml} (a whole metric file); any problem fails the test. */
  public static MetricCatalog load(String yaml) {
    try {
      Path file = Files.createTempFile("metrics", ".yaml");
      try {
        Files.writeString(file, yaml);
        Problems problems = new Problems(ExitKind.DEFINITION);
        List<MetricDefinition> defs = MetricFileLoader.load(file, problems);
        MetricCatalog catalog = MetricChecker.check(defs, problems);
        problems.throwIfAny();
        return catalog;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
