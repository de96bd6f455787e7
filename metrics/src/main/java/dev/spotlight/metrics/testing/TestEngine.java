package dev.spotlight.metrics.testing;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.engine.duckdb.DuckDbEngine;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** An engine metric tests run on; each test runs once per engine, and output names the engine. */
public interface TestEngine {

  /** The name shown in test output, e.g. {@code duckdb}. */
  String name();

  /** Opens the engine over a test store, with the test's areas file (null when it has none). */
  Engine open(StoreLayout store, Path areasFile, ZoneId timezone);

  TestEngine DUCKDB = new TestEngine() {
    @Override
    public String name() {
      return "duckdb";
    }

    @Override
    public Engine open(StoreLayout store, Path areasFile, ZoneId timezone) {
      return new DuckDbEngine(store, areasFile, timezone);
    }
  };

  /**
   * The engines of this module (DuckDB). The Spark engine lives in the metrics-spark module, so
   * that Spark stays off this module's class path; the CLI adds it (SPEC §2 runs tests on both).
   */
  static List<TestEngine> available() {
    return List.of(DUCKDB);
  }
}
