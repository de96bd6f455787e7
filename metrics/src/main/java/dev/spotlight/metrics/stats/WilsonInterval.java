package dev.spotlight.metrics.stats;

/** The Wilson score interval for a proportion x/n at 95% confidence. */
public final class WilsonInterval {

  /** The 97.5% quantile of the standard normal distribution. */
  static final double Z = 1.959963984540054;

  private WilsonInterval() {}

  /** {low, high}, or null when the proportion is not defined (n ≤ 0, x outside 0..n). */
  public static double[] of(double x, double n) {
    if (!(n > 0) || x < 0 || x > n) {
      return null;
    }
    double p = x / n;
    double z2 = Z * Z;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denom;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
