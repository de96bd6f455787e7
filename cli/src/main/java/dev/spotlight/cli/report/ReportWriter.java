package dev.spotlight.cli.report;

import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.chart.ChartRenderer;
import dev.spotlight.cli.render.tidy.TidyCsvWriter;
import dev.spotlight.cli.render.tidy.TidyJsonWriter;
import dev.spotlight.cli.render.tidy.TidyRows;
import dev.spotlight.cli.render.xlsx.XlsxReportRenderer;
import dev.spotlight.common.io.AtomicFiles;
import dev.spotlight.metrics.result.ResultTable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a report folder ({@code reports/PERIOD/}): workbook, charts, metrics.csv/json and the
 * manifest, all into a fresh folder that replaces the old one only when every file is complete.
 */
public final class ReportWriter {

  private ReportWriter() {}

  /**
   * @param manifest builds the manifest from the files written (it is written last)
   */
  public static ReportOutput write(Path reportsDir, ReportContent content, List<ResultTable> tables, String engine,
      java.util.function.Function<List<Path>, Map<String, Object>> manifest) {
    String label = content.period().label();
    Path target = reportsDir.resolve(label);
    Path staging = reportsDir.resolve("." + label + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      List<Path> files = new ArrayList<>();
      files.addAll(new XlsxReportRenderer().writeFiles(content, staging));
      files.addAll(new ChartRenderer().writeFiles(content, staging));
      Path csv = staging.resolve("metrics.csv");
      AtomicFiles.write(csv, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        TidyCsvWriter.write(TidyRows.of(tables), w);
        w.flush();
      });
      files.add(csv);
      Path json = staging.resolve("metrics.json");
      List<dev.spotlight.metrics.result.ResultRow> rows = TidyRows.of(tables).rows();
      AtomicFiles.write(json, out -> TidyJsonWriter.write(content.projectName(), content.period(), engine, rows, out));
      files.add(json);
      List<Path> relative = files.stream().map(staging::relativize).toList();
      Path manifestFile = staging.resolve("manifest.json");
      Map<String, Object> m = manifest.apply(relative);
      AtomicFiles.write(manifestFile, out -> Manifest.JSON.writeValue(out, m));
      swap(staging, target);
      List<Path> finalFiles = new ArrayList<>();
      for (Path r : relative) {
        finalFiles.add(target.resolve(r));
      }
      finalFiles.add(target.resolve("manifest.json"));
      return new ReportOutput(target, finalFiles);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + target + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staging);
    }
  }

  private static void swap(Path staging, Path target) throws IOException {
    keepComparisons(target, staging);
    Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
    if (Files.exists(target)) {
      Files.move(target, old);
    }
    Files.move(staging, target);
    deleteTree(old);
  }

  /** {@code compare} writes beside the report; a new report must not throw those files away. */
  private static void keepComparisons(Path target, Path staging) throws IOException {
    if (!Files.isDirectory(target)) {
      return;
    }
    try (Stream<Path> files = Files.list(target)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("compare-")).toList()) {
        Path copy = staging.resolve(f.getFileName().toString());
        if (!Files.exists(copy)) {
          copyTree(f, copy);
        }
      }
    }
  }

  /** A file, or a folder with everything in it (the comparison's charts folder). */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
