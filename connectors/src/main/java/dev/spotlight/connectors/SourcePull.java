package dev.spotlight.connectors;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.connectors.canonical.DuckDbSessions;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import dev.spotlight.connectors.canonical.StoreWriter;
import dev.spotlight.connectors.http.Checkpoint;
import dev.spotlight.connectors.http.HttpPolicy;
import dev.spotlight.connectors.http.LiveContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** Pulls one source into the store: a fresh DuckDB session, the connector, then the store writer. */
public final class SourcePull {

  private final StoreLayout store;
  private final Pseudonymiser pseudonymiser;
  private final ZoneId timezone;
  private final String currency;
  private final Grantees grantees;
  private final Live live;

  /** What live sources are asked for: the period (null ends when none), the environment and the HTTP policy. */
  public record Live(LocalDate periodStart, LocalDate periodEnd, Map<String, String> env, HttpPolicy http) {

    public static Live defaults() {
      return new Live(null, null, System.getenv(), HttpPolicy.defaults());
    }
  }

  /** A pull for a project without {@code grantees:} and no live period. */
  public SourcePull(StoreLayout store, Pseudonymiser pseudonymiser, ZoneId timezone, String currency) {
    this(store, pseudonymiser, timezone, currency, Live.defaults(), Grantees.NONE);
  }

  public SourcePull(StoreLayout store, Pseudonymiser pseudonymiser, ZoneId timezone, String currency, Grantees grantees) {
    this(store, pseudonymiser, timezone, currency, Live.defaults(), grantees);
  }

  public SourcePull(StoreLayout store, Pseudonymiser pseudonymiser, ZoneId timezone, String currency, Live live) {
    this(store, pseudonymiser, timezone, currency, live, Grantees.NONE);
  }

  public SourcePull(StoreLayout store, Pseudonymiser pseudonymiser, ZoneId timezone, String currency, Live live, Grantees grantees) {
    this.store = store;
    this.pseudonymiser = pseudonymiser;
    this.timezone = timezone;
    this.currency = currency;
    this.grantees = grantees;
    this.live = live;
  }

  /** Where a live source's checkpoint lives: {@code STORE/.checkpoints/SOURCE/}. */
  public static Path checkpointDir(StoreLayout store, String source) {
    return store.root().resolve(".checkpoints").resolve(source);
  }

  /** What one source's pull read and wrote. */
  public record Outcome(PullResult result, StoreWriter.Written written) {}

  public Outcome run(Connector connector, SourceSpec source, PullProgress progress) {
    Path scratch = store.scratchDir().resolve("session-" + UUID.randomUUID());
    Path checkpoint = checkpointDir(store, source.name());
    LiveContext liveContext = new LiveContext(live.periodStart(), live.periodEnd(), live.env(), checkpoint, live.http());
    try (Connection c = DuckDbSessions.open(timezone, scratch)) {
      PullResult result = connector.pull(source, new PullContext(c, timezone, currency, scratch, progress, liveContext, grantees));
      StoreWriter.Written written = new StoreWriter(store, pseudonymiser).replaceSource(c, source.name(), source.outcomes(), result.live());
      // the pull is complete: an interrupted one can no longer be resumed
      Checkpoint.delete(checkpoint);
      return new Outcome(result, written);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB session failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = java.nio.file.Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
      // scratch is cleared again by the next exclusive lock
    }
  }
}
