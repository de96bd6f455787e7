package dev.spotlight.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNameTest {

  @Test
  void keepsOnlySafeCharactersAndNumbersRepeats() {
    SafeFileName names = new SafeFileName();

    assertThat(names.next("trend/monthly")).isEqualTo("trend-monthly");
    assertThat(names.next("../../etc/passwd")).isEqualTo("etc-passwd");
    assertThat(names.next("Trend monthly")).isEqualTo("Trend-monthly-2");
    assertThat(names.next("??")).isEqualTo("section");
    assertThat(names.next(null)).isEqualTo("section-2");
  }
}
