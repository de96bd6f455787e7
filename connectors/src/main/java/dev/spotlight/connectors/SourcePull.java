package dev.spotlight.connectors;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.connectors.canonical.DuckDbSessions;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import dev.spotlight.connectors.canonical.StoreWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.UUID;

/** Pulls one source into the store: a fresh DuckDB session, the connector, then the store writer. */
public final class SourcePull {

  private final StoreLayout store;
  private final Pseudonymiser pseudonymiser;
  private final ZoneId timezone;
  private final String currency;
  private final Grantees grantees;

  public SourcePull(StoreLayout store, Pseudonymiser pseudonymiser, ZoneId timezone, String currency, Grantees grantees) {
    this.store = store;
    this.pseudonymiser = pseudonymiser;
    this.timezone = timezone;
    this.currency = currency;
    this.grantees = grantees;
  }

  /** A pull for a project without {@code grantees:}. */
  public SourcePull(StoreLayout store, Pseudonymiser pseudonymiser, ZoneId timezone, String currency) {
    this(store, pseudonymiser, timezone, currency, Grantees.NONE);
  }

  /** What one source's pull read and wrote. */
  public record Outcome(PullResult result, StoreWriter.Written written) {}

  public Outcome run(Connector connector, SourceSpec source, PullProgress progress) {
    Path scratch = store.scratchDir().resolve("session-" + UUID.randomUUID());
    try (Connection c = DuckDbSessions.open(timezone, scratch)) {
      PullResult result = connector.pull(source, new PullContext(c, timezone, currency, scratch, progress, grantees));
      StoreWriter.Written written = new StoreWriter(store, pseudonymiser).replaceSource(c, source.name(), source.outcomes());
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
