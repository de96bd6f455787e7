package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SheetWriterTest {

  @Test
  void numberWidthsAreThoseOfTheFormattedNumberWithRoomForASymbolOrSign() {
    for (double value : new double[] {0, 0.5, 7, -42.25, 999, 1000, 12345.678, -1_234_567.5, 987_654_321_000.0}) {
      int formatted = String.format(Locale.ROOT, "%,.2f", Math.abs(value)).length() + 2;
      assertThat(SheetWriter.numberChars(value)).as("%s", value).isEqualTo(formatted);
    }
    assertThat(SheetWriter.numberChars(Double.NaN)).isEqualTo(6);
  }
}
