package dev.spotlight.connectors;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;

/**
 * What a connector may use while pulling: a DuckDB connection whose session time zone is the
 * project's, the project's currency, a scratch folder for staged files, and the project's grantees
 * (which organisation ids mean which grantee).
 */
public record PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress, Grantees grantees) {

  public PullContext {
    grantees = grantees == null ? Grantees.NONE : grantees;
  }

  /** A context for a project without {@code grantees:}. */
  public PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress) {
    this(connection, timezone, currency, scratchDir, progress, Grantees.NONE);
  }
}
