package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.CompareContent;
import dev.spotlight.cli.render.CurrencySymbol;
import dev.spotlight.cli.render.DisplayValue;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.metrics.result.ResultRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/**
 * One metric of a comparison: a row per grantee (ranked first, then the grantees whose value is not
 * shown), with its value, interval bounds where the metric has them, rank, difference from the
 * portfolio median and value per 1,000 of funding, and a bar chart of the values beside the table.
 */
final class CompareMetricSheet {

  private final CompareContent content;
  private final MetricInfo metric;
  private final List<Integer> rows;

  CompareMetricSheet(CompareContent content, MetricInfo metric, List<Integer> rows) {
    this.content = content;
    this.metric = metric;
    this.rows = rows;
  }

  void write(SheetWriter out) {
    CellStyles styles = out.styles();
    out.line(metric.label(), styles.title());
    if (metric.description() != null && !metric.description().isBlank()) {
      out.line(metric.description(), styles.note());
    }
    out.gap();

    List<ResultRow> all = content.results().rows();
    boolean bounds = rows.stream().anyMatch(i -> all.get(i).low() != null || all.get(i).high() != null);
    List<String> header = new ArrayList<>(List.of("Grantee", "Value"));
    if (bounds) {
      header.add("Low (95%)");
      header.add("High (95%)");
    }
    header.add("Rank");
    header.add("Difference from median");
    header.add("Per " + CurrencySymbol.prefix(content.currency()) + "1,000 of funding");
    header.add("Status");
    List<Integer> ordered = new ArrayList<>(rows);
    // Ranked grantees first, best rank first; the rest keep their order after them.
    ordered.sort(Comparator.comparing((Integer i) -> rank(i) == null ? Double.MAX_VALUE : rank(i)));

    int headerRow = out.nextRow();
    out.header(header, 1, header.size() - 1);
    out.freezeAbove(headerRow + 1);
    out.printTitles(headerRow);
    ValueCells values = new ValueCells(out, CompareWorkbook.marks(content));
    List<String> labels = new ArrayList<>();
    List<Double> shown = new ArrayList<>();
    for (int i : ordered) {
      ResultRow r = all.get(i);
      List<Double> extra = content.extra().values().get(i);
      Row row = out.row();
      String label = content.granteeLabel(r.dims().get("grantee"));
      labels.add(label);
      shown.add(DisplayValue.of(r));
      out.text(row, 0, label, styles.text());
      values.value(row, 1, metric, r);
      int col = 2;
      if (bounds) {
        values.bound(row, col++, metric, r, r.low());
        values.bound(row, col++, metric, r, r.high());
      }
      if (extra.get(0) != null) {
        out.number(row, col, extra.get(0), styles.number(NumberFormats.WHOLE));
      }
      col++;
      if (extra.get(1) != null) {
        values.number(row, col, metric, extra.get(1), true);
      }
      col++;
      if (extra.get(2) != null) {
        out.number(row, col, extra.get(2), styles.number(NumberFormats.DECIMAL));
      }
      col++;
      out.text(row, col, r.status().label(), styles.textAfterNumbers());
    }
    out.filter(headerRow, out.nextRow() - 1, header.size() - 1);
    // The notes go under the chart beside the table, so their long lines do not run beneath it.
    out.skipTo(headerRow + NativeChart.HEIGHT_ROWS);
    out.gap();
    values.footnote();
    out.line("Rank 1 is the highest value. The median is that of the grantees whose value is shown; per 1,000 of funding is given"
        + " for counts and sums over activity only, when the grantee has grant funding in the period.", styles.note());
    if (!labels.isEmpty()) {
      NativeChart chart = new NativeChart("bar", metric.label(), headerRow + 1, 0, labels)
          .add(new NativeChart.Series(metric.label(), 1, shown.toArray(Double[]::new)));
      if (metric.unit() != null && !metric.unit().isBlank()) {
        chart.valueAxisTitle(metric.isPercent() ? "%" : metric.unit());
      }
      chart.valueFormat(NumberFormats.axis(metric));
      chart.draw(out.sheet(), header.size() + 1, headerRow);
    }
    out.finish();
  }

  private Double rank(int row) {
    return content.extra().values().get(row).get(0);
  }
}
