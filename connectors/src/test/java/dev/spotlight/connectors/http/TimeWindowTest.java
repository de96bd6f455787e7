package dev.spotlight.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

  private static final Instant A = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void splitsIntoWindowsOfAtMostTheGivenLength() {
    // 2026 has 365 days: four windows of 90 days and one of 5
    TimeWindow year = new TimeWindow(A, Instant.parse("2027-01-01T00:00:00Z"));
    var parts = year.split(Duration.ofDays(90));
    assertThat(parts).extracting(w -> w.length().toDays()).containsExactly(90L, 90L, 90L, 90L, 5L);
    assertThat(parts.get(0).from()).isEqualTo(A);
    assertThat(parts.get(4).to()).isEqualTo(year.to());
    for (int i = 1; i < parts.size(); i++) {
      assertThat(parts.get(i).from()).isEqualTo(parts.get(i - 1).to());
    }
  }

  @Test
  void halvesToTheSecond() {
    var halves = new TimeWindow(A, A.plusSeconds(61)).halves();
    assertThat(halves.get(0).to()).isEqualTo(A.plusSeconds(30));
    assertThat(halves.get(1)).isEqualTo(new TimeWindow(A.plusSeconds(30), A.plusSeconds(61)));
  }

  @Test
  void anEmptyWindowIsRefused() {
    assertThatThrownBy(() -> new TimeWindow(A, A)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyNamesBothEnds() {
    assertThat(new TimeWindow(A, A.plusSeconds(3600)).key()).isEqualTo("2026-01-01T00:00:00Z..2026-01-01T01:00:00Z");
  }
}
