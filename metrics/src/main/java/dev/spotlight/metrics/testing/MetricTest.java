package dev.spotlight.metrics.testing;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.metrics.model.MetricQuery;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a metric file's {@code tests:} list (SPEC §2): a folder of canonical tables as CSV,
 * a query and the wide rows it should give.
 *
 * @param file the metric file as shown in output and errors
 * @param data the data folder, resolved against the metric file's folder
 */
public record MetricTest(String file, String name, Location at, Path data, MetricQuery query, List<Location> metricsAt,
    Location queryAt, List<ExpectedRow> expect) {

  public MetricTest {
    metricsAt = List.copyOf(metricsAt);
    expect = List.copyOf(expect);
  }

  /** Whether the test's query computes {@code metric}. */
  public boolean mentions(String metric) {
    return query.metrics().contains(metric);
  }

  /** One expected row: dimension values and one value per metric, as written (null scalars included). */
  public record ExpectedRow(Location at, Map<String, YamlScalar> fields, Map<String, Location> keysAt) {

    public ExpectedRow {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      keysAt = Collections.unmodifiableMap(new LinkedHashMap<>(keysAt));
    }
  }
}
