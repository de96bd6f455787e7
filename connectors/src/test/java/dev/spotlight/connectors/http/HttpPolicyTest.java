package dev.spotlight.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpPolicyTest {

  private static HttpPolicy withJitter(double jitter) {
    return new HttpPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofMinutes(2), d -> {}, Clock.systemUTC(), () -> jitter);
  }

  @Test
  void backoffDoublesFromHalfToAllOfTheNominalWait() {
    HttpPolicy low = withJitter(0.0);
    HttpPolicy high = withJitter(0.999);
    // nominal 1 s, 2 s, 4 s, 8 s, 16 s
    assertThat(low.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(low.backoff(4)).isEqualTo(Duration.ofMillis(4000));
    assertThat(high.backoff(1)).isEqualTo(Duration.ofMillis(999));
    assertThat(high.backoff(5)).isEqualTo(Duration.ofMillis(15992));
  }

  @Test
  void backoffIsCappedAtMaxDelay() {
    assertThat(withJitter(0.5).backoff(6)).isEqualTo(Duration.ofMillis(22500));
    assertThat(withJitter(0.5).backoff(40)).isEqualTo(Duration.ofMillis(22500));
  }
}
