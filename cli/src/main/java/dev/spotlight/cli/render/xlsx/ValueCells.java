package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.DisplayValue;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import org.apache.poi.ss.usermodel.Row;

/** Writes result values: the full-precision number styled by its unit, or the mark of a value that cannot be shown. */
final class ValueCells {

  private final SheetWriter out;
  private final StatusMarks marks;

  ValueCells(SheetWriter out, StatusMarks marks) {
    this.out = out;
    this.marks = marks;
  }

  /** The mark a result shows instead of a value; an ok row without a usable number reads as undefined. */
  String markOf(ResultRow result) {
    return result.status() == MetricStatus.SUPPRESSED ? marks.suppressed() : StatusMarks.UNDEFINED;
  }

  /** A result's value or mark; nothing when there is no result. */
  void value(Row row, int column, MetricInfo metric, ResultRow result) {
    if (result == null) {
      return;
    }
    Double value = DisplayValue.of(result);
    if (value != null) {
      number(row, column, metric, value, false);
    } else {
      mark(row, column, markOf(result));
    }
  }

  /** An interval bound of a shown value; bounds of hidden values stay blank, the value's mark says why. */
  void bound(Row row, int column, MetricInfo metric, ResultRow result, Double bound) {
    if (DisplayValue.of(result) != null && bound != null && Double.isFinite(bound)) {
      number(row, column, metric, bound, false);
    }
  }

  void number(Row row, int column, MetricInfo metric, double value, boolean signed) {
    String format = NumberFormats.of(metric, value);
    out.number(row, column, value, out.styles().number(signed ? NumberFormats.signed(format) : format));
  }

  /** A relative change: a fraction shown as a signed percent, whatever the metric's unit. */
  void relative(Row row, int column, double fraction) {
    out.number(row, column, fraction, out.styles().number(NumberFormats.signed(NumberFormats.PERCENT)));
  }

  void mark(Row row, int column, String mark) {
    out.text(row, column, mark, out.styles().mark());
  }

  /** The footnote row that explains the marks, under a table. */
  void footnote() {
    out.line(marks.footnote(), out.styles().note());
  }
}
