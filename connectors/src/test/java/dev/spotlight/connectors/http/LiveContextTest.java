package dev.spotlight.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveContextTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static LiveContext context(LocalDate start, LocalDate end, String now) {
    HttpPolicy policy = HttpPolicy.defaults().withClock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    return new LiveContext(start, end, Map.of(), Path.of("cp"), policy);
  }

  @Test
  void aPeriodIsItsLocalDaysFromMidnightToMidnight() {
    TimeWindow w = context(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "2026-11-26T10:00:00Z").window(LONDON);
    assertThat(w).isEqualTo(new TimeWindow(Instant.parse("2026-09-30T23:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")));
  }

  @Test
  void withoutAPeriodTheWholeMonthsOfThe90DaysBeforeTodayAndToday() {
    LiveContext c = context(null, null, "2026-11-26T10:00:00Z");
    // 90 days before 26 November is 28 August
    assertThat(c.window(ZoneId.of("UTC"))).isEqualTo(new TimeWindow(Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
    assertThat(c.months(ZoneId.of("UTC"))).containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
  }

  @Test
  void aWeekAcrossTwoMonthsIsWidenedToBothWholeMonths() {
    LiveContext c = context(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 1), "2026-11-26T10:00:00Z");
    // BST ends on 25 October: 1 October starts at 23:00 UTC the day before, 1 December at midnight UTC
    assertThat(c.window(LONDON)).isEqualTo(new TimeWindow(Instant.parse("2026-09-30T23:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
    assertThat(c.months(LONDON)).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
  }

  @Test
  void revisitingStartsWholeMonthsEarlier() {
    LiveContext c = context(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "2026-11-26T10:00:00Z").revisiting(2);
    assertThat(c.months(LONDON)).containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    // 1 August starts at 23:00 UTC on 31 July (BST)
    assertThat(c.window(LONDON)).isEqualTo(new TimeWindow(Instant.parse("2026-07-31T23:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")));
    // across a year end, and before the default 90 days
    assertThat(context(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), "2027-02-02T10:00:00Z").revisiting(1).months(LONDON))
        .containsExactly(YearMonth.of(2026, 12), YearMonth.of(2027, 1));
    assertThat(context(null, null, "2026-11-26T10:00:00Z").revisiting(1).months(ZoneId.of("UTC")))
        .containsExactly(YearMonth.of(2026, 7), YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
    assertThatThrownBy(() -> c.revisiting(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void todayIsInTheProjectTimeZone() {
    // 23:30 UTC on 30 November is already 1 December in Auckland: its period has begun there
    LiveContext c = context(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "2026-11-30T23:30:00Z");
    assertThat(c.months(ZoneId.of("Pacific/Auckland"))).containsExactly(YearMonth.of(2026, 12));
    assertThatThrownBy(() -> c.months(LONDON)).isInstanceOf(SpotlightException.class);
  }

  @Test
  void aPeriodStillRunningEndsAtItsLastDay() {
    TimeWindow w = context(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "2026-11-26T10:00:00Z").window(ZoneId.of("UTC"));
    assertThat(w.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void aPeriodNotStartedIsAUsageError() {
    assertThatThrownBy(() -> context(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), "2026-11-26T10:00:00Z").window(LONDON))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.USAGE))
        .hasMessageContaining("has not started yet");
  }
}
