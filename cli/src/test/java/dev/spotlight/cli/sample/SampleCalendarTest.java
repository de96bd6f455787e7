package dev.spotlight.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCalendarTest {

  @Test
  void theSampleRunsThirteenMonthsFromOctober2025() {
    List<LocalDate> days = SampleCalendar.days();
    assertThat(days).first().isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(days).last().isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(days).hasSize(396);
    assertThat(SampleCalendar.months()).hasSize(13);
    assertThat(SampleCalendar.monthIndex(LocalDate.of(2026, 10, 31))).isEqualTo(12);
  }

  @Test
  void spreadingGivesOutExactlyTheTotalAndNothingOnDaysOfNoWeight() {
    List<LocalDate> days = SampleCalendar.days();
    for (long total : new long[] {0, 1, 7, 999, 10_000_019}) {
      long[] perDay = SampleCalendar.spread(total, day -> day.getDayOfWeek() == DayOfWeek.SATURDAY ? 1.5 : 0);
      assertThat(Arrays.stream(perDay).sum()).isEqualTo(total);
      for (int i = 0; i < perDay.length; i++) {
        assertThat(perDay[i]).isNotNegative();
        if (days.get(i).getDayOfWeek() != DayOfWeek.SATURDAY) {
          assertThat(perDay[i]).as(days.get(i).toString()).isZero();
        }
      }
    }
  }
}
