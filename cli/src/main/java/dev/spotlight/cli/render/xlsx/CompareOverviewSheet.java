package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.CompareContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.ResultRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;

/** The comparison's first sheet: one row per grantee, one column per metric, and links to each metric's sheet. */
final class CompareOverviewSheet {

  private final CompareContent content;
  private final Map<MetricInfo, List<Integer>> rowsByMetric;
  private final Map<MetricInfo, String> sheetNames;

  CompareOverviewSheet(CompareContent content, Map<MetricInfo, List<Integer>> rowsByMetric, Map<MetricInfo, String> sheetNames) {
    this.content = content;
    this.rowsByMetric = rowsByMetric;
    this.sheetNames = sheetNames;
  }

  void write(SheetWriter out) {
    CellStyles styles = out.styles();
    Period period = content.results().period();
    out.line(content.projectName() + ": grantees side by side", styles.title());
    out.line("Period " + period.label() + " (" + period.start() + " to " + period.end() + "), the same definitions for every grantee",
        styles.text());
    out.gap();

    List<ResultRow> rows = content.results().rows();
    Set<String> grantees = new LinkedHashSet<>();
    Map<String, Map<String, ResultRow>> cells = new HashMap<>();
    for (List<Integer> indexes : rowsByMetric.values()) {
      for (int i : indexes) {
        ResultRow r = rows.get(i);
        String g = r.dims().get("grantee");
        grantees.add(g);
        cells.computeIfAbsent(g, k -> new HashMap<>()).put(r.metric(), r);
      }
    }
    List<String> header = new ArrayList<>();
    header.add("Grantee");
    rowsByMetric.keySet().forEach(m -> header.add(m.label()));
    int headerRow = out.nextRow();
    out.header(header, 1);
    out.freezeAbove(headerRow + 1);
    out.printTitles(headerRow);
    ValueCells values = new ValueCells(out, CompareWorkbook.marks(content));
    for (String g : grantees) {
      Row row = out.row();
      out.text(row, 0, content.granteeLabel(g), styles.text());
      int col = 1;
      for (MetricInfo m : rowsByMetric.keySet()) {
        values.value(row, col++, m, cells.get(g).get(m.id()));
      }
    }
    out.filter(headerRow, out.nextRow() - 1, header.size() - 1);
    out.gap();
    values.footnote();
    out.line("Each metric's sheet adds the rank, the difference from the portfolio median, intervals where the metric has one,"
        + " and the value per " + moneyUnit() + "1,000 of funding.", styles.note());
    out.gap();
    out.line("Metrics", styles.heading());
    sheetNames.values().forEach(name -> out.link(out.row(), 0, name));
    out.finish();
  }

  private String moneyUnit() {
    return dev.spotlight.cli.render.CurrencySymbol.prefix(content.currency());
  }
}
