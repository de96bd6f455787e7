package dev.spotlight.cli.pipeline;

import dev.spotlight.cli.AppContext;
import dev.spotlight.connectors.PullProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Records read and records per second for each source, shown only on a terminal. */
public final class PullProgressBar implements PullProgress, AutoCloseable {

  private final ProgressBar bar;
  private String current;
  private long base;
  private long lastTotal;

  private PullProgressBar(ProgressBar bar) {
    this.bar = bar;
  }

  public static PullProgressBar create(AppContext app, boolean disabled) {
    if (disabled || !app.terminal()) {
      return new PullProgressBar(null);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("pull")
        .setInitialMax(-1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" records", 1)
        .showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
    return new PullProgressBar(bar);
  }

  @Override
  public void recordsRead(String source, long records) {
    if (bar == null) {
      return;
    }
    if (!source.equals(current)) {
      current = source;
      base = lastTotal;
      bar.setExtraMessage(source);
    }
    lastTotal = base + records;
    bar.stepTo(lastTotal);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
