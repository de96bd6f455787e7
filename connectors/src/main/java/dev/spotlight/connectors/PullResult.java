package dev.spotlight.connectors;

import dev.spotlight.connectors.canonical.LiveCoverage;
import java.util.List;
import java.util.Map;

/**
 * What a pull read: its input files, how many records were read, kept, skipped as bad (with reasons)
 * and filtered on purpose (e.g. {@code otherwise: skip}), and for a live pull the local months it
 * covered (null for a file pull, which is the source's whole history).
 */
public record PullResult(List<InputFile> inputs, long recordsRead, long rowsKept, Map<String, Long> skipped, long filtered, LiveCoverage live) {

  public PullResult {
    inputs = List.copyOf(inputs);
    skipped = Map.copyOf(skipped);
  }

  /** A file pull: it replaces the source's whole history. */
  public PullResult(List<InputFile> inputs, long recordsRead, long rowsKept, Map<String, Long> skipped, long filtered) {
    this(inputs, recordsRead, rowsKept, skipped, filtered, null);
  }

  /** This result as a live pull that covered {@code coverage}. */
  public PullResult covering(LiveCoverage coverage) {
    return new PullResult(inputs, recordsRead, rowsKept, skipped, filtered, coverage);
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One file a pull read, with its SHA-256 and the number of records in it. */
  public record InputFile(String path, String sha256, long records) {}
}
