package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.cli.render.chart.FunnelLabels.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelLabelsTest {

  private static final double H = 14;

  @Test
  void threeLabelsAtTheSameHeightInOneColumnAreStackedDownwardsInOrder() {
    // Each next one goes one height (14) plus the pad (2) below the one before: 100, 116, 132.
    List<Box> out = FunnelLabels.spread(
        List.of(new Box(10, 60, 100, H), new Box(12, 80, 100, H), new Box(5, 50, 101, H)), 0, 400);

    assertThat(out.get(0).centre()).isCloseTo(100, within(1e-9));
    assertThat(out.get(1).centre()).isCloseTo(116, within(1e-9));
    assertThat(out.get(2).centre()).isCloseTo(132, within(1e-9));
  }

  @Test
  void labelsInDifferentColumnsOrApartAlreadyStayWhereTheyAre() {
    List<Box> in = List.of(new Box(10, 60, 100, H), new Box(70, 120, 100, H), new Box(10, 60, 130, H));

    assertThat(FunnelLabels.spread(in, 0, 400)).isEqualTo(in);
  }

  @Test
  void aClusterAtTheBottomIsPushedBackUpInsideThePlot() {
    // Bottom 200: the lower label ends at 200 (centre 193) and the other sits 16 above it (177).
    List<Box> out = FunnelLabels.spread(List.of(new Box(0, 50, 198, H), new Box(0, 50, 199, H)), 0, 200);

    assertThat(out.get(1).centre()).isCloseTo(193, within(1e-9));
    assertThat(out.get(0).centre()).isCloseTo(177, within(1e-9));
  }

  @Test
  void aLabelAboveThePlotIsBroughtInside() {
    List<Box> out = FunnelLabels.spread(List.of(new Box(0, 50, 2, H)), 10, 200);

    assertThat(out.get(0).centre()).isCloseTo(17, within(1e-9));
  }
}
