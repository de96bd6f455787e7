package dev.spotlight.cli.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of options, each drawn with a chance proportional to its weight. */
final class WeightedChoice<T> {

  private final List<T> options = new ArrayList<>();
  private double[] cumulative = new double[0];

  WeightedChoice<T> add(double weight, T option) {
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weights must be positive: " + weight);
    }
    double before = cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    cumulative = Arrays.copyOf(cumulative, cumulative.length + 1);
    cumulative[cumulative.length - 1] = before + weight;
    options.add(option);
    return this;
  }

  T pick(SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]) {
      i++;
    }
    return options.get(i);
  }
}
