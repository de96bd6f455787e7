package dev.spotlight.metrics.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The 95% interval for a count treated as a Poisson variable: exact Garwood limits below 10 (from
 * chi-square quantiles), Byar's approximation from 10, the split public-health observatories use.
 */
public final class PoissonInterval {

  /** Counts from this one on use Byar's approximation. */
  static final int BYAR_FROM = 10;

  private PoissonInterval() {}

  /** {low, high}, or null when the count is not a whole number of at least 0. */
  public static double[] of(double count) {
    if (!(count >= 0) || Double.isInfinite(count) || count != Math.rint(count)) {
      return null;
    }
    return count < BYAR_FROM ? garwood(count) : byar(count);
  }

  /** Exact limits: χ²(0.025; 2x)/2 (0 when x = 0) and χ²(0.975; 2x + 2)/2. */
  static double[] garwood(double x) {
    double low = x == 0 ? 0 : ChiSquaredDistribution.of(2 * x).inverseCumulativeProbability(0.025) / 2;
    double high = ChiSquaredDistribution.of(2 * x + 2).inverseCumulativeProbability(0.975) / 2;
    return new double[] {low, high};
  }

  /** Byar: x(1 − 1/(9x) − z/(3√x))³ and (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³. */
  static double[] byar(double x) {
    double z = WilsonInterval.Z;
    double low = x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
    double y = x + 1;
    double high = y * Math.pow(1 - 1 / (9 * y) + z / (3 * Math.sqrt(y)), 3);
    return new double[] {low, high};
  }
}
