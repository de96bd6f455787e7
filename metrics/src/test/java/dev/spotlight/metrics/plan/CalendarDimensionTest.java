package dev.spotlight.metrics.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.model.Comparison;
import dev.spotlight.metrics.model.Period;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarDimensionTest {

  private static final List<Comparison> PREVIOUS = List.of(Comparison.PREVIOUS_PERIOD);
  private static final List<Comparison> LAST_YEAR = List.of(Comparison.SAME_PERIOD_LAST_YEAR);

  private static Period p(String start, String end) {
    return new Period(LocalDate.parse(start), LocalDate.parse(end), "x");
  }

  @Test
  void findsTheCalendarDimensionOfAQuery() {
    assertThat(CalendarDimension.in(List.of("grantee", "month"))).contains(CalendarDimension.MONTH);
    assertThat(CalendarDimension.in(List.of("grantee"))).isEmpty();
  }

  @Test
  void monthsShiftBackKeepingMonthEnds() {
    // 1 March – 30 June → 1 February – 31 May (30 June is a month end, so is 31 May)
    Period back = CalendarDimension.MONTH.shiftBack(PREVIOUS, p("2026-03-01", "2026-06-30"));
    assertThat(back.start()).isEqualTo("2026-02-01");
    assertThat(back.end()).isEqualTo("2026-05-31");
    // 31 March → 28 February
    assertThat(CalendarDimension.MONTH.shiftBack(PREVIOUS, p("2026-03-01", "2026-03-31")).end()).isEqualTo("2026-02-28");
  }

  @Test
  void eachDimensionsStep() {
    Period oct = p("2026-10-01", "2026-10-31");
    assertThat(CalendarDimension.DAY.shiftBack(PREVIOUS, oct).start()).isEqualTo("2026-09-30");
    assertThat(CalendarDimension.WEEK.shiftBack(PREVIOUS, oct).start()).isEqualTo("2026-09-24");
    assertThat(CalendarDimension.QUARTER.shiftBack(PREVIOUS, oct).start()).isEqualTo("2026-07-01");
    assertThat(CalendarDimension.YEAR.shiftBack(PREVIOUS, oct).start()).isEqualTo("2025-10-01");
    // same week last year: 52 weeks = 364 days back, a Thursday stays a Thursday
    assertThat(CalendarDimension.WEEK.shiftBack(LAST_YEAR, oct).start()).isEqualTo("2025-10-02");
    assertThat(CalendarDimension.MONTH.shiftBack(LAST_YEAR, oct).end()).isEqualTo("2025-10-31");
  }

  @Test
  void labelsMoveForwardOneBucket() {
    assertThat(CalendarDimension.DAY.forward(PREVIOUS, "2026-02-28")).isEqualTo("2026-03-01");
    assertThat(CalendarDimension.WEEK.forward(PREVIOUS, "2026-W53")).isEqualTo("2027-W01");
    assertThat(CalendarDimension.WEEK.forward(PREVIOUS, "2026-W09")).isEqualTo("2026-W10");
    assertThat(CalendarDimension.MONTH.forward(PREVIOUS, "2025-12")).isEqualTo("2026-01");
    assertThat(CalendarDimension.QUARTER.forward(PREVIOUS, "2025-Q4")).isEqualTo("2026-Q1");
    assertThat(CalendarDimension.QUARTER.forward(PREVIOUS, "2026-Q2")).isEqualTo("2026-Q3");
    assertThat(CalendarDimension.YEAR.forward(PREVIOUS, "2025")).isEqualTo("2026");
    assertThat(CalendarDimension.MONTH.forward(PREVIOUS, null)).isNull();
  }

  @Test
  void labelsMoveForwardOneYear() {
    assertThat(CalendarDimension.DAY.forward(LAST_YEAR, "2025-10-05")).isEqualTo("2026-10-05");
    assertThat(CalendarDimension.WEEK.forward(LAST_YEAR, "2025-W41")).isEqualTo("2026-W41");
    assertThat(CalendarDimension.MONTH.forward(LAST_YEAR, "2025-10")).isEqualTo("2026-10");
    assertThat(CalendarDimension.QUARTER.forward(LAST_YEAR, "2025-Q3")).isEqualTo("2026-Q3");
    assertThat(CalendarDimension.YEAR.forward(LAST_YEAR, "2025")).isEqualTo("2026");
  }

  @Test
  void aChangeOfAChangeShiftsTwice() {
    List<Comparison> both = List.of(Comparison.PREVIOUS_PERIOD, Comparison.SAME_PERIOD_LAST_YEAR);
    assertThat(CalendarDimension.MONTH.shiftBack(both, p("2026-10-01", "2026-10-31")).start()).isEqualTo("2025-09-01");
    assertThat(CalendarDimension.MONTH.forward(both, "2025-09")).isEqualTo("2026-10");
  }
}
