package dev.spotlight.metrics.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuiltinFunctionTest {

  @Test
  void looksUpNamesIgnoringCase() {
    assertThat(BuiltinFunction.lookup("Date_Diff")).contains(BuiltinFunction.DATE_DIFF);
    assertThat(BuiltinFunction.lookup("COALESCE")).contains(BuiltinFunction.COALESCE);
    assertThat(BuiltinFunction.lookup("read_csv")).isEmpty();
    assertThat(BuiltinFunction.lookup("DATE_DIFF ")).isEmpty();
  }

  @Test
  void listsExactlyTheWhitelist() {
    assertThat(BuiltinFunction.names())
        .containsExactly("coalesce", "nullif", "abs", "round", "lower", "upper", "date_diff");
    assertThat(BuiltinFunction.DATE_DIFF_UNITS)
        .containsExactly("day", "week", "month", "quarter", "year", "hour", "minute", "second");
  }

  @Test
  void knowsItsArgumentCounts() {
    assertThat(BuiltinFunction.COALESCE.acceptsArgumentCount(1)).isFalse();
    assertThat(BuiltinFunction.COALESCE.acceptsArgumentCount(2)).isTrue();
    assertThat(BuiltinFunction.COALESCE.acceptsArgumentCount(9)).isTrue();
    assertThat(BuiltinFunction.ROUND.acceptsArgumentCount(1)).isTrue();
    assertThat(BuiltinFunction.ROUND.acceptsArgumentCount(2)).isTrue();
    assertThat(BuiltinFunction.ROUND.acceptsArgumentCount(3)).isFalse();
    assertThat(BuiltinFunction.ABS.acceptsArgumentCount(0)).isFalse();
    assertThat(BuiltinFunction.DATE_DIFF.acceptsArgumentCount(3)).isTrue();
    assertThat(BuiltinFunction.DATE_DIFF.acceptsArgumentCount(2)).isFalse();
  }
}
