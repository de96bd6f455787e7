package dev.spotlight.cli.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

/** When in the day a platform's events happen: a relative weight for each local hour. */
final class HourProfile {

  private final double[] cumulative = new double[24];

  HourProfile(double... byHour) {
    if (byHour.length != 24) {
      throw new IllegalArgumentException("need 24 hour weights");
    }
    double sum = 0;
    for (int hour = 0; hour < 24; hour++) {
      sum += byHour[hour];
      cumulative[hour] = sum;
    }
    for (int hour = 0; hour < 24; hour++) {
      cumulative[hour] /= sum;
    }
  }

  /** One second of the day (0..86399) drawn from the profile. */
  int secondOfDay(SplittableRandom random) {
    double u = random.nextDouble();
    int hour = 0;
    while (hour < 23 && u >= cumulative[hour]) {
      hour++;
    }
    return hour * 3600 + random.nextInt(3600);
  }

  /**
   * {@code count} seconds of the day in ascending order; the {@code pinned} seconds are among them
   * when there is room, so month-edge moments appear in every sample big enough to hold them.
   */
  int[] sortedSecondsOfDay(SplittableRandom random, int count, int[] pinned) {
    int[] seconds = new int[count];
    for (int i = 0; i < count; i++) {
      seconds[i] = i < pinned.length ? pinned[i] : secondOfDay(random);
    }
    Arrays.sort(seconds);
    return seconds;
  }
}
