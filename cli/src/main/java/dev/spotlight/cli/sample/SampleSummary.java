package dev.spotlight.cli.sample;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SampleProjectWriter#write} wrote: every file, the activity events each source of
 * spotlight.yaml will read from them (in spotlight.yaml's order), and the rows of the costs table.
 */
public record SampleSummary(Path projectDir, List<Path> files, Map<String, Long> eventsBySource, long costRows) {

  public SampleSummary {
    files = List.copyOf(files);
    eventsBySource = Collections.unmodifiableMap(new LinkedHashMap<>(eventsBySource));
  }

  /** Events across every source: the {@code events} the sample was asked for. */
  public long totalEvents() {
    return eventsBySource.values().stream().mapToLong(Long::longValue).sum();
  }
}
