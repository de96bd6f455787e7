package dev.spotlight.metrics.engine;

import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.SqlDialect;

/** Runs compiled metric queries over the canonical store. */
public interface Engine extends AutoCloseable {

  /** The dialect queries for this engine are rendered in. */
  SqlDialect dialect();

  /** Whether an areas reference table is loaded (area dimensions need it). */
  boolean hasAreas();

  /** Runs {@code query} for {@code period} (the store is narrowed to the months it touches). */
  AtomTable run(CompiledQuery query, Period period);

  /** A short description for the manifest, e.g. "duckdb 2.0.0". */
  String version();

  @Override
  void close();
}
