package dev.spotlight.cli.compare;

import dev.spotlight.cli.render.CompareContent;
import dev.spotlight.cli.render.tidy.TidyCsvWriter;
import dev.spotlight.cli.render.tidy.TidyJsonWriter;
import dev.spotlight.cli.render.tidy.TidyRows;
import dev.spotlight.cli.render.xlsx.CompareWorkbook;
import dev.spotlight.common.io.AtomicFiles;
import dev.spotlight.metrics.result.ResultTable;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code compare-PERIOD.csv}, {@code compare-PERIOD.json} and {@code compare-PERIOD.xlsx}
 * (and whatever the charts hook draws, which the workbook also shows on its Charts sheet) into
 * {@code reports/PERIOD/}, each atomically, beside whatever the folder already holds (nothing else
 * there is touched).
 */
public final class CompareFiles {

  private CompareFiles() {}

  /** @return the files written: csv, json, xlsx, then the charts */
  public static List<Path> write(Path reportsDir, CompareContent content, ComparisonCharts charts) {
    ResultTable table = content.results();
    String label = table.period().label();
    Path folder = reportsDir.resolve(label);
    Path csv = folder.resolve("compare-" + label + ".csv");
    AtomicFiles.write(csv, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      TidyCsvWriter.write(TidyRows.of(List.of(table)), content.extra(), w);
      w.flush();
    });
    Path json = folder.resolve("compare-" + label + ".json");
    AtomicFiles.write(json, out -> TidyJsonWriter.write(content.projectName(), table.period(), content.engine(), table.rows(),
        content.extra(), out));
    // The charts come first so the workbook can carry them on its Charts sheet.
    List<Path> drawn = charts.render(content, folder);
    List<Path> files = new ArrayList<>(List.of(csv, json, CompareWorkbook.write(content, folder, drawn)));
    files.addAll(drawn);
    return files;
  }
}
