package dev.spotlight.metrics.model;

import dev.spotlight.common.error.SpotlightException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the periods of SPEC §4 ({@code 2026-10}, {@code 2026-Q3}, {@code 2026}, a date range,
 * {@code last-month}, {@code last-quarter}) and finds the period before one.
 */
public final class Periods {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Periods() {}

  /** Parses {@code text}; {@code today} is the local date in the project time zone (for last-month). */
  public static Period parse(String text, LocalDate today) {
    String t = text.trim();
    Matcher m;
    try {
      if (t.equals("last-month")) {
        return month(YearMonth.from(today).minusMonths(1));
      }
      if (t.equals("last-quarter")) {
        LocalDate startOfThis = quarterStart(today);
        return quarter(startOfThis.minusMonths(3));
      }
      if ((m = MONTH.matcher(t)).matches()) {
        return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      }
      if ((m = QUARTER.matcher(t)).matches()) {
        return quarter(LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
      }
      if ((m = YEAR.matcher(t)).matches()) {
        int y = Integer.parseInt(m.group(1));
        return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Integer.toString(y));
      }
      if ((m = RANGE.matcher(t)).matches()) {
        LocalDate start = LocalDate.parse(m.group(1));
        LocalDate end = LocalDate.parse(m.group(2));
        if (end.isBefore(start)) {
          throw SpotlightException.usage("period '" + text + "' ends before it starts", "write START..END with START on or before END");
        }
        return range(start, end);
      }
      if (DAY.matcher(t).matches()) {
        LocalDate d = LocalDate.parse(t);
        return new Period(d, d, d.toString());
      }
    } catch (java.time.DateTimeException e) {
      throw SpotlightException.usage("'" + text + "' is not a valid period: " + e.getMessage(), null);
    }
    throw SpotlightException.usage(
        "'" + text + "' is not a period", "use 2026-10, 2026-Q3, 2026, 2026-04-01..2026-09-30, last-month or last-quarter");
  }

  /**
   * The period before {@code p}: the previous month, quarter or year, or the range of the same length
   * just before. The label tells the forms apart: a range that happens to cover a calendar month is
   * still a range.
   */
  public static Period previous(Period p) {
    LocalDate s = p.start();
    LocalDate e = p.end();
    if (p.equals(month(YearMonth.from(s)))) {
      return month(YearMonth.from(s).minusMonths(1));
    }
    if (s.getDayOfMonth() == 1 && (s.getMonthValue() - 1) % 3 == 0 && p.equals(quarter(s))) {
      return quarter(s.minusMonths(3));
    }
    if (s.getDayOfYear() == 1 && e.equals(s.plusYears(1).minusDays(1)) && p.label().equals(Integer.toString(s.getYear()))) {
      int y = s.getYear() - 1;
      return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Integer.toString(y));
    }
    long days = ChronoUnit.DAYS.between(s, e) + 1;
    LocalDate newEnd = s.minusDays(1);
    LocalDate newStart = newEnd.minusDays(days - 1);
    return days == 1 ? new Period(newStart, newEnd, newStart.toString()) : range(newStart, newEnd);
  }

  /**
   * The same period one year earlier: the same month, quarter or day of the year before, the year
   * before, or a range with both dates a year earlier (29 February becomes 28 February).
   */
  public static Period sameLastYear(Period p) {
    LocalDate s = p.start();
    LocalDate e = p.end();
    if (p.equals(month(YearMonth.from(s)))) {
      return month(YearMonth.from(s).minusYears(1));
    }
    if (s.getDayOfMonth() == 1 && (s.getMonthValue() - 1) % 3 == 0 && p.equals(quarter(s))) {
      return quarter(s.minusYears(1));
    }
    if (s.getDayOfYear() == 1 && e.equals(s.plusYears(1).minusDays(1)) && p.label().equals(Integer.toString(s.getYear()))) {
      int y = s.getYear() - 1;
      return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Integer.toString(y));
    }
    if (s.equals(e) && p.label().equals(s.toString())) {
      LocalDate d = s.minusYears(1);
      return new Period(d, d, d.toString());
    }
    return range(s.minusYears(1), e.minusYears(1));
  }

  public static Period month(YearMonth ym) {
    return new Period(ym.atDay(1), ym.atEndOfMonth(), ym.toString());
  }

  private static Period quarter(LocalDate start) {
    return new Period(start, start.plusMonths(3).minusDays(1), start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1));
  }

  private static Period range(LocalDate start, LocalDate end) {
    return new Period(start, end, start + ".." + end);
  }

  private static LocalDate quarterStart(LocalDate d) {
    return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }
}
