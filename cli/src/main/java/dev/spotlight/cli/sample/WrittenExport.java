package dev.spotlight.cli.sample;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What writing one platform export produced: its files and the events each of its sources will read. */
record WrittenExport(List<Path> files, Map<String, Long> eventsBySource) {

  WrittenExport {
    files = List.copyOf(files);
    eventsBySource = Collections.unmodifiableMap(new LinkedHashMap<>(eventsBySource));
  }
}
