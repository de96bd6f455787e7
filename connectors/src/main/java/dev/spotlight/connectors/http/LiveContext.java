package dev.spotlight.connectors.http;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a live connector needs beyond a file connector: the period asked for ({@code --period}, as local
 * dates, both included; null when none was given), the environment (where keys and tokens come from),
 * the source's checkpoint folder, the HTTP policy, and how many whole months before the period a
 * pull asks for again ({@code revisitMonths}, so late changes to older records are picked up).
 */
public record LiveContext(LocalDate periodStart, LocalDate periodEnd, Map<String, String> env, Path checkpointDir, HttpPolicy http,
    int revisitMonths) {

  /** How far back a live pull without {@code --period} reaches. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);

  /** How long an interrupted pull's checkpoint may be resumed. */
  public static final Duration CHECKPOINT_MAX_AGE = Duration.ofDays(7);

  public LiveContext {
    env = Map.copyOf(env);
    if (revisitMonths < 0) {
      throw new IllegalArgumentException("revisitMonths must not be negative");
    }
  }

  /** A context that asks for the period alone. */
  public LiveContext(LocalDate periodStart, LocalDate periodEnd, Map<String, String> env, Path checkpointDir, HttpPolicy http) {
    this(periodStart, periodEnd, env, checkpointDir, http, 0);
  }

  /** This context, also asking for the {@code months} whole months before the period. */
  public LiveContext revisiting(int months) {
    return new LiveContext(periodStart, periodEnd, env, checkpointDir, http, months);
  }

  /**
   * The time range to ask for in {@code zone}: the period widened to whole local months, from midnight
   * on the first day of its first month to midnight on the first day of the month after its last; without
   * a period, the months holding the 90 days before today and today; in either case starting
   * {@link #revisitMonths} months earlier. Whole months let the store replace
   * exactly the months a pull covered, and keep the range (and so the checkpoint) the same when an
   * interrupted pull is run again.
   */
  public TimeWindow window(ZoneId zone) {
    List<YearMonth> months = months(zone);
    Instant from = months.get(0).atDay(1).atStartOfDay(zone).toInstant();
    Instant to = months.get(months.size() - 1).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    return new TimeWindow(from, to);
  }

  /**
   * The local months a live pull covers, in order: the {@link #revisitMonths} months before the
   * period (or the default 90 days), then every month it overlaps.
   */
  public List<YearMonth> months(ZoneId zone) {
    Instant now = http.clock().instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate first = periodStart == null ? today.minusDays(DEFAULT_LOOKBACK.toDays()) : periodStart;
    LocalDate last = periodEnd == null ? today : periodEnd;
    if (first.isAfter(today)) {
      throw new SpotlightException(ExitKind.USAGE, Location.NONE, "the period " + periodStart + ".." + periodEnd + " has not started yet",
          "pull a period that has begun");
    }
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(first).minusMonths(revisitMonths); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** The period as text for fingerprints and messages. */
  public String periodText() {
    return periodStart == null ? "default" : periodStart + ".." + periodEnd;
  }
}
