package dev.spotlight.cli.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a complete synthetic Spotlight project — the ShareLab Fund portfolio of five grantees, each
 * with an export in its own platform's shape, plus costs, areas, metrics and spotlight.yaml — for
 * {@code spotlight sample}. The same seed and event count always give byte-identical files; rows are
 * streamed to disk, never held in memory.
 */
public final class SampleProjectWriter {

  /**
   * Where the events go once the small tool library has its share: the lending app gets the first
   * 34%, the repair network the next 18%, crowdfunding 26% and street reporting the rest.
   */
  private static final double LENDING_UP_TO = 0.34;
  private static final double REPAIR_UP_TO = 0.52;
  private static final double CROWDFUNDING_UP_TO = 0.78;
  /** The tool library keeps its full size only in samples of at least 100 times that many events. */
  private static final long EVENTS_PER_TOOL_LIBRARY_EVENT = 100;

  /**
   * Writes the project into {@code outDir} (created if missing; files of the same names are replaced).
   *
   * @param events total activity events across every source
   * @param seed the seed of every random choice
   */
  public SampleSummary write(Path outDir, long events, long seed) {
    if (events < 0) {
      throw new IllegalArgumentException("the number of events cannot be negative: " + events);
    }
    SplittableRandom random = new SplittableRandom(seed);
    AreaDirectory areas = AreaDirectory.generate(random.split());
    long toolLibrary = Math.min(ToolLibraryExport.FULL_SIZE_EVENTS, events / EVENTS_PER_TOOL_LIBRARY_EVENT);
    long rest = events - toolLibrary;
    List<PlatformExport> exports = List.of(
        new LendingAppExport(part(rest, 0, LENDING_UP_TO), areas, random.split()),
        new RepairCafeExport(part(rest, LENDING_UP_TO, REPAIR_UP_TO), areas, random.split()),
        new MatchedCrowdfundingExport(part(rest, REPAIR_UP_TO, CROWDFUNDING_UP_TO), areas, random.split()),
        new StreetReportExport(part(rest, CROWDFUNDING_UP_TO, 1), areas, random.split()),
        new ToolLibraryExport(toolLibrary, areas, random.split()));
    CostsFile costs = new CostsFile(random.split());

    List<Path> files = new ArrayList<>();
    files.add(SampleFile.write(outDir.resolve(AreaDirectory.RELATIVE_PATH), areas::writeCsv));
    Map<String, Long> eventsBySource = new LinkedHashMap<>();
    for (PlatformExport export : exports) {
      WrittenExport written = export.write(outDir);
      files.addAll(written.files());
      eventsBySource.putAll(written.eventsBySource());
    }
    long costRows = costs.write(outDir);
    files.add(outDir.resolve(CostsFile.FILE));
    files.add(SampleFile.writeString(outDir.resolve(MetricsFileText.FILE), MetricsFileText.TEXT));
    files.add(SampleFile.writeString(
        outDir.resolve(ProjectFileText.FILE), ProjectFileText.render(exports, costs, events, seed)));
    files.add(SampleFile.writeString(
        outDir.resolve(SampleReadme.FILE), SampleReadme.render(exports, eventsBySource, costRows, events, seed)));
    return new SampleSummary(outDir, files, eventsBySource, costRows);
  }

  /** The events between the cumulative shares {@code from} and {@code to} of {@code total}; parts add up exactly. */
  private static long part(long total, double from, double to) {
    return Math.round(total * to) - Math.round(total * from);
  }
}
