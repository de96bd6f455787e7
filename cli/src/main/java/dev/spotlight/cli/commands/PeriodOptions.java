package dev.spotlight.cli.commands;

import picocli.CommandLine.Option;

/** The period to report on and the engine to compute with, shared by compute, report, run and explain. */
public final class PeriodOptions {

  @Option(names = "--period", paramLabel = "P", defaultValue = "last-month",
      description = "2026-10, 2026-Q3, 2026, 2026-04-01..2026-09-30, last-month (default) or last-quarter.")
  String period;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", description = "duckdb (default) or spark.")
  String engine;
}
