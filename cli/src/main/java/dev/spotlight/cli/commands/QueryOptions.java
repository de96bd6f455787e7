package dev.spotlight.cli.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that choose what to compute: period, engine, metrics and dimensions. */
public final class QueryOptions {

  @picocli.CommandLine.Mixin PeriodOptions when;

  @Option(names = "--metric", paramLabel = "ID", description = "A metric to compute (repeatable; default: all).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--by", paramLabel = "DIM", description = "A dimension to split by (repeatable), e.g. grantee, month, deprivation_decile.")
  List<String> by = new ArrayList<>();
}
