package dev.spotlight.cli.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that choose what to compute: period, engine, metrics and dimensions. */
public final class QueryOptions {

  @Option(names = "--period", paramLabel = "P", defaultValue = "last-month",
      description = "2026-10, 2026-Q3, 2026, 2026-04-01..2026-09-30, last-month (default) or last-quarter.")
  String period;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", description = "duckdb (default) or spark.")
  String engine;

  @Option(names = "--metric", paramLabel = "ID", description = "A metric to compute (repeatable; default: all).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--by", paramLabel = "DIM", description = "A dimension to split by (repeatable), e.g. grantee, month, deprivation_decile.")
  List<String> by = new ArrayList<>();
}
