package dev.spotlight.cli.gates;

import java.time.Duration;

/**
 * The limit in {@code NAME>LIMIT}: a count ({@code 10}), a percentage ({@code 2%}, {@code 0.5%}) or
 * a duration in days or hours ({@code 35d}, {@code 12h}). A gate fails when its measure is above it.
 */
public record Limit(double value, Unit unit, String text) {

  /** What the number counts. */
  public enum Unit { COUNT, PERCENT, DURATION }

  /** The limit as a duration (for {@link Unit#DURATION}). */
  Duration duration() {
    return text.endsWith("h") ? Duration.ofHours((long) value) : Duration.ofDays((long) value);
  }

  boolean inHours() {
    return text.endsWith("h");
  }
}
