package dev.spotlight.cli.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Local moments an export always includes (when that day has events at all): times right at month
 * edges, where assigning an event to the wrong month is easy.
 */
record PinnedMoments(List<LocalDateTime> moments) {

  static PinnedMoments of(LocalDateTime... moments) {
    return new PinnedMoments(List.of(moments));
  }

  /** The pinned seconds of the day on {@code day}. */
  int[] secondsOn(LocalDate day) {
    return moments.stream()
        .filter(moment -> moment.toLocalDate().equals(day))
        .mapToInt(moment -> moment.toLocalTime().toSecondOfDay())
        .toArray();
  }
}
