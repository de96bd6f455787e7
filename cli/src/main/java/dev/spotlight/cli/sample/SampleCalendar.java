package dev.spotlight.cli.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The sample's thirteen months (October 2025 to October 2026, Europe/London) and how events spread over their days. */
final class SampleCalendar {

  static final ZoneId ZONE = ZoneId.of("Europe/London");
  static final LocalDate FIRST_DAY = LocalDate.of(2025, 10, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
  /** The first local moment after the sample: nothing in the exports happens at or after it. */
  static final LocalDateTime END = LAST_DAY.plusDays(1).atStartOfDay();
  static final int MONTHS = 13;

  private SampleCalendar() {}

  static List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  static List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < MONTHS; i++) {
      months.add(YearMonth.from(FIRST_DAY).plusMonths(i));
    }
    return months;
  }

  /** Zero-based position of {@code day}'s month in the sample (October 2025 is 0). */
  static int monthIndex(LocalDate day) {
    return (int) ChronoUnit.MONTHS.between(YearMonth.from(FIRST_DAY), YearMonth.from(day));
  }

  /**
   * Splits {@code total} over the sample's days in proportion to {@code weight}, exactly: the parts
   * always add up to {@code total}, and a day of weight zero gets nothing.
   */
  static long[] spread(long total, ToDoubleFunction<LocalDate> weight) {
    List<LocalDate> days = days();
    double[] cumulative = new double[days.size()];
    double sum = 0;
    for (int i = 0; i < days.size(); i++) {
      sum += weight.applyAsDouble(days.get(i));
      cumulative[i] = sum;
    }
    long[] perDay = new long[days.size()];
    long given = 0;
    for (int i = 0; i < days.size(); i++) {
      long upTo = i == days.size() - 1 ? total : Math.round(total * (cumulative[i] / sum));
      perDay[i] = upTo - given;
      given = upTo;
    }
    return perDay;
  }
}
