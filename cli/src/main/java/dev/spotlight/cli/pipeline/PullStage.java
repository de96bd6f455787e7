package dev.spotlight.cli.pipeline;

import dev.spotlight.cli.project.ProjectFile;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.connectors.PullProgress;
import dev.spotlight.connectors.SourcePull;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.PseudonymKey;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import dev.spotlight.connectors.canonical.StoreLock;
import dev.spotlight.connectors.http.HttpPolicy;
import dev.spotlight.metrics.model.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs the connectors of a project into its store, under the store's exclusive lock. */
public final class PullStage {

  /** How long a pull waits for another run to release the store. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(10);

  private final ProjectContext context;

  public PullStage(ProjectContext context) {
    this.context = context;
  }

  /** Pulls {@code names} (all sources when empty) and returns what each pull did; live sources get their default period. */
  public List<PullRecord> pull(List<String> names, PullProgress progress) {
    return pull(names, null, progress);
  }

  /**
   * Pulls {@code names} (all sources when empty) and returns what each pull did. Live sources are asked
   * for {@code period} (null: each live connector's documented default); file sources are read whole.
   */
  public List<PullRecord> pull(List<String> names, Period period, PullProgress progress) {
    ProjectFile project = context.project();
    List<SourceSpec> chosen = choose(project.sources(), names);
    byte[] key = PseudonymKey.resolve(project.privacy().pseudonymKeyEnv(), project.privacy().keyEnvAt(), context.app().env(),
        project.storeLayout().keyFile(), context.app()::warn);
    SourcePull.Live live = new SourcePull.Live(period == null ? null : period.start(), period == null ? null : period.end(),
        context.app().env(), HttpPolicy.defaults().withClock(context.app().clock()));
    SourcePull puller = new SourcePull(project.storeLayout(), new Pseudonymiser(key), project.timezone(), project.currency(), live,
        project.granteesByOrgId());
    PullRecords records = new PullRecords(project.storeLayout());
    List<PullRecord> done = new ArrayList<>();
    try (StoreLock lock = StoreLock.acquire(project.storeLayout(), true, LOCK_WAIT, context.app()::warn)) {
      warnAboutUndeclared(project);
      for (SourceSpec source : chosen) {
        long start = System.nanoTime();
        progress.recordsRead(source.name(), 0);
        SourcePull.Outcome outcome = puller.run(context.connectors().get(source.connector(), source.location()), source, progress);
        var r = outcome.result();
        PullRecord record = new PullRecord(source.name(), source.connector(), Instant.now(context.app().clock()).toString(),
            r.inputs().stream().map(i -> new PullRecord.Input(i.path(), i.sha256(), i.records())).toList(),
            r.recordsRead(), r.rowsKept(), r.skipped(), r.filtered(), outcome.written().activityRows(), outcome.written().costRows(),
            (System.nanoTime() - start) / 1e9);
        records.write(record);
        done.add(record);
      }
    }
    return done;
  }

  /** Data of a source the project no longer lists stays in the store but is ignored; say so once per pull. */
  private void warnAboutUndeclared(ProjectFile project) {
    List<String> declared = project.sources().stream().map(SourceSpec::name).toList();
    java.util.Set<String> stored = new java.util.TreeSet<>();
    for (var table : dev.spotlight.common.store.CanonicalTable.values()) {
      stored.addAll(project.storeLayout().sources(table));
    }
    stored.removeAll(declared);
    for (String s : stored) {
      context.app().warn("the store holds data for source '" + s + "', which spotlight.yaml no longer lists; it is ignored"
          + " (delete " + project.storeLayout().root().resolve("*/source=" + s) + " to remove it)");
    }
  }

  private static List<SourceSpec> choose(List<SourceSpec> all, List<String> names) {
    if (names.isEmpty()) {
      return all;
    }
    List<String> known = all.stream().map(SourceSpec::name).toList();
    List<SourceSpec> out = new ArrayList<>();
    for (String n : names) {
      if (!known.contains(n)) {
        throw SpotlightException.usage("unknown source '" + n + "'", DidYouMean.hint(n, known));
      }
      out.add(all.get(known.indexOf(n)));
    }
    return out;
  }
}
