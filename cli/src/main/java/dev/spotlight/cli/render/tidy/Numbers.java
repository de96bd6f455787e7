package dev.spotlight.cli.render.tidy;

import java.math.BigDecimal;

/** Plain, full-precision text for numbers in CSV and JSON (no exponent, no trailing ".0"). */
public final class Numbers {

  private Numbers() {}

  public static String plain(Double d) {
    if (d == null) {
      return "";
    }
    String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
