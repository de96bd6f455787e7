package dev.spotlight.connectors;

import dev.spotlight.common.error.Problems;
import java.util.List;

/**
 * Reads one platform format into the canonical staging tables. Found by {@link java.util.ServiceLoader}.
 *
 * <p>A connector fills temporary DuckDB tables (or defines views) {@code staged_activity} and/or {@code staged_costs}
 * with the canonical columns (see {@link dev.spotlight.connectors.canonical.StagingTables}); raw person
 * identifiers go into {@code participant}/{@code counterpart} and are pseudonymised by the store
 * writer before anything reaches disk.
 */
public interface Connector {

  /** The id used in {@code connector:}. */
  String id();

  /** One line for {@code spotlight sources list}. */
  String description();

  /** The options this connector accepts, for docs and {@code sources list}. */
  List<ConnectorOption> options();

  /**
   * The options that name an environment variable holding a secret (e.g. {@code api_key_env}); {@code validate}
   * checks that each one a source gives is set.
   */
  default List<String> secretOptions() {
    return List.of();
  }

  /** Checks a source's options without reading any data (used by {@code validate}). */
  void validate(SourceSpec source, Problems problems);

  /** Reads the source into the staging tables of {@code context.connection()}. */
  PullResult pull(SourceSpec source, PullContext context);
}
