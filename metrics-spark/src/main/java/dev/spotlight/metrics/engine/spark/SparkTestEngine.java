package dev.spotlight.metrics.engine.spark;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.testing.TestEngine;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Metric tests on Spark. Test stores are temporary and deleted after each test, so Spark's own
 * temporary files go to a folder that outlives them (the project store's scratch folder).
 */
public final class SparkTestEngine implements TestEngine {

  private final Path scratch;

  public SparkTestEngine(Path scratch) {
    this.scratch = scratch;
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Engine open(StoreLayout store, Path areasFile, ZoneId timezone) {
    return new SparkEngine(store, areasFile, timezone, null, scratch);
  }
}
