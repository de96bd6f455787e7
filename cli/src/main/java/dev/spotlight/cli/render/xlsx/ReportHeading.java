package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.metrics.model.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The heading of a titled report, e.g. {@code Board pack — ShareLab, October 2026}: the template's
 * title, the project and the period (a calendar month by name, any other period by its label).
 */
final class ReportHeading {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private ReportHeading() {}

  static String of(ReportContent content) {
    return content.reportTitle() + " — " + content.projectName() + ", " + name(content.period());
  }

  static String name(Period period) {
    boolean wholeMonth = period.start().getDayOfMonth() == 1
        && period.end().equals(period.start().withDayOfMonth(period.start().lengthOfMonth()));
    return wholeMonth ? MONTH.format(period.start()) : period.label();
  }
}
