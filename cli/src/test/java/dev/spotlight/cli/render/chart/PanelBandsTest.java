package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PanelBandsTest {

  @Test
  void metricsMoreThanTwentyFoldApartGoToSeparateBandsInTheirOriginalOrder() {
    // 0: £92,300 total, 1: £13 per person, 2: £5,000, 3: £128, 4: nothing to draw
    double[] largest = {92_300, 13, 5_000, 128, 0};

    // 5,000 × 20 = 100,000 ≥ 92,300: same band; 128 × 20 = 2,560 < 92,300: new band; 13 × 20 = 260 ≥ 128: same band.
    assertThat(PanelBands.split(largest, List.of(0, 1, 2, 3, 4))).containsExactly(List.of(0, 2), List.of(1, 3, 4));
  }

  @Test
  void similarSizesStayInOneBand() {
    double[] largest = {100, 6, 0};

    assertThat(PanelBands.split(largest, List.of(2, 0, 1))).containsExactly(List.of(2, 0, 1));
  }
}
