package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.CurrencySymbol;
import dev.spotlight.cli.render.ReportContent.MetricInfo;

/** Excel number formats by unit: money with its currency symbol, fractions as percent, counts grouped. */
final class NumberFormats {

  static final String PERCENT = "0.0%";
  static final String WHOLE = "#,##0";
  static final String DECIMAL = "#,##0.00";

  private NumberFormats() {}

  /** The display format for one value of {@code metric}; the cell keeps the full-precision value. */
  static String of(MetricInfo metric, double value) {
    if (metric.isMoney()) {
      return "\"" + CurrencySymbol.prefix(metric.unit()) + "\"" + DECIMAL;
    }
    if (metric.isPercent()) {
      return PERCENT;
    }
    return value == Math.rint(value) ? WHOLE : DECIMAL;
  }

  /** The format of a chart's value axis for {@code metric}: like its cells, without decimals. */
  static String axis(MetricInfo metric) {
    if (metric.isMoney()) {
      return "\"" + CurrencySymbol.prefix(metric.unit()) + "\"" + WHOLE;
    }
    return metric.isPercent() ? "0%" : WHOLE;
  }

  /** {@code format} with an explicit plus sign on positive values, for changes. */
  static String signed(String format) {
    return "+" + format + ";-" + format + ";" + format;
  }
}
