package dev.spotlight.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullProgressBarTest {

  private static AppContext app(boolean terminal) {
    return new AppContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), Clock.systemUTC(), terminal);
  }

  @Test
  void nothingIsShownWhenStderrIsNotATerminalOrProgressIsOff() {
    try (PullProgressBar bar = PullProgressBar.create(app(false), false)) {
      assertThat(bar.showing()).isFalse();
      bar.recordsRead("loans", 10);
    }
    try (PullProgressBar bar = PullProgressBar.create(app(true), true)) {
      assertThat(bar.showing()).isFalse();
    }
  }

  @Test
  void aShorterLineCoversWhatALongerOneLeft() {
    try (PullProgressBar bar = PullProgressBar.create(app(false), false)) {
      bar.recordsRead("a-long-source-name", 123_456);
      String first = bar.line(120);
      bar.recordsRead("s", 0);
      String second = bar.line(120);
      assertThat(second).startsWith("pull s: 0 records (0:00)").hasSize(first.length());
      assertThat(second.trim()).isEqualTo("pull s: 0 records (0:00)");
    }
  }
}
