package dev.spotlight.metrics.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A reporting period: inclusive local dates and the label results carry (e.g. {@code 2026-10}). */
public record Period(LocalDate start, LocalDate end, String label) {

  public Period {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period ends before it starts: " + start + ".." + end);
    }
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }
}
