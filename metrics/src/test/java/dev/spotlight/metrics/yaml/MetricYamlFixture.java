package dev.spotlight.metrics.yaml;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.Problems;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.proxy.ProxyCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes metric files into a folder and loads them the way a project does: every file through
 * {@link MetricFileLoader}, then all definitions through {@link MetricChecker}, collecting problems.
 */
final class MetricYamlFixture {

  private final Path dir;

  MetricYamlFixture(Path dir) {
    this.dir = dir;
  }

  Path write(String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of loading and checking some files. */
  record Loaded(List<MetricDefinition> definitions, MetricCatalog catalog, Problems problems) {

    /** Each problem as the one line SPEC §4 prints, with the folder left out of file names. */
    List<String> lines(Path dir) {
      String prefix = dir.toString() + dir.getFileSystem().getSeparator();
      return problems.list().stream().map(Problem::render).map(s -> s.replace(prefix, "")).toList();
    }
  }

  Loaded load(Path... files) {
    return load(ProxyCatalog.none(), files);
  }

  /** Loads {@code files} for a project reporting in GBP whose proxies file gave {@code proxies}. */
  Loaded load(ProxyCatalog proxies, Path... files) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    List<MetricDefinition> defs = new ArrayList<>();
    for (Path f : files) {
      problems.collect(() -> defs.addAll(MetricFileLoader.load(f, problems)));
    }
    MetricCatalog catalog = MetricChecker.check(defs, proxies, "GBP", problems);
    return new Loaded(defs, catalog, problems);
  }

  /** Loads one file called metrics.yaml and returns its problems as rendered lines. */
  List<String> problemsOf(String yaml) {
    return load(write("metrics.yaml", yaml)).lines(dir);
  }
}
