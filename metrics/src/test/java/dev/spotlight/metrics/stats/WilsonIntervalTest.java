package dev.spotlight.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

  @Test
  void twelveOutOfForty() {
    // Worked by hand with z = 1.959964 (z² = 3.841459), x = 12, n = 40:
    //   centre = (x + z²/2) / (n + z²) = 13.920729 / 43.841459 = 0.317524
    //   half   = z / (n + z²) × √(x(n − x)/n + z²/4)
    //          = 0.044706 × √(12 × 28 / 40 + 0.960365) = 0.044706 × √9.360365 = 0.044706 × 3.059471 = 0.136776
    //   interval = [0.317524 − 0.136776, 0.317524 + 0.136776] = [0.180748, 0.454300]
    double[] ci = WilsonInterval.of(12, 40);
    assertThat(ci[0]).isCloseTo(0.180748, within(1e-6));
    assertThat(ci[1]).isCloseTo(0.454300, within(1e-6));
  }

  @Test
  void matchesTheTextbookFormulaToRoundingError() {
    double z = 1.959963984540054;
    for (int n = 1; n <= 60; n++) {
      for (int x = 0; x <= n; x++) {
        double centre = (x + z * z / 2) / (n + z * z);
        double half = z / (n + z * z) * Math.sqrt((double) x * (n - x) / n + z * z / 4);
        double[] ci = WilsonInterval.of(x, n);
        assertThat(ci[0]).as("low %d/%d", x, n).isCloseTo(Math.max(0, centre - half), within(1e-12));
        assertThat(ci[1]).as("high %d/%d", x, n).isCloseTo(Math.min(1, centre + half), within(1e-12));
      }
    }
  }

  @Test
  void noneOutOfTenStartsAtZero() {
    // x = 0: [0, z² / (n + z²)] = [0, 3.841459 / 13.841459] = [0, 0.277533]
    double[] ci = WilsonInterval.of(0, 10);
    assertThat(ci[0]).isEqualTo(0.0);
    assertThat(ci[1]).isCloseTo(0.277533, within(5e-7));
  }

  @Test
  void allOutOfNEndsAtOne() {
    // x = n: [n / (n + z²), 1] = [8 / 11.841459, 1] = [0.675592, 1]
    double[] ci = WilsonInterval.of(8, 8);
    assertThat(ci[0]).isCloseTo(0.675592, within(5e-7));
    assertThat(ci[1]).isEqualTo(1.0);
  }

  @Test
  void undefinedProportionsHaveNoInterval() {
    assertThat(WilsonInterval.of(0, 0)).isNull();
    assertThat(WilsonInterval.of(1, 0)).isNull();
    assertThat(WilsonInterval.of(5, 4)).isNull();
    assertThat(WilsonInterval.of(-1, 4)).isNull();
    assertThat(WilsonInterval.of(1, Double.NaN)).isNull();
  }
}
