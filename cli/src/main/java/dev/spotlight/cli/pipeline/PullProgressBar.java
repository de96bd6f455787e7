package dev.spotlight.cli.pipeline;

import dev.spotlight.cli.AppContext;
import dev.spotlight.connectors.PullProgress;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Records read and records per second of the source being pulled, on one line of stderr that is
 * redrawn four times a second and cleared when the pull ends; shown only on a terminal.
 */
public final class PullProgressBar implements PullProgress, AutoCloseable {

  private final ProgressBar bar;
  private volatile String current;
  private volatile long records;
  private volatile long sourceStart = System.nanoTime();
  private int longest;

  private PullProgressBar(boolean show) {
    this.bar = show ? new ProgressBarBuilder()
        .setTaskName("pull")
        .setInitialMax(-1)
        .setUpdateIntervalMillis(250)
        .continuousUpdate()
        .setRenderer((state, width) -> line(width))
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .clearDisplayOnFinish()
        .build() : null;
  }

  public static PullProgressBar create(AppContext app, boolean disabled) {
    return new PullProgressBar(!disabled && app.terminal());
  }

  /** Whether anything is shown (stderr is a terminal and progress was not turned off). */
  public boolean showing() {
    return bar != null;
  }

  /** The line, padded with spaces over what a longer earlier line left on the terminal. */
  synchronized String line(int width) {
    String line = PullProgressLine.render(current, records, Duration.ofNanos(System.nanoTime() - sourceStart), width);
    int pad = Math.min(longest, width > 0 ? width - 1 : longest);
    longest = Math.max(longest, line.length());
    return line.length() < pad ? line + " ".repeat(pad - line.length()) : line;
  }

  @Override
  public synchronized void recordsRead(String source, long count) {
    if (!source.equals(current)) {
      sourceStart = System.nanoTime();
      current = source;
    }
    records = count;
    if (bar != null) {
      bar.stepTo(count);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
