package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.ReportContent.MetricInfo;
import org.junit.jupiter.api.Test;

class NumberFormatsTest {

  @Test
  void moneyUsesTheCurrencySymbolWithTwoDecimals() {
    assertThat(NumberFormats.of(metric("GBP"), 3)).isEqualTo("\"£\"#,##0.00");
    assertThat(NumberFormats.of(metric("EUR"), 3)).isEqualTo("\"€\"#,##0.00");
    assertThat(NumberFormats.of(metric("USD"), 3)).isEqualTo("\"$\"#,##0.00");
    assertThat(NumberFormats.of(metric("JPY"), 3)).isEqualTo("\"JPY \"#,##0.00");
  }

  @Test
  void percentAndCounts() {
    assertThat(NumberFormats.of(metric("percent"), 0.5)).isEqualTo("0.0%");
    assertThat(NumberFormats.of(metric("people"), 12)).isEqualTo("#,##0");
    assertThat(NumberFormats.of(metric("people"), 12.5)).isEqualTo("#,##0.00");
    assertThat(NumberFormats.of(metric(null), 1e12)).isEqualTo("#,##0");
  }

  @Test
  void signedFormatsShowAPlus() {
    assertThat(NumberFormats.signed("0.0%")).isEqualTo("+0.0%;-0.0%;0.0%");
  }

  private static MetricInfo metric(String unit) {
    return new MetricInfo("m", "M", "", unit, "count", "", "");
  }
}
