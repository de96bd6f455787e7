package dev.spotlight.cli.render;

import dev.spotlight.metrics.result.MetricStatus;

/**
 * What a report shows in place of a value that cannot be shown (SPEC §5): {@code <N} for a suppressed
 * value and {@code –} for an undefined one, and the footnote that explains both.
 *
 * @param minCell the smallest count that is shown; counts from 1 to {@code minCell − 1} are suppressed
 */
public record StatusMarks(int minCell) {

  public static final String UNDEFINED = "–";

  public String suppressed() {
    return "<" + minCell;
  }

  /** The mark for a status, or the empty string for a value that is shown. */
  public String of(MetricStatus status) {
    return switch (status) {
      case OK -> "";
      case SUPPRESSED -> suppressed();
      case UNDEFINED -> UNDEFINED;
    };
  }

  /** One sentence per mark, for the footnote under a table or chart. */
  public String footnote() {
    String undefined = UNDEFINED + " undefined: no result is defined (e.g. a ratio over zero).";
    if (minCell <= 1) {
      return undefined;
    }
    return suppressed()
        + " suppressed: a count from 1 to "
        + (minCell - 1)
        + ", or a value built from one, is not shown to protect individuals. "
        + undefined;
  }
}
