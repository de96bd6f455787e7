package dev.spotlight.cli.sample;

/** Money amounts held in pence and written as pounds with two decimals ({@code 1250} is {@code 12.50}). */
final class MoneyText {

  private MoneyText() {}

  static void appendPounds(StringBuilder out, long pence) {
    out.append(pence / 100).append('.');
    long rest = pence % 100;
    if (rest < 10) {
      out.append('0');
    }
    out.append(rest);
  }
}
