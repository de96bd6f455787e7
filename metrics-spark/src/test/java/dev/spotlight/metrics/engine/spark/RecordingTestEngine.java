package dev.spotlight.metrics.engine.spark;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.sql.CompiledQuery;
import dev.spotlight.metrics.sql.SqlDialect;
import dev.spotlight.metrics.testing.TestEngine;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A test engine that keeps every table its engine returns, so two engines' raw numbers can be compared. */
final class RecordingTestEngine implements TestEngine {

  private final TestEngine inner;
  final List<AtomTable> tables = new ArrayList<>();

  RecordingTestEngine(TestEngine inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public Engine open(StoreLayout store, Path areasFile, ZoneId timezone) {
    Engine engine = inner.open(store, areasFile, timezone);
    return new Engine() {
      @Override
      public SqlDialect dialect() {
        return engine.dialect();
      }

      @Override
      public boolean hasAreas() {
        return engine.hasAreas();
      }

      @Override
      public AtomTable run(CompiledQuery query, Period period) {
        AtomTable t = engine.run(query, period);
        tables.add(t);
        return t;
      }

      @Override
      public String version() {
        return engine.version();
      }

      @Override
      public void close() {
        engine.close();
      }
    };
  }
}
