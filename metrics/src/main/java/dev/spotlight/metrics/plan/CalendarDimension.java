package dev.spotlight.metrics.plan;

import dev.spotlight.metrics.model.Comparison;
import dev.spotlight.metrics.model.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A calendar dimension ({@code day, week, month, quarter, year}) as a change metric split by it
 * sees it: each bucket is compared with the bucket one step earlier ({@code previous_period}) or
 * the same bucket a year earlier ({@code same_period_last_year}). The comparison side reads the
 * query period shifted back by that step, and its rows are relabelled forward by the same step, so
 * buckets are matched by label on a calendar, never by position: a missing month shifts nothing.
 */
public enum CalendarDimension {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  /** The calendar dimension among {@code dimensions}, if any (a query may split by one). */
  public static Optional<CalendarDimension> in(List<String> dimensions) {
    for (String d : dimensions) {
      if (TableScope.TIME_DIMENSIONS.contains(d)) {
        return Optional.of(valueOf(d.toUpperCase(Locale.ROOT)));
      }
    }
    return Optional.empty();
  }

  public String dimension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code p} shifted back by each comparison in turn, one step of this dimension each. */
  public Period shiftBack(List<Comparison> shift, Period p) {
    Period out = p;
    for (Comparison c : shift) {
      LocalDate start = back(out.start(), c);
      LocalDate end = back(out.end(), c);
      out = new Period(start, end, start + ".." + end);
    }
    return out;
  }

  /** The label of the bucket that a comparison bucket labelled {@code label} is compared with. */
  public String forward(List<Comparison> shift, String label) {
    if (label == null) {
      return null;
    }
    String out = label;
    for (Comparison c : shift) {
      out = forward(c, out);
    }
    return out;
  }

  private LocalDate back(LocalDate d, Comparison c) {
    boolean lastYear = c == Comparison.SAME_PERIOD_LAST_YEAR;
    return switch (this) {
      case DAY -> lastYear ? d.minusYears(1) : d.minusDays(1);
      // a year of weeks is 52 of them, so Mondays stay Mondays and week numbers line up
      case WEEK -> d.minusWeeks(lastYear ? 52 : 1);
      case MONTH -> minusMonths(d, lastYear ? 12 : 1);
      case QUARTER -> minusMonths(d, lastYear ? 12 : 3);
      case YEAR -> minusMonths(d, 12);
    };
  }

  /** {@code d} minus whole months, a month's last day staying the last day (30 June → 31 May). */
  private static LocalDate minusMonths(LocalDate d, int months) {
    boolean monthEnd = d.getDayOfMonth() == d.lengthOfMonth();
    LocalDate out = d.minusMonths(months);
    return monthEnd ? out.withDayOfMonth(out.lengthOfMonth()) : out;
  }

  private String forward(Comparison c, String label) {
    boolean lastYear = c == Comparison.SAME_PERIOD_LAST_YEAR;
    return switch (this) {
      case DAY -> {
        LocalDate d = LocalDate.parse(label);
        yield (lastYear ? d.plusYears(1) : d.plusDays(1)).toString();
      }
      case WEEK -> weekLabel(weekStart(label).plusWeeks(lastYear ? 52 : 1));
      case MONTH -> YearMonth.parse(label).plusMonths(lastYear ? 12 : 1).toString();
      case QUARTER -> {
        int year = Integer.parseInt(label.substring(0, 4));
        int q = Integer.parseInt(label.substring(6)) - 1 + (lastYear ? 4 : 1);
        yield (year + q / 4) + "-Q" + (q % 4 + 1);
      }
      case YEAR -> Year.parse(label).plusYears(1).toString();
    };
  }

  /** The Monday of ISO week {@code 2026-W41}. */
  static LocalDate weekStart(String label) {
    int year = Integer.parseInt(label.substring(0, 4));
    int week = Integer.parseInt(label.substring(6));
    return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
  }

  static String weekLabel(LocalDate d) {
    return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
