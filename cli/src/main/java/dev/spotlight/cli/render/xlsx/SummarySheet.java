package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.DisplayValue;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/**
 * The Summary sheet: project and period, every headline metric with its change on the previous period
 * and on the same period a year earlier, and links to the other sheets.
 */
final class SummarySheet {

  static final List<String> HEADER = List.of("Metric", "Value", "Previous", "Change", "Change %", "Unit", "Status");
  /** The interval columns after Value, when any headline metric has an interval. */
  static final List<String> BOUNDS = List.of("Low (95%)", "High (95%)");

  /** The header when the report compares with the same period a year earlier too. */
  static final List<String> HEADER_WITH_YEAR = List.of(
      "Metric", "Value", "Previous", "Change", "Change %", "A year earlier", "Change on a year", "Change % on a year", "Unit", "Status");

  private final ReportContent content;

  SummarySheet(ReportContent content) {
    this.content = content;
  }

  /** @param otherSheets the names of the sheets after this one, in order, for the contents list */
  void write(SheetWriter out, List<String> otherSheets) {
    StatusMarks marks = new StatusMarks(content.minCell());
    ValueCells values = new ValueCells(out, marks);
    if (content.reportTitle() == null) {
      out.line(content.projectName(), out.styles().title());
      out.line("Impact report for " + describe(content.period()), out.styles().text());
    } else {
      out.line(ReportHeading.of(content), out.styles().title());
      out.line("Period " + describe(content.period()), out.styles().text());
    }
    if (content.previousPeriod() != null) {
      out.line("Compared with " + describe(content.previousPeriod()), out.styles().text());
    }
    boolean yearAgo = content.headlineYearAgo() != null && content.yearAgoPeriod() != null;
    if (yearAgo) {
      out.line("and with " + describe(content.yearAgoPeriod()) + ", a year earlier", out.styles().text());
    }
    out.gap();

    boolean bounds = content.metrics().stream()
        .map(m -> headline(content.headline(), m.id()))
        .anyMatch(r -> r != null && (r.low() != null || r.high() != null));
    List<String> header = new ArrayList<>(yearAgo ? HEADER_WITH_YEAR : HEADER);
    if (bounds) {
      header.addAll(2, BOUNDS);
    }
    int headerRow = out.nextRow();
    // Unit and Status, the last two columns, are text.
    out.header(header, 1, header.size() - 2);
    out.freezeAbove(headerRow + 1);
    out.printTitles(headerRow);
    for (MetricInfo metric : content.metrics()) {
      ResultRow now = headline(content.headline(), metric.id());
      ResultRow before = headline(content.headlinePrevious(), metric.id());
      Row row = out.row();
      out.text(row, 0, metric.label(), out.styles().text());
      values.value(row, 1, metric, now);
      int col = 2;
      if (bounds) {
        values.bound(row, col++, metric, now, now == null ? null : now.low());
        values.bound(row, col++, metric, now, now == null ? null : now.high());
      }
      values.value(row, col++, metric, before);
      change(values, row, col, metric, now, before, marks);
      col += 2;
      if (yearAgo) {
        ResultRow earlier = headline(content.headlineYearAgo(), metric.id());
        values.value(row, col++, metric, earlier);
        change(values, row, col, metric, now, earlier, marks);
        col += 2;
      }
      out.text(row, col, metric.unit(), out.styles().textAfterNumbers());
      out.text(row, col + 1, now == null ? "no result" : now.status().label(), out.styles().textAfterNumbers());
    }
    int lastRow = out.nextRow() - 1;
    out.filter(headerRow, lastRow, header.size() - 1);
    out.gap();
    values.footnote();
    out.line(
        "Change is the difference in the metric's own unit (percentage points for rates); Change % is relative to"
            + " the earlier value and blank when that is zero or undefined.",
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
  private static void change(
      ValueCells values, Row row, int column, MetricInfo metric, ResultRow now, ResultRow before, StatusMarks marks) {
    if (now == null || before == null) {
      return;
    }
    if (now.status() == MetricStatus.SUPPRESSED || before.status() == MetricStatus.SUPPRESSED) {
      values.mark(row, column, marks.suppressed());
      values.mark(row, column + 1, marks.suppressed());
      return;
    }
    Double current = DisplayValue.of(now);
    Double previous = DisplayValue.of(before);
    if (current == null || previous == null) {
      values.mark(row, column, StatusMarks.UNDEFINED);
      return;
    }
    double change = current - previous;
    values.number(row, column, metric, change, true);
    if (previous != 0) {
      // Relative to the size of the previous value, so a rise reads as positive even from a negative base.
      values.relative(row, column + 1, change / Math.abs(previous));
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
