package dev.spotlight.connectors.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A half-open time range {@code [from, to)} asked of a live API. */
public record TimeWindow(Instant from, Instant to) {

  public TimeWindow {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("empty window " + from + ".." + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  /** A stable text for checkpoints and messages. */
  public String key() {
    return from + ".." + to;
  }

  /** Consecutive windows of at most {@code max} covering this one. */
  public List<TimeWindow> split(Duration max) {
    List<TimeWindow> out = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      Instant end = start.plus(max);
      if (end.isAfter(to)) {
        end = to;
      }
      out.add(new TimeWindow(start, end));
      start = end;
    }
    return out;
  }

  /** The two halves of this window (to the second). */
  public List<TimeWindow> halves() {
    long seconds = length().getSeconds();
    Instant mid = from.plusSeconds(seconds / 2);
    return List.of(new TimeWindow(from, mid), new TimeWindow(mid, to));
  }
}
