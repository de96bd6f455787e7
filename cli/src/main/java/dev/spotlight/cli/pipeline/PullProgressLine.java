package dev.spotlight.cli.pipeline;

import java.time.Duration;
import java.util.Locale;

/** The one line a pull shows on a terminal: the source being pulled, its records so far and its records per second. */
final class PullProgressLine {

  /** Below this a rate means little, so none is shown. */
  static final Duration MIN_FOR_RATE = Duration.ofMillis(500);

  private PullProgressLine() {}

  /**
   * @param source the source being pulled, or null before the first
   * @param elapsed how long this source has been pulling
   * @param width the most characters the terminal line holds (0 or less: no limit)
   */
  static String render(String source, long records, Duration elapsed, int width) {
    String line;
    if (source == null) {
      line = "pull: starting";
    } else {
      StringBuilder b = new StringBuilder("pull ").append(source).append(": ")
          .append(String.format(Locale.ROOT, "%,d", records)).append(records == 1 ? " record" : " records");
      if (records > 0 && elapsed.compareTo(MIN_FOR_RATE) >= 0) {
        double rate = records / (elapsed.toNanos() / 1e9);
        b.append(String.format(Locale.ROOT, ", %,.0f records/s", rate));
      }
      b.append(String.format(Locale.ROOT, " (%d:%02d)", elapsed.toMinutes(), elapsed.toSecondsPart()));
      line = b.toString();
    }
    return width > 0 && line.length() > width ? line.substring(0, Math.max(0, width - 1)) + "…" : line;
  }
}
