package dev.spotlight.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PullProgressLineTest {

  @Test
  void showsTheSourceItsRecordsAndItsRate() {
    // 7,689 records in 3.2 s is 2,402.8 records/s
    assertThat(PullProgressLine.render("lend-borrow-loans", 7689, Duration.ofMillis(3200), 120))
        .isEqualTo("pull lend-borrow-loans: 7,689 records, 2,403 records/s (0:03)");
  }

  @Test
  void noRateBeforeAnyRecordOrInTheFirstHalfSecond() {
    assertThat(PullProgressLine.render("loans", 0, Duration.ofSeconds(2), 120)).isEqualTo("pull loans: 0 records (0:02)");
    assertThat(PullProgressLine.render("loans", 1, Duration.ofMillis(100), 120)).isEqualTo("pull loans: 1 record (0:00)");
    assertThat(PullProgressLine.render(null, 0, Duration.ZERO, 120)).isEqualTo("pull: starting");
  }

  @Test
  void minutesAndSeconds() {
    assertThat(PullProgressLine.render("s", 90_000, Duration.ofSeconds(125), 0)).isEqualTo("pull s: 90,000 records, 720 records/s (2:05)");
  }

  @Test
  void neverWiderThanTheTerminal() {
    String line = PullProgressLine.render("a-very-long-source-name", 1_234_567, Duration.ofSeconds(10), 30);
    assertThat(line).hasSize(30).endsWith("…").startsWith("pull a-very-long-source-name:");
  }
}
