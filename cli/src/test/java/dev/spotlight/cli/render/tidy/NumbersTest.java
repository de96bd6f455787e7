package dev.spotlight.cli.render.tidy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void missingValuesAreEmpty() {
    assertThat(Numbers.plain(null)).isEmpty();
  }

  @Test
  void wholeNumbersHaveNoTrailingPointZero() {
    assertThat(Numbers.plain(2.0)).isEqualTo("2");
    assertThat(Numbers.plain(100.0)).isEqualTo("100");
    assertThat(Numbers.plain(0.0)).isEqualTo("0");
  }

  @Test
  void negativeZeroIsZero() {
    assertThat(Numbers.plain(-0.0)).isEqualTo("0");
  }

  @Test
  void valuesKeepFullPrecision() {
    assertThat(Numbers.plain(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Numbers.plain(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(Numbers.plain(1234567.891)).isEqualTo("1234567.891");
    assertThat(Numbers.plain(-2.5)).isEqualTo("-2.5");
  }

  @Test
  void veryLargeAndVerySmallValuesHaveNoExponent() {
    assertThat(Numbers.plain(1e20)).isEqualTo("100000000000000000000");
    assertThat(Numbers.plain(1.5e-7)).isEqualTo("0.00000015");
    assertThat(Numbers.plain(-4.2e-9)).isEqualTo("-0.0000000042");
  }

  @Test
  void theTextReadsBackAsTheSameDouble() {
    for (double d : new double[] {0.1 + 0.2, Math.PI, 1e-300, 123456789.123456789, Double.MAX_VALUE}) {
      assertThat(Double.parseDouble(Numbers.plain(d))).isEqualTo(d);
    }
  }
}
