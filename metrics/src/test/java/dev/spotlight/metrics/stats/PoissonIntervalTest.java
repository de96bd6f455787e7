package dev.spotlight.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonIntervalTest {

  /** Exact 95% limits for counts 0..9 as printed in the usual tables (e.g. Ulm 1990, to 3-4 decimals). */
  private static final double[][] PUBLISHED = {
      {0, 0.0000, 3.689}, {1, 0.0253, 5.572}, {2, 0.2422, 7.225}, {3, 0.6187, 8.767}, {4, 1.0899, 10.242},
      {5, 1.6235, 11.668}, {6, 2.2019, 13.059}, {7, 2.8144, 14.423}, {8, 3.4538, 15.763}, {9, 4.1154, 17.085}};

  @Test
  void smallCountsMatchThePublishedExactLimits() {
    for (double[] row : PUBLISHED) {
      double[] ci = PoissonInterval.of(row[0]);
      assertThat(ci[0]).as("low %s", row[0]).isCloseTo(row[1], within(5e-4));
      assertThat(ci[1]).as("high %s", row[0]).isCloseTo(row[2], within(1e-3));
    }
  }

  @Test
  void smallCountLimitsAreTheExactTailProbabilities() {
    // Garwood's limits are where a Poisson mean puts 2.5% in the tail beyond the observed count:
    //   P(X >= x | low) = 0.025 and P(X <= x | high) = 0.025, here summed term by term.
    for (int x = 0; x < 10; x++) {
      double[] ci = PoissonInterval.of(x);
      if (x > 0) {
        assertThat(1 - cdf(x - 1, ci[0])).as("upper tail at low, x=%d", x).isCloseTo(0.025, within(1e-9));
      }
      assertThat(cdf(x, ci[1])).as("lower tail at high, x=%d", x).isCloseTo(0.025, within(1e-9));
    }
  }

  @Test
  void fromTenByarsApproximationWorkedByHand() {
    // x = 10, z = 1.959964:
    //   low  = 10 × (1 − 1/90 − z/(3√10))³ = 10 × (1 − 0.011111 − 0.206598)³ = 10 × 0.782291³ = 4.787450
    //   high = 11 × (1 − 1/99 + z/(3√11))³ = 11 × (1 − 0.010101 + 0.196984)³ = 11 × 1.186883³ = 18.391459
    double[] ci = PoissonInterval.of(10);
    assertThat(ci[0]).isCloseTo(4.787450, within(1e-5));
    assertThat(ci[1]).isCloseTo(18.391459, within(1e-5));
    // and close to the exact limits for 10 (4.7954, 18.3904), as the approximation should be
    assertThat(ci[0]).isCloseTo(4.7954, within(0.01));
    assertThat(ci[1]).isCloseTo(18.3904, within(0.01));
  }

  @Test
  void aHundredByByar() {
    // x = 100: low = 100 × (1 − 1/900 − z/30)³ = 100 × 0.933555³ = 81.3621;
    //          high = 101 × (1 − 1/909 + z/(3√101))³ = 101 × 1.063907³ = 121.6279
    double[] ci = PoissonInterval.of(100);
    assertThat(ci[0]).isCloseTo(81.3621, within(1e-4));
    assertThat(ci[1]).isCloseTo(121.6279, within(1e-4));
  }

  @Test
  void notACountHasNoInterval() {
    assertThat(PoissonInterval.of(-1)).isNull();
    assertThat(PoissonInterval.of(2.5)).isNull();
    assertThat(PoissonInterval.of(Double.NaN)).isNull();
    assertThat(PoissonInterval.of(Double.POSITIVE_INFINITY)).isNull();
  }

  private static double cdf(int k, double mean) {
    double term = Math.exp(-mean);
    double sum = term;
    for (int i = 1; i <= k; i++) {
      term *= mean / i;
      sum += term;
    }
    return sum;
  }
}
