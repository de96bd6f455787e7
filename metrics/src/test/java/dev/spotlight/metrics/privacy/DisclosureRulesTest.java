package dev.spotlight.metrics.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisclosureRulesTest {

  @Test
  void countsFromOneToBelowTheMinimumCellAreSuppressed() {
    DisclosureRules rules = new DisclosureRules(5, 0);
    assertThat(rules.suppresses(0)).as("zero is a count like any other").isFalse();
    assertThat(rules.suppresses(1)).isTrue();
    assertThat(rules.suppresses(2)).isTrue();
    assertThat(rules.suppresses(3)).isTrue();
    assertThat(rules.suppresses(4)).isTrue();
    assertThat(rules.suppresses(5)).isFalse();
    assertThat(rules.suppresses(6)).isFalse();
    assertThat(rules.suppresses(1000)).isFalse();
  }

  @Test
  void aMinimumCellOfZeroTurnsSuppressionOff() {
    assertThat(new DisclosureRules(0, 0).suppresses(1)).isFalse();
    assertThat(DisclosureRules.OFF.suppresses(1)).isFalse();
  }

  @Test
  void aMinimumCellOfTwoSuppressesOnlyOnes() {
    DisclosureRules rules = new DisclosureRules(2, 0);
    assertThat(rules.suppresses(1)).isTrue();
    assertThat(rules.suppresses(2)).isFalse();
  }

  @ParameterizedTest(name = "{0} rounded to {1} is {2}")
  @CsvSource({
      "0, 5, 0", "1, 5, 0", "2, 5, 0", "3, 5, 5", "7, 5, 5", "8, 5, 10", "12, 5, 10", "13, 5, 15", "22, 5, 20",
      "14, 10, 10", "15, 10, 20", "25, 10, 30", "7, 0, 7", "7, 1, 7"})
  void roundsToTheNearestMultipleHalfUp(double count, int base, double expected) {
    assertThat(new DisclosureRules(0, base).round(count)).isEqualTo(expected);
  }

  @Test
  void theSuppressedLabelNamesTheThreshold() {
    assertThat(new DisclosureRules(5, 0).suppressedLabel()).isEqualTo("<5");
    assertThat(new DisclosureRules(10, 0).suppressedLabel()).isEqualTo("<10");
  }
}
