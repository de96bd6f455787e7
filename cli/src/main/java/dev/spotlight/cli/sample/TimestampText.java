package dev.spotlight.cli.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Writes the timestamp shapes the exports use, from a local date and second of the day in the
 * sample's time zone. Hand-rolled rather than {@code DateTimeFormatter} because every one of up to
 * ten million rows passes through here.
 */
final class TimestampText {

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000};

  private TimestampText() {}

  /** {@code 2026-10-05}. */
  static void appendIsoDate(StringBuilder out, LocalDate day) {
    appendPadded(out, day.getYear(), 4);
    out.append('-');
    appendPadded(out, day.getMonthValue(), 2);
    out.append('-');
    appendPadded(out, day.getDayOfMonth(), 2);
  }

  /** {@code 05/10/2026 14:07}, local time. */
  static void appendDayFirstMinutes(StringBuilder out, LocalDate day, int secondOfDay) {
    appendPadded(out, day.getDayOfMonth(), 2);
    out.append('/');
    appendPadded(out, day.getMonthValue(), 2);
    out.append('/');
    appendPadded(out, day.getYear(), 4);
    out.append(' ');
    appendHoursMinutes(out, secondOfDay);
  }

  /** {@code 2026-10-05 14:07}, local time. */
  static void appendIsoMinutes(StringBuilder out, LocalDate day, int secondOfDay) {
    appendIsoDate(out, day);
    out.append(' ');
    appendHoursMinutes(out, secondOfDay);
  }

  /** {@code 2026-10-05T13:07:44Z}: the local moment as UTC. */
  static void appendUtc(StringBuilder out, LocalDate day, int secondOfDay) {
    ZonedDateTime utc = zoned(day, secondOfDay).withZoneSameInstant(ZoneOffset.UTC);
    appendIsoDate(out, utc.toLocalDate());
    out.append('T');
    appendHoursMinutesSeconds(out, utc.toLocalTime().toSecondOfDay());
    out.append('Z');
  }

  /** {@code 2026-10-05T14:07:44+01:00}: local time with its UTC offset. */
  static void appendWithOffset(StringBuilder out, LocalDate day, int secondOfDay) {
    ZonedDateTime moment = zoned(day, secondOfDay);
    appendIsoDate(out, moment.toLocalDate());
    out.append('T');
    appendHoursMinutesSeconds(out, moment.toLocalTime().toSecondOfDay());
    int offset = moment.getOffset().getTotalSeconds();
    out.append(offset < 0 ? '-' : '+');
    appendPadded(out, Math.abs(offset) / 3600, 2);
    out.append(':');
    appendPadded(out, Math.abs(offset) / 60 % 60, 2);
  }

  /** {@link #appendWithOffset} for a moment given as a local date-time. */
  static void appendWithOffset(StringBuilder out, LocalDateTime moment) {
    appendWithOffset(out, moment.toLocalDate(), moment.toLocalTime().toSecondOfDay());
  }

  /**
   * The local moment in the sample's zone: a time in the spring gap moves on by the gap, as a
   * clock would show it; a time in the autumn overlap takes the earlier (summer) offset.
   */
  private static ZonedDateTime zoned(LocalDate day, int secondOfDay) {
    return ZonedDateTime.ofLocal(LocalDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay)), SampleCalendar.ZONE, null);
  }

  private static void appendHoursMinutes(StringBuilder out, int secondOfDay) {
    appendPadded(out, secondOfDay / 3600, 2);
    out.append(':');
    appendPadded(out, secondOfDay / 60 % 60, 2);
  }

  private static void appendHoursMinutesSeconds(StringBuilder out, int secondOfDay) {
    appendHoursMinutes(out, secondOfDay);
    out.append(':');
    appendPadded(out, secondOfDay % 60, 2);
  }

  private static void appendPadded(StringBuilder out, int value, int width) {
    for (int digits = width - 1; digits > 0 && value < POWERS_OF_TEN[digits]; digits--) {
      out.append('0');
    }
    out.append(value);
  }
}
