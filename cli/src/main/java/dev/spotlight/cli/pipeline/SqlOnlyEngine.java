package dev.spotlight.cli.pipeline;

import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.SqlDialect;

/** An engine that only renders SQL in its dialect (for {@code metrics explain}); it runs nothing. */
public final class SqlOnlyEngine implements Engine {

  private final SqlDialect dialect;
  private final boolean hasAreas;

  public SqlOnlyEngine(SqlDialect dialect, boolean hasAreas) {
    this.dialect = dialect;
    this.hasAreas = hasAreas;
  }

  @Override
  public SqlDialect dialect() {
    return dialect;
  }

  @Override
  public boolean hasAreas() {
    return hasAreas;
  }

  @Override
  public AtomTable run(CompiledQuery query, Period period) {
    throw new IllegalStateException("this engine only renders SQL for " + dialect.name());
  }

  @Override
  public String version() {
    return dialect.name();
  }

  @Override
  public void close() {}
}
