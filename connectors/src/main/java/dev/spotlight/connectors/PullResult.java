package dev.spotlight.connectors;

import java.util.List;
import java.util.Map;

/**
 * What a pull read: its input files, how many records were read, kept, skipped as bad (with reasons)
 * and filtered on purpose (e.g. {@code otherwise: skip}).
 */
public record PullResult(List<InputFile> inputs, long recordsRead, long rowsKept, Map<String, Long> skipped, long filtered) {

  public PullResult {
    inputs = List.copyOf(inputs);
    skipped = Map.copyOf(skipped);
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One file a pull read, with its SHA-256 and the number of records in it. */
  public record InputFile(String path, String sha256, long records) {}
}
