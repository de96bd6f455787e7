package dev.spotlight.connectors;

/** Receives progress from a running pull (records read so far); the CLI turns it into a progress bar. */
public interface PullProgress {

  PullProgress NONE = (source, records) -> {};

  void recordsRead(String source, long records);
}
