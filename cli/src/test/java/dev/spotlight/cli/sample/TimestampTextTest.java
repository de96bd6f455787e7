package dev.spotlight.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TimestampTextTest {

  private static final LocalDate FIRST_OCTOBER = LocalDate.of(2026, 10, 1);

  @Test
  void writesLocalShapes() {
    assertThat(text(out -> TimestampText.appendIsoDate(out, LocalDate.of(2026, 3, 7)))).isEqualTo("2026-03-07");
    assertThat(text(out -> TimestampText.appendDayFirstMinutes(out, FIRST_OCTOBER, second(0, 5))))
        .isEqualTo("01/10/2026 00:05");
    assertThat(text(out -> TimestampText.appendIsoMinutes(out, FIRST_OCTOBER, second(23, 59))))
        .isEqualTo("2026-10-01 23:59");
  }

  @Test
  void anOctoberMomentInSummerTimeIsStillSeptemberInUtc() {
    assertThat(text(out -> TimestampText.appendUtc(out, FIRST_OCTOBER, second(0, 30))))
        .isEqualTo("2026-09-30T23:30:00Z");
    assertThat(text(out -> TimestampText.appendWithOffset(out, FIRST_OCTOBER, second(0, 30))))
        .isEqualTo("2026-10-01T00:30:00+01:00");
  }

  @Test
  void winterTimeHasAZeroOffset() {
    LocalDate lastOctober = LocalDate.of(2026, 10, 31);
    assertThat(text(out -> TimestampText.appendUtc(out, lastOctober, second(23, 30)))).isEqualTo("2026-10-31T23:30:00Z");
    assertThat(text(out -> TimestampText.appendWithOffset(out, lastOctober, second(23, 30))))
        .isEqualTo("2026-10-31T23:30:00+00:00");
  }

  @Test
  void theHourTheClocksGoBackTakesTheSummerOffset() {
    assertThat(text(out -> TimestampText.appendWithOffset(out, LocalDate.of(2026, 10, 25), second(1, 30))))
        .isEqualTo("2026-10-25T01:30:00+01:00");
  }

  @Test
  void aTimeTheClocksSkipMovesOnByTheGap() {
    assertThat(text(out -> TimestampText.appendWithOffset(out, LocalDate.of(2026, 3, 29), second(1, 30))))
        .isEqualTo("2026-03-29T02:30:00+01:00");
  }

  private static int second(int hour, int minute) {
    return LocalTime.of(hour, minute).toSecondOfDay();
  }

  private static String text(Consumer<StringBuilder> append) {
    StringBuilder out = new StringBuilder();
    append.accept(out);
    return out.toString();
  }
}
