package dev.spotlight.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
  void withoutAPeriodThe90DaysBeforeTodayAndToday() {
    TimeWindow w = context(null, null, "2026-11-26T10:00:00Z").window(ZoneId.of("UTC"));
    assertThat(w).isEqualTo(new TimeWindow(Instant.parse("2026-08-28T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z")));
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
