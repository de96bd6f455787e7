package dev.spotlight.sparksubmit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit jar as a cluster runs it: on a class path of Spark's own jars (as spark-submit
 * gives it, master from configuration), it must start, find its connectors and POI's providers
 * through merged service files, and compute on Spark the same numbers as on DuckDB.
 */
class SparkSubmitJarTest {

  private static Path jar;

  @TempDir
  static Path dir;

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("spotlight.spark.jar"));
    assertThat(jar).as("the jar mvn package builds").isRegularFile();
  }

  @Test
  void manifestNamesTheMainClassAndWhatSparkNeedsOpened() throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      Manifest m = j.getManifest();
      assertThat(m.getMainAttributes().getValue("Main-Class")).isEqualTo("dev.spotlight.cli.Spotlight");
      assertThat(m.getMainAttributes().getValue("Add-Opens")).contains("java.base/sun.util.calendar", "java.base/sun.nio.ch");
    }
  }

  @Test
  void bundlesTheApplicationButNotSparkScalaOrLogging() throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getEntry("dev/spotlight/metrics/engine/spark/SparkEngine.class")).isNotNull();
      assertThat(j.getEntry("org/duckdb/DuckDBDriver.class")).isNotNull();
      assertThat(j.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/") || n.startsWith("org/apache/logging/log4j/core/"));
    }
  }

  @Test
  void serviceFilesAreMergedNotOverwritten() throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(service(j, "org.apache.poi.ss.usermodel.WorkbookProvider"))
          .contains("org.apache.poi.hssf.usermodel.HSSFWorkbookFactory", "org.apache.poi.xssf.usermodel.XSSFWorkbookFactory");
      assertThat(service(j, "dev.spotlight.connectors.Connector")).hasSizeGreaterThan(3);
    }
  }

  private static List<String> service(JarFile j, String name) throws IOException {
    var entry = j.getEntry("META-INF/services/" + name);
    assertThat(entry).as(name).isNotNull();
    try (InputStream in = j.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

  @Test
  void computesTheSameNumbersOnSparkAsOnDuckDbFromSparksClassPath() throws Exception {
    Path project = dir.resolve("project");
    run(List.of(), "sample", "--out", project.toString(), "--events", "600", "--seed", "7", "-q");
    run(List.of(), "pull", "--project", project.resolve("spotlight.yaml").toString(), "-q");
    String[] compute = {"compute", "--project", project.resolve("spotlight.yaml").toString(), "--period", "2026", "--by", "grantee",
        "--metric", "participants", "--metric", "median_value_shared", "--metric", "repair_success_rate", "--format", "json"};
    JsonNode duck = new ObjectMapper().readTree(run(List.of(), concat(compute, "--engine", "duckdb")));
    // as spark-submit passes it: the master comes from configuration, never from the application
    JsonNode spark = new ObjectMapper().readTree(run(List.of("-Dspark.master=local[1]"), concat(compute, "--engine", "spark")));
    assertThat(spark.get("engine").asText()).isEqualTo("spark");
    assertThat(duck.get("results").size()).isGreaterThan(0);
    assertThat(spark.get("results").size()).isEqualTo(duck.get("results").size());
    for (int i = 0; i < duck.get("results").size(); i++) {
      JsonNode d = duck.get("results").get(i);
      JsonNode s = spark.get("results").get(i);
      assertThat(s.get("metric")).isEqualTo(d.get("metric"));
      assertThat(s.get("status")).isEqualTo(d.get("status"));
      if (d.get("value").isNumber()) {
        assertThat(s.get("value").asDouble()).as(d.toString()).isCloseTo(d.get("value").asDouble(),
            org.assertj.core.data.Percentage.withPercentage(1e-7));
      } else {
        assertThat(s.get("value")).as(d.toString()).isEqualTo(d.get("value"));
      }
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Runs the jar's main class on Spark's class path; fails unless it exits 0 with nothing on stderr. Returns stdout. */
  private static String run(List<String> jvm, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Collections.addAll(cmd, System.getProperty("spotlight.spark.jvm.options").trim().split("\\s+"));
    cmd.addAll(jvm);
    cmd.add("-Dspark.ui.enabled=false");
    cmd.add("-Dspark.sql.shuffle.partitions=1");
    cmd.add("-cp");
    cmd.add(jar + File.pathSeparator + System.getProperty("spotlight.spark.classpath"));
    cmd.add("dev.spotlight.cli.Spotlight");
    Collections.addAll(cmd, args);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder b = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    b.environment().put("SPOTLIGHT_PSEUDONYM_KEY", "a test key");
    Process p = b.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as("exit code of %s; stderr: %s", Arrays.toString(args), stderr).isZero();
    assertThat(stderr).as("stderr of %s", Arrays.toString(args)).isEmpty();
    return Files.readString(out);
  }
}
