package dev.spotlight.metrics.engine.spark;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the process, started on first use. Settings given by {@code
 * spark-submit} or {@code -Dspark.*} properties always win; only what is unset gets a default: the
 * master is {@code local[*]} (never set when submitted, which always configures one), the UI is off,
 * local runs use few shuffle partitions, temporary files go under the store's scratch folder, and
 * partition folder values stay text.
 */
final class SparkSessions {

  private static SparkSession shared;

  private SparkSessions() {}

  /** The process's session; {@code scratch} is where local temporary files go when nothing else is configured. */
  static synchronized SparkSession shared(Path scratch) {
    if (shared == null) {
      shared = SparkSession.builder().config(conf(new SparkConf(), scratch)).getOrCreate();
    }
    return shared;
  }

  /** {@code base} (which holds the {@code spark.*} system properties) with defaults for what it leaves unset. */
  static SparkConf conf(SparkConf base, Path scratch) {
    SparkConf conf = base.clone();
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.app.name", "spotlight");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.sql.shuffle.partitions", Integer.toString(2 * Runtime.getRuntime().availableProcessors()));
      conf.setIfMissing("spark.local.dir", scratch.resolve("spark-local").toAbsolutePath().toString());
      conf.setIfMissing("spark.sql.warehouse.dir", scratch.resolve("spark-warehouse").toAbsolutePath().toUri().toString());
    }
    return conf;
  }
}
