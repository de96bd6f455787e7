package dev.spotlight.cli.pipeline;

import dev.spotlight.connectors.canonical.StoreLock;
import dev.spotlight.metrics.MetricRunner;
import dev.spotlight.metrics.engine.Engine;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.result.ResultTable;

/** An open engine over the project's store, holding the store's shared lock while it reads. */
public final class ComputeStage implements AutoCloseable {

  private final StoreLock lock;
  private final Engine engine;
  private final MetricRunner runner;
  private final String engineName;

  private ComputeStage(StoreLock lock, Engine engine, MetricRunner runner, String engineName) {
    this.lock = lock;
    this.engine = engine;
    this.runner = runner;
    this.engineName = engineName;
  }

  public static ComputeStage open(ProjectContext context, String engineName) {
    StoreLock lock = StoreLock.acquire(context.project().storeLayout(), false, PullStage.LOCK_WAIT, context.app()::warn);
    try {
      Engine engine = context.openEngine(engineName);
      return new ComputeStage(lock, engine, context.runner(engine), engineName);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  public ResultTable compute(MetricQuery query) {
    return runner.compute(query);
  }

  public MetricRunner runner() {
    return runner;
  }

  public Engine engine() {
    return engine;
  }

  /** The engine's name as results report it (duckdb or spark). */
  public String engineName() {
    return engineName;
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      lock.close();
    }
  }
}
