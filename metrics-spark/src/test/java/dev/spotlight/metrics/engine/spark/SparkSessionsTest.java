package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** What Spotlight configures when Spark is not configured, and that it never overrides what is. */
class SparkSessionsTest {

  private static final Path SCRATCH = Path.of("/data/project/.spotlight/store/.scratch");

  @Test
  void withNothingConfiguredItRunsLocallyOnEveryCoreQuietlyWithTemporaryFilesInTheStore() {
    SparkConf conf = SparkSessions.conf(new SparkConf(false), SCRATCH);
    assertThat(conf.get("spark.master")).isEqualTo("local[*]");
    assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
    assertThat(conf.get("spark.sql.sources.partitionColumnTypeInference.enabled")).isEqualTo("false");
    assertThat(conf.get("spark.local.dir")).isEqualTo(SCRATCH.resolve("spark-local").toString());
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo(Integer.toString(2 * Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void underSparkSubmitTheConfiguredMasterAndDirectoriesStand() {
    SparkConf submitted = new SparkConf(false).set("spark.master", "yarn").set("spark.ui.enabled", "true");
    SparkConf conf = SparkSessions.conf(submitted, SCRATCH);
    assertThat(conf.get("spark.master")).isEqualTo("yarn");
    assertThat(conf.get("spark.ui.enabled")).isEqualTo("true");
    // a cluster's shuffle partitions and local directories are the cluster's business
    assertThat(conf.contains("spark.sql.shuffle.partitions")).isFalse();
    assertThat(conf.contains("spark.local.dir")).isFalse();
    assertThat(submitted.contains("spark.app.name")).as("the given configuration is not changed").isFalse();
  }

  @Test
  void aConfiguredLocalMasterKeepsItsSettings() {
    SparkConf conf = SparkSessions.conf(new SparkConf(false).set("spark.master", "local[2]").set("spark.sql.shuffle.partitions", "1"), SCRATCH);
    assertThat(conf.get("spark.master")).isEqualTo("local[2]");
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("1");
  }
}
