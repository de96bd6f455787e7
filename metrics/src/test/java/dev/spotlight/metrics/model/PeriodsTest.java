package dev.spotlight.metrics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {

  /** An arbitrary "today" for the absolute forms, which must not depend on it. */
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

  private static Period period(String start, String end, String label) {
    return new Period(LocalDate.parse(start), LocalDate.parse(end), label);
  }

  private static Period parse(String text) {
    return Periods.parse(text, TODAY);
  }

  @Nested
  class AbsoluteForms {

    @Test
    void aMonthRunsFromItsFirstToItsLastDay() {
      assertThat(parse("2026-10")).isEqualTo(period("2026-10-01", "2026-10-31", "2026-10"));
      assertThat(parse("2026-09")).isEqualTo(period("2026-09-01", "2026-09-30", "2026-09"));
    }

    @Test
    void februaryHasTwentyNineDaysInALeapYear() {
      assertThat(parse("2028-02")).isEqualTo(period("2028-02-01", "2028-02-29", "2028-02"));
      assertThat(parse("2026-02")).isEqualTo(period("2026-02-01", "2026-02-28", "2026-02"));
    }

    @Test
    void quartersCoverThreeCalendarMonths() {
      assertThat(parse("2026-Q1")).isEqualTo(period("2026-01-01", "2026-03-31", "2026-Q1"));
      assertThat(parse("2026-Q2")).isEqualTo(period("2026-04-01", "2026-06-30", "2026-Q2"));
      assertThat(parse("2026-Q3")).isEqualTo(period("2026-07-01", "2026-09-30", "2026-Q3"));
      assertThat(parse("2026-Q4")).isEqualTo(period("2026-10-01", "2026-12-31", "2026-Q4"));
    }

    @Test
    void aYearIsTheCalendarYear() {
      Period y = parse("2026");
      assertThat(y).isEqualTo(period("2026-01-01", "2026-12-31", "2026"));
      assertThat(y.days()).isEqualTo(365);
      assertThat(parse("2028").days()).isEqualTo(366);
    }

    @Test
    void aRangeIncludesBothEndsAndIsLabelledAsWritten() {
      Period r = parse("2026-04-01..2026-09-30");
      assertThat(r).isEqualTo(period("2026-04-01", "2026-09-30", "2026-04-01..2026-09-30"));
      // April 30 + May 31 + June 30 + July 31 + August 31 + September 30 = 183
      assertThat(r.days()).isEqualTo(183);
    }

    @Test
    void aRangeMayStartAndEndOnTheSameDay() {
      assertThat(parse("2026-10-05..2026-10-05")).isEqualTo(period("2026-10-05", "2026-10-05", "2026-10-05..2026-10-05"));
    }

    @Test
    void aSingleDayIsAOneDayPeriod() {
      Period d = parse("2026-10-05");
      assertThat(d).isEqualTo(period("2026-10-05", "2026-10-05", "2026-10-05"));
      assertThat(d.days()).isEqualTo(1);
    }

    @Test
    void surroundingSpacesAreIgnored() {
      assertThat(parse("  2026-10 ")).isEqualTo(period("2026-10-01", "2026-10-31", "2026-10"));
    }

    @Test
    void absoluteFormsDoNotDependOnToday() {
      assertThat(Periods.parse("2026-10", LocalDate.of(1999, 1, 1))).isEqualTo(parse("2026-10"));
    }
  }

  @Nested
  class RelativeForms {

    @Test
    void lastMonthIsTheCalendarMonthBeforeToday() {
      assertThat(Periods.parse("last-month", LocalDate.of(2026, 11, 17))).isEqualTo(period("2026-10-01", "2026-10-31", "2026-10"));
    }

    @Test
    void lastMonthOnTheFirstOrLastDayOfAMonth() {
      assertThat(Periods.parse("last-month", LocalDate.of(2026, 11, 1))).isEqualTo(period("2026-10-01", "2026-10-31", "2026-10"));
      assertThat(Periods.parse("last-month", LocalDate.of(2026, 3, 31))).isEqualTo(period("2026-02-01", "2026-02-28", "2026-02"));
    }

    @Test
    void lastMonthInJanuaryIsDecemberOfThePreviousYear() {
      assertThat(Periods.parse("last-month", LocalDate.of(2026, 1, 10))).isEqualTo(period("2025-12-01", "2025-12-31", "2025-12"));
    }

    @Test
    void lastQuarterIsTheWholeQuarterBeforeTheOneTodayIsIn() {
      // 17 November is in Q4, so the last quarter is Q3 (July to September).
      assertThat(Periods.parse("last-quarter", LocalDate.of(2026, 11, 17))).isEqualTo(period("2026-07-01", "2026-09-30", "2026-Q3"));
      // 1 April starts Q2, so the last quarter is Q1.
      assertThat(Periods.parse("last-quarter", LocalDate.of(2026, 4, 1))).isEqualTo(period("2026-01-01", "2026-03-31", "2026-Q1"));
      // 30 June is still in Q2.
      assertThat(Periods.parse("last-quarter", LocalDate.of(2026, 6, 30))).isEqualTo(period("2026-01-01", "2026-03-31", "2026-Q1"));
    }

    @Test
    void lastQuarterInTheFirstQuarterWrapsToTheFourthQuarterOfThePreviousYear() {
      assertThat(Periods.parse("last-quarter", LocalDate.of(2026, 1, 1))).isEqualTo(period("2025-10-01", "2025-12-31", "2025-Q4"));
      assertThat(Periods.parse("last-quarter", LocalDate.of(2026, 2, 3))).isEqualTo(period("2025-10-01", "2025-12-31", "2025-Q4"));
    }
  }

  @Nested
  class Previous {

    @Test
    void ofAMonthIsThePreviousCalendarMonth() {
      assertThat(Periods.previous(parse("2026-10"))).isEqualTo(period("2026-09-01", "2026-09-30", "2026-09"));
      // a 31-day month follows a 28-day one: still the calendar month, not 31 days back
      assertThat(Periods.previous(parse("2026-03"))).isEqualTo(period("2026-02-01", "2026-02-28", "2026-02"));
    }

    @Test
    void ofJanuaryIsDecemberOfThePreviousYear() {
      assertThat(Periods.previous(parse("2026-01"))).isEqualTo(period("2025-12-01", "2025-12-31", "2025-12"));
    }

    @Test
    void ofAQuarterIsThePreviousQuarter() {
      assertThat(Periods.previous(parse("2026-Q3"))).isEqualTo(period("2026-04-01", "2026-06-30", "2026-Q2"));
      assertThat(Periods.previous(parse("2026-Q1"))).isEqualTo(period("2025-10-01", "2025-12-31", "2025-Q4"));
    }

    @Test
    void ofAYearIsThePreviousYear() {
      assertThat(Periods.previous(parse("2026"))).isEqualTo(period("2025-01-01", "2025-12-31", "2025"));
    }

    @Test
    void ofARangeIsTheRangeOfTheSameLengthJustBefore() {
      // 2026-04-01..2026-09-30 is 183 days; the 183 days ending 2026-03-31 start on 2025-09-30
      // (Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 = 182 days after 2025-09-30).
      Period before = Periods.previous(parse("2026-04-01..2026-09-30"));
      assertThat(before).isEqualTo(period("2025-09-30", "2026-03-31", "2025-09-30..2026-03-31"));
      assertThat(before.days()).isEqualTo(183);
    }

    @Test
    void ofAWeekLongRangeIsTheSevenDaysBefore() {
      assertThat(Periods.previous(parse("2026-10-10..2026-10-16"))).isEqualTo(period("2026-10-03", "2026-10-09", "2026-10-03..2026-10-09"));
    }

    @Test
    void ofARangeCrossingNewYearStaysARange() {
      // 2026-01-01..2026-01-10 is 10 days; the 10 days before are 2025-12-22..2025-12-31.
      assertThat(Periods.previous(parse("2026-01-01..2026-01-10"))).isEqualTo(period("2025-12-22", "2025-12-31", "2025-12-22..2025-12-31"));
    }

    @Test
    void ofARangeCoveringAWholeMonthIsTheSameNumberOfDaysBeforeNotTheCalendarMonth() {
      // SPEC §4: the period before a range is the range of the same length just before it.
      // 2026-10-01..2026-10-31 is 31 days; the 31 days before end on 2026-09-30 and start on 2026-08-31.
      Period before = Periods.previous(parse("2026-10-01..2026-10-31"));
      assertThat(before).isEqualTo(period("2026-08-31", "2026-09-30", "2026-08-31..2026-09-30"));
    }

    @Test
    void ofARangeCoveringAWholeQuarterOrYearIsAlsoARange() {
      // Q3 as a range: 92 days (Jul 31 + Aug 31 + Sep 30); the 92 days before end on 2026-06-30.
      // April 30 + May 31 + June 30 = 91, so they start one day earlier, on 2026-03-31.
      assertThat(Periods.previous(parse("2026-07-01..2026-09-30"))).isEqualTo(period("2026-03-31", "2026-06-30", "2026-03-31..2026-06-30"));
      // 2028 is a leap year (366 days); the 366 days before 2028-01-01 start on 2026-12-31.
      assertThat(Periods.previous(parse("2028-01-01..2028-12-31"))).isEqualTo(period("2026-12-31", "2027-12-31", "2026-12-31..2027-12-31"));
    }

    @Test
    void ofASingleDayIsTheDayBefore() {
      assertThat(Periods.previous(parse("2026-10-01"))).isEqualTo(period("2026-09-30", "2026-09-30", "2026-09-30"));
    }

    @Test
    void ofLastMonthAndLastQuarterFollowTheirCalendarUnits() {
      assertThat(Periods.previous(Periods.parse("last-month", LocalDate.of(2026, 1, 5)))).isEqualTo(Periods.month(YearMonth.of(2025, 11)));
      assertThat(Periods.previous(Periods.parse("last-quarter", LocalDate.of(2026, 1, 5)))).isEqualTo(period("2025-07-01", "2025-09-30", "2025-Q3"));
    }
  }

  @Nested
  class BadInput {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
        "", "   ", "october", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-q3", "26-10", "2026-1", "2026/10",
        "2026-02-30", "2026-10-32", "2026-10-01..", "..2026-10-31", "2026-10-01...2026-10-31", "2026-10..2026-11",
        "2026-10-31..2026-10-01", "last-week", "last month", "LAST-MONTH", "2026-10; drop table activity"})
    void isAUsageError(String text) {
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> Periods.parse(text, TODAY));
      assertThat(e).as("'%s' should be rejected", text).isNotNull();
      assertThat(e.kind()).isEqualTo(ExitKind.USAGE);
      assertThat(e.problems()).hasSize(1);
    }

    @Test
    void unknownTextNamesItAndListsTheForms() {
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> Periods.parse("october", TODAY));
      assertThat(e.problems().get(0).message()).isEqualTo("'october' is not a period");
      assertThat(e.problems().get(0).hint()).contains("2026-10", "2026-Q3", "2026-04-01..2026-09-30", "last-month", "last-quarter");
    }

    @Test
    void aBackwardsRangeSaysItEndsBeforeItStarts() {
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> Periods.parse("2026-10-31..2026-10-01", TODAY));
      assertThat(e.problems().get(0).message()).contains("ends before it starts");
    }

    @Test
    void anImpossibleDateSaysItIsNotValid() {
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> Periods.parse("2026-02-30", TODAY));
      assertThat(e.problems().get(0).message()).startsWith("'2026-02-30' is not a valid period");
    }
  }
}
