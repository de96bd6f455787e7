package dev.spotlight.cli.render;

import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;

/** Which results a report may show as numbers. */
public final class DisplayValue {

  private DisplayValue() {}

  /**
   * The value a result shows, or null when there is no result or it is suppressed or undefined. An
   * ok row without a finite number (an engine's NaN from 0/0) is not shown either; it reads as undefined.
   */
  public static Double of(ResultRow result) {
    if (result == null || result.status() != MetricStatus.OK || result.value() == null) {
      return null;
    }
    return Double.isFinite(result.value()) ? result.value() : null;
  }
}
