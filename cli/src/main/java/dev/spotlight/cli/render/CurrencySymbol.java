package dev.spotlight.cli.render;

import java.util.Map;

/** The symbol a report prints before a money value, from the ISO 4217 code of its unit. */
public final class CurrencySymbol {

  // Only currencies whose symbol is unambiguous to our readers; other codes are printed as codes.
  private static final Map<String, String> SYMBOLS = Map.of("GBP", "£", "EUR", "€", "USD", "$");

  private CurrencySymbol() {}

  /** The symbol (e.g. {@code £}), or the code followed by a space (e.g. {@code "JPY "}). */
  public static String prefix(String isoCode) {
    return SYMBOLS.getOrDefault(isoCode, isoCode + " ");
  }
}
