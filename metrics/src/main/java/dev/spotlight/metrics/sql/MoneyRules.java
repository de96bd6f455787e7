package dev.spotlight.metrics.sql;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How money enters metrics: amounts with no currency or the project's count as they are; other
 * currencies only through explicit {@code fx} rates (project currency per unit), else they are left out.
 */
public record MoneyRules(String currency, Map<String, BigDecimal> fx) {

  public MoneyRules {
    fx = Map.copyOf(fx);
  }
}
