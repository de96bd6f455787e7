package dev.spotlight.metrics.proxy;

import dev.spotlight.common.error.Location;

/**
 * A financial proxy (SPEC §3): what one unit of an outcome is worth, and how much of it the
 * programme may claim. {@code rate} converts {@code value} into the project's currency (1 when the
 * proxy is already in it; otherwise the project's {@code fx} rate, never a guess).
 */
public record Proxy(
    String outcome,
    double value,
    String currency,
    double rate,
    String per,
    Integer baseYear,
    int years,
    double deadweight,
    double attribution,
    double displacement,
    double dropOff,
    double discountRate,
    String source,
    String licence,
    Location location) {

  /**
   * The present value of one unit over all {@code years}, in the project's currency, before
   * deadweight, attribution and displacement: year t (from 1) counts {@code value × (1 − drop_off)^(t−1)
   * ÷ (1 + discount_rate)^(t−1)}, so year 1 is neither dropped off nor discounted.
   */
  public double grossPerUnit() {
    double total = 0;
    for (int t = 1; t <= years; t++) {
      total += Math.pow(1 - dropOff, t - 1) / Math.pow(1 + discountRate, t - 1);
    }
    return value * rate * total;
  }

  /** The share of the gross value the programme may claim: (1 − deadweight)(1 − attribution)(1 − displacement). */
  public double netShare() {
    return (1 - deadweight) * (1 - attribution) * (1 - displacement);
  }

  /** {@link #grossPerUnit()} × {@link #netShare()}. */
  public double netPerUnit() {
    return grossPerUnit() * netShare();
  }

  /** One line for the Method sheet and {@code metrics show}: every figure the value is built from, and where it comes from. */
  public String summary() {
    StringBuilder out = new StringBuilder("proxy ").append(outcome).append(": ").append(plain(value)).append(' ').append(currency);
    if (per != null) {
      out.append(" per ").append(per);
    }
    if (baseYear != null) {
      out.append(" (").append(baseYear).append(" prices)");
    }
    if (rate != 1) {
      out.append(", converted at ").append(plain(rate)).append(" per ").append(currency);
    }
    out.append(", ").append(years).append(years == 1 ? " year" : " years").append(", deadweight ").append(plain(deadweight))
        .append(", attribution ").append(plain(attribution)).append(", displacement ").append(plain(displacement))
        .append(", drop-off ").append(plain(dropOff)).append(", discount rate ").append(plain(discountRate))
        .append("; source: ").append(source);
    if (licence != null) {
      out.append(" (").append(licence).append(')');
    }
    return out.toString();
  }

  private static String plain(double x) {
    return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
