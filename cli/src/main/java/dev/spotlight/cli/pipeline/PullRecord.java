package dev.spotlight.cli.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What the last pull of a source did, kept in the store ({@code .pulls/NAME.json}) so that reports
 * can show data quality and provenance without pulling again.
 */
public record PullRecord(
    String source,
    String connector,
    String pulledAt,
    List<Input> inputs,
    long recordsRead,
    long rowsKept,
    Map<String, Long> skipped,
    long filtered,
    long activityRows,
    long costRows,
    double seconds) {

  /** An input file with its checksum and record count. */
  public record Input(String path, String sha256, long records) {}

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }
}
