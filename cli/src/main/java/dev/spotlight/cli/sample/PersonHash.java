package dev.spotlight.cli.sample;

/**
 * Stable pseudo-random traits of a sample person (name, home area) from a 64-bit hash, so a person
 * is the same on every row without keeping a table of people in memory.
 */
final class PersonHash {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private PersonHash() {}

  /** The hash of person {@code index} in the population {@code salt}. */
  static long of(long salt, long index) {
    return mix(salt + (index + 1) * GOLDEN_GAMMA);
  }

  /** SplitMix64's finaliser: a well-spread 64-bit value from any 64-bit value. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A value in [0, 1) from the hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** A value in [0, bound) from the hash. */
  static int index(long hash, int bound) {
    return (int) Math.floorMod(hash, (long) bound);
  }
}
