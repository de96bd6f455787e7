package dev.spotlight.metrics.privacy;

/**
 * Small-number suppression and rounding (SPEC §1 privacy, §5 status rules): counts from 1 to
 * {@code minCell - 1} are suppressed (0 = off); counts are rounded to {@code rounding} (0 = off).
 */
public record DisclosureRules(int minCell, int rounding) {

  public static final DisclosureRules OFF = new DisclosureRules(0, 0);

  /** Whether a count this size must not be shown. Zero is a count like any other. */
  public boolean suppresses(double count) {
    return minCell > 0 && count >= 1 && count < minCell;
  }

  /** {@code count} rounded to the nearest multiple of the rounding base (half up). */
  public double round(double count) {
    if (rounding <= 0) {
      return count;
    }
    return Math.floor(count / rounding + 0.5) * rounding;
  }

  /** The text a suppressed value shows in xlsx, charts and terminal tables, e.g. {@code <5}. */
  public String suppressedLabel() {
    return "<" + minCell;
  }
}
