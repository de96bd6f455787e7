package dev.spotlight.cli.sample;

import java.time.LocalDate;

/**
 * How busy a platform is on a given day: a factor per sample month (October 2025 first) times a
 * factor per weekday (Monday first).
 */
record Seasonality(double[] byMonth, double[] byWeekday) {

  Seasonality {
    if (byMonth.length != SampleCalendar.MONTHS || byWeekday.length != 7) {
      throw new IllegalArgumentException("need 13 month factors and 7 weekday factors");
    }
    byMonth = byMonth.clone();
    byWeekday = byWeekday.clone();
  }

  double weight(LocalDate day) {
    return byMonth[SampleCalendar.monthIndex(day)] * byWeekday[day.getDayOfWeek().getValue() - 1];
  }
}
