package dev.spotlight.cli.render.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits metrics that share a unit into bands of similar size, so a £12 cost per person is not a
 * hairline beside a £92,000 total on the same axis. Sorted by their largest value, a metric starts a
 * new band when its largest value is under 1/{@link #MAX_RATIO} of the band's largest. Each band keeps
 * the metrics' original order.
 */
final class PanelBands {

  static final double MAX_RATIO = 20;

  private PanelBands() {}

  /**
   * @param largest the largest absolute value of each metric (0 when it has none), by index
   * @param indexes the metric indexes to split, in display order
   */
  static List<List<Integer>> split(double[] largest, List<Integer> indexes) {
    List<Integer> bySize = new ArrayList<>(indexes);
    bySize.sort(Comparator.comparingDouble((Integer i) -> largest[i]).reversed());
    List<List<Integer>> bands = new ArrayList<>();
    double top = -1;
    for (int i : bySize) {
      if (bands.isEmpty() || (largest[i] > 0 && largest[i] * MAX_RATIO < top)) {
        bands.add(new ArrayList<>());
        top = largest[i];
      }
      bands.get(bands.size() - 1).add(i);
    }
    // Metrics with nothing to draw (largest 0) join the last band rather than making one of their own.
    for (List<Integer> band : bands) {
      band.sort(Comparator.comparingInt(indexes::indexOf));
    }
    return bands;
  }
}
