package dev.spotlight.cli.render.chart;

import java.util.List;

/**
 * Control limits of a funnel plot of cost per outcome (Spiegelhalter, "Funnel plots for comparing
 * institutional performance", Statistics in Medicine 24, 2005). A grantee with {@code n} outcomes
 * and cost per outcome {@code y} spent {@code y × n}; the portfolio average is
 * {@code θ = Σ(y × n) / Σn}, total cost over total outcomes. If outcomes are Poisson around what the
 * grantee's cost would buy at the average, {@code log y} has standard error about {@code 1/√n}, so the
 * limits at {@code n} outcomes are {@code θ × exp(±z / √n)}, with {@code z = 1.959964} for 95% and
 * {@code z = 3.090232} for 99.8% (two-sided). They stay above zero and narrow as {@code n} grows.
 */
public final class FunnelLimits {

  /** Two-sided 95%: the 97.5th percentile of the standard normal. */
  static final double Z95 = 1.959963984540054;

  /** Two-sided 99.8%: the 99.9th percentile of the standard normal. */
  static final double Z998 = 3.090232306167813;

  private FunnelLimits() {}

  /** One grantee on the plot: {@code outcomes} (x, above 0) and {@code costPerOutcome} (y). */
  public record Point(String label, double outcomes, double costPerOutcome) {}

  /** Total cost over total outcomes. */
  static double average(List<Point> points) {
    double cost = 0;
    double outcomes = 0;
    for (Point p : points) {
      cost += p.costPerOutcome() * p.outcomes();
      outcomes += p.outcomes();
    }
    return cost / outcomes;
  }

  static double upper(double average, double outcomes, double z) {
    return average * Math.exp(z / Math.sqrt(outcomes));
  }

  static double lower(double average, double outcomes, double z) {
    return average * Math.exp(-z / Math.sqrt(outcomes));
  }

  /** Whether a point lies outside the limits for {@code z} (on them counts as inside). */
  static boolean outside(Point p, double average, double z) {
    return p.costPerOutcome() > upper(average, p.outcomes(), z) || p.costPerOutcome() < lower(average, p.outcomes(), z);
  }
}
