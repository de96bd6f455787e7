package dev.spotlight.connectors;

import dev.spotlight.connectors.http.HttpPolicy;
import dev.spotlight.connectors.http.LiveContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;

/**
 * What a connector may use while pulling: a DuckDB connection whose session time zone is the
 * project's, the project's currency, a scratch folder for staged files, what live connectors need
 * (period, environment, checkpoint folder, HTTP policy) and the project's grantees (which
 * organisation ids mean which grantee).
 */
public record PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress, LiveContext live,
    Grantees grantees) {

  public PullContext {
    grantees = grantees == null ? Grantees.NONE : grantees;
  }

  /** A context for live connectors of a project without {@code grantees:}. */
  public PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress, LiveContext live) {
    this(connection, timezone, currency, scratchDir, progress, live, Grantees.NONE);
  }

  /** A context for file connectors: no period, the process environment, a checkpoint in scratch. */
  public PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress, Grantees grantees) {
    this(connection, timezone, currency, scratchDir, progress,
        new LiveContext(null, null, System.getenv(), scratchDir.resolve("checkpoint"), HttpPolicy.defaults()), grantees);
  }

  /** A context for file connectors of a project without {@code grantees:}. */
  public PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress) {
    this(connection, timezone, currency, scratchDir, progress, Grantees.NONE);
  }
}
