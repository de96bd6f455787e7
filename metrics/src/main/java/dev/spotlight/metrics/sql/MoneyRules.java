package dev.spotlight.metrics.sql;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How money enters metrics: amounts with no currency or the project's count as they are; other
 * currencies only through explicit {@code fx} rates (project currency per unit), else they are left out.
 * Rates are kept in currency-code order, so the same rules always render the same SQL.
 */
public record MoneyRules(String currency, Map<String, BigDecimal> fx) {

  public MoneyRules {
    fx = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(fx)));
  }
}
