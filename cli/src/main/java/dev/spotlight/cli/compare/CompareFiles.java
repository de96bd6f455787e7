package dev.spotlight.cli.compare;

import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.cli.render.tidy.TidyCsvWriter;
import dev.spotlight.cli.render.tidy.TidyJsonWriter;
import dev.spotlight.cli.render.tidy.TidyRows;
import dev.spotlight.common.io.AtomicFiles;
import dev.spotlight.metrics.result.ResultTable;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code compare-PERIOD.csv} and {@code compare-PERIOD.json} into {@code reports/PERIOD/},
 * each atomically, beside whatever the folder already holds (nothing else there is touched).
 */
public final class CompareFiles {

  private CompareFiles() {}

  /** @return the two files written, csv first */
  public static List<Path> write(Path reportsDir, String project, ResultTable table, ExtraFields extra, String engine) {
    String label = table.period().label();
    Path folder = reportsDir.resolve(label);
    Path csv = folder.resolve("compare-" + label + ".csv");
    AtomicFiles.write(csv, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      TidyCsvWriter.write(TidyRows.of(List.of(table)), extra, w);
      w.flush();
    });
    Path json = folder.resolve("compare-" + label + ".json");
    AtomicFiles.write(json, out -> TidyJsonWriter.write(project, table.period(), engine, table.rows(), extra, out));
    return List.of(csv, json);
  }
}
