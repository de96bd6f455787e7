package dev.spotlight.cli.sample;

import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * A fixed population of sample people: a few come back often, most rarely, so distinct people are
 * far fewer than events. A person is a number; their traits come from {@link PersonHash}.
 */
final class ParticipantPool {

  private final long salt;
  private final long size;
  private final LongFunction<String> homeAreaOfHash;

  ParticipantPool(long salt, long size, LongFunction<String> homeAreaOfHash) {
    this.salt = salt;
    this.size = Math.max(1, size);
    this.homeAreaOfHash = homeAreaOfHash;
  }

  /** Someone taking part; low numbers (the regulars) come up far more often than high ones. */
  long pick(SplittableRandom random) {
    double u = random.nextDouble();
    return (long) (size * u * u);
  }

  /** Someone taking part other than {@code person} (when the pool has anyone else). */
  long pickOtherThan(long person, SplittableRandom random) {
    long other = pick(random);
    return other == person ? (other + 1) % size : other;
  }

  long hash(long person) {
    return PersonHash.of(salt, person);
  }

  /** The person's area code, or "" when their records carry none. */
  String homeArea(long person) {
    return homeAreaOfHash.apply(hash(person));
  }
}
