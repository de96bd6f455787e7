package dev.spotlight.connectors;

import dev.spotlight.connectors.http.HttpPolicy;
import dev.spotlight.connectors.http.LiveContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;

/**
 * What a connector may use while pulling: a DuckDB connection whose session time zone is the
 * project's, the project's currency, a scratch folder for staged files, and what live connectors
 * need (period, environment, checkpoint folder, HTTP policy).
 */
public record PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress, LiveContext live) {

  /** A context for file connectors: no period, the process environment, a checkpoint in scratch. */
  public PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress) {
    this(connection, timezone, currency, scratchDir, progress,
        new LiveContext(null, null, System.getenv(), scratchDir.resolve("checkpoint"), HttpPolicy.defaults()));
  }
}
