package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.cli.render.chart.FunnelLimits.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of docs/charts.md; limits checked against exp() on a calculator (Python's math.exp). */
class FunnelLimitsTest {

  // Costs: A £4,000 for 100 outcomes (£40 each), B £3,000 for 25 (£120), C £1,000 for 25 (£40), D £2,000 for 50 (£40).
  private final List<Point> points =
      List.of(new Point("A", 100, 40), new Point("B", 25, 120), new Point("C", 25, 40), new Point("D", 50, 40));

  @Test
  void averageIsTotalCostOverTotalOutcomes() {
    // (4,000 + 3,000 + 1,000 + 2,000) / (100 + 25 + 25 + 50) = 10,000 / 200 = 50
    assertThat(FunnelLimits.average(points)).isCloseTo(50.0, within(1e-12));
  }

  @Test
  void limitsAtOneHundredOutcomes() {
    // z/√100 = 0.1959964: e^0.1959964 = 1.2165225, e^-0.1959964 = 0.8220152
    assertThat(FunnelLimits.upper(50, 100, FunnelLimits.Z95)).isCloseTo(60.8261, within(1e-3));
    assertThat(FunnelLimits.lower(50, 100, FunnelLimits.Z95)).isCloseTo(41.1008, within(1e-3));
    // z/√100 = 0.3090232: e^0.3090232 = 1.3620940, e^-0.3090232 = 0.7341637
    assertThat(FunnelLimits.upper(50, 100, FunnelLimits.Z998)).isCloseTo(68.1047, within(1e-3));
    assertThat(FunnelLimits.lower(50, 100, FunnelLimits.Z998)).isCloseTo(36.7082, within(1e-3));
  }

  @Test
  void limitsAtTwentyFiveOutcomesAreWider() {
    // z/√25 = 0.3919928: e^0.3919928 = 1.4799271; 3.090232/5 = 0.6180465: e^±0.6180465 = 1.8553001, 0.5389964
    assertThat(FunnelLimits.upper(50, 25, FunnelLimits.Z95)).isCloseTo(73.9964, within(1e-3));
    assertThat(FunnelLimits.upper(50, 25, FunnelLimits.Z998)).isCloseTo(92.7650, within(1e-3));
    assertThat(FunnelLimits.lower(50, 25, FunnelLimits.Z998)).isCloseTo(26.9498, within(1e-3));
  }

  @Test
  void whoIsOutside() {
    // B: £120 > 92.77 (99.8% upper at 25): outside both. A: £40 < 41.10 (95% lower at 100) but > 36.71: outside 95% only.
    // C: £40 at 25 is inside (lower 95% = 50 × e^-0.392 = 33.79). D: 50 × e^(-1.96/√50) = 37.90 < 40: inside.
    assertThat(FunnelLimits.outside(points.get(1), 50, FunnelLimits.Z998)).isTrue();
    assertThat(FunnelLimits.outside(points.get(0), 50, FunnelLimits.Z95)).isTrue();
    assertThat(FunnelLimits.outside(points.get(0), 50, FunnelLimits.Z998)).isFalse();
    assertThat(FunnelLimits.outside(points.get(2), 50, FunnelLimits.Z95)).isFalse();
    assertThat(FunnelLimits.outside(points.get(3), 50, FunnelLimits.Z95)).isFalse();
  }
}
