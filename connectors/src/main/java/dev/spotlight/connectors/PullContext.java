package dev.spotlight.connectors;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;

/**
 * What a connector may use while pulling: a DuckDB connection whose session time zone is the
 * project's, the project's currency, and a scratch folder for staged files.
 */
public record PullContext(Connection connection, ZoneId timezone, String currency, Path scratchDir, PullProgress progress) {}
