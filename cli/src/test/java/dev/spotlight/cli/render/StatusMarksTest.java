package dev.spotlight.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.result.MetricStatus;
import org.junit.jupiter.api.Test;

class StatusMarksTest {

  @Test
  void marksFollowTheThreshold() {
    StatusMarks marks = new StatusMarks(10);

    assertThat(marks.of(MetricStatus.SUPPRESSED)).isEqualTo("<10");
    assertThat(marks.of(MetricStatus.UNDEFINED)).isEqualTo("–");
    assertThat(marks.of(MetricStatus.OK)).isEmpty();
    assertThat(marks.footnote()).startsWith("<10 suppressed: a count from 1 to 9,");
  }

  @Test
  void withoutSuppressionTheFootnoteExplainsOnlyUndefined() {
    assertThat(new StatusMarks(0).footnote()).isEqualTo("– undefined: no result is defined (e.g. a ratio over zero).");
  }
}
