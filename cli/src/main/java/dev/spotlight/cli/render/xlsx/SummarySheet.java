package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.DisplayValue;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/** The Summary sheet: project and period, every headline metric with its change on the previous period, and links to the other sheets. */
final class SummarySheet {

  static final List<String> HEADER = List.of("Metric", "Value", "Previous", "Change", "Change %", "Unit", "Status");

  private final ReportContent content;

  SummarySheet(ReportContent content) {
    this.content = content;
  }

  /** @param otherSheets the names of the sheets after this one, in order, for the contents list */
  void write(SheetWriter out, List<String> otherSheets) {
    StatusMarks marks = new StatusMarks(content.minCell());
    ValueCells values = new ValueCells(out, marks);
    out.line(content.projectName(), out.styles().title());
    out.line("Impact report for " + describe(content.period()), out.styles().text());
    if (content.previousPeriod() != null) {
      out.line("Compared with " + describe(content.previousPeriod()), out.styles().text());
    }
    out.gap();

    int headerRow = out.nextRow();
    out.header(HEADER);
    out.freezeAbove(headerRow + 1);
    for (MetricInfo metric : content.metrics()) {
      ResultRow now = headline(content.headline(), metric.id());
      ResultRow before = headline(content.headlinePrevious(), metric.id());
      Row row = out.row();
      out.text(row, 0, metric.label(), out.styles().text());
      values.value(row, 1, metric, now);
      values.value(row, 2, metric, before);
      change(values, row, metric, now, before, marks);
      out.text(row, 5, metric.unit(), out.styles().text());
      out.text(row, 6, now == null ? "no result" : now.status().label(), out.styles().text());
    }
    out.filter(headerRow, out.nextRow() - 1, HEADER.size() - 1);
    out.gap();
    values.footnote();
    out.line(
        "Change is the difference in the metric's own unit (percentage points for rates); Change % is relative to"
            + " the previous value and blank when that is zero or undefined.",
        out.styles().note());
    out.gap();

    out.line("Contents", out.styles().heading());
    for (String sheet : otherSheets) {
      out.link(out.row(), 0, sheet);
    }
    out.finish();
  }

  /**
   * A change built from a suppressed value is suppressed too (SPEC §5), since it would reveal the
   * small count; otherwise a change needs both values.
   */
  private static void change(ValueCells values, Row row, MetricInfo metric, ResultRow now, ResultRow before, StatusMarks marks) {
    if (now == null || before == null) {
      return;
    }
    if (now.status() == MetricStatus.SUPPRESSED || before.status() == MetricStatus.SUPPRESSED) {
      values.mark(row, 3, marks.suppressed());
      values.mark(row, 4, marks.suppressed());
      return;
    }
    Double current = DisplayValue.of(now);
    Double previous = DisplayValue.of(before);
    if (current == null || previous == null) {
      values.mark(row, 3, StatusMarks.UNDEFINED);
      return;
    }
    double change = current - previous;
    values.number(row, 3, metric, change, true);
    if (previous != 0) {
      // Relative to the size of the previous value, so a rise reads as positive even from a negative base.
      values.relative(row, 4, change / Math.abs(previous));
    }
  }

  private static ResultRow headline(ResultTable table, String metricId) {
    if (table == null) {
      return null;
    }
    return table.rows().stream()
        .filter(r -> r.metric().equals(metricId) && r.dims().isEmpty())
        .findFirst()
        .orElse(null);
  }

  private static String describe(Period period) {
    return period.label() + " (" + period.start() + " to " + period.end() + ")";
  }
}
