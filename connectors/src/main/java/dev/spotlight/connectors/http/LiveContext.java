package dev.spotlight.connectors.http;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a live connector needs beyond a file connector: the period asked for ({@code --period}, as local
 * dates, both included; null when none was given), the environment (where keys and tokens come from),
 * the source's checkpoint folder and the HTTP policy.
 */
public record LiveContext(LocalDate periodStart, LocalDate periodEnd, Map<String, String> env, Path checkpointDir, HttpPolicy http) {

  /** How far back a live pull without {@code --period} reaches. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);

  /** How long an interrupted pull's checkpoint may be resumed. */
  public static final Duration CHECKPOINT_MAX_AGE = Duration.ofDays(7);

  public LiveContext {
    env = Map.copyOf(env);
  }

  /**
   * The time range to ask for in {@code zone}: the period's first day at midnight to midnight after its
   * last day; without a period, the 90 days before today and today. Whole days keep the range (and so
   * the checkpoint) the same when an interrupted pull is run again the same day.
   */
  public TimeWindow window(ZoneId zone) {
    Instant now = http.clock().instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate first = periodStart == null ? today.minusDays(DEFAULT_LOOKBACK.toDays()) : periodStart;
    LocalDate last = periodEnd == null ? today : periodEnd;
    Instant from = first.atStartOfDay(zone).toInstant();
    Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
    if (!from.isBefore(now)) {
      throw new dev.spotlight.common.error.SpotlightException(dev.spotlight.common.error.ExitKind.USAGE, dev.spotlight.common.error.Location.NONE,
          "the period " + periodStart + ".." + periodEnd + " has not started yet", "pull a period that has begun");
    }
    return new TimeWindow(from, to);
  }

  /** The period as text for fingerprints and messages. */
  public String periodText() {
    return periodStart == null ? "default" : periodStart + ".." + periodEnd;
  }
}
