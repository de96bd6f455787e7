package dev.spotlight.metrics.testing;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlNode;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.common.yaml.YamlSeq;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.plan.QueryPlanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code tests:} list of a metric file (SPEC §2) and checks it against the loaded metrics.
 * Every problem is a definition error (exit 3) at file:line:col.
 */
public final class MetricTestLoader {

  static final List<String> TEST_KEYS = List.of("name", "data", "query", "expect");
  static final List<String> QUERY_KEYS = List.of("metrics", "by", "period");

  /** The CSV files a data folder may hold, with the table each is loaded into (areas is the reference file). */
  static final Map<String, List<String>> DATA_FILES = Map.of(
      "activity.csv", CanonicalTable.ACTIVITY.columnNames(),
      "costs.csv", CanonicalTable.COSTS.columnNames(),
      "areas.csv", List.of("area_code", "name", "local_authority", "population", "deprivation_decile"));

  private MetricTestLoader() {}

  /** The tests of the metric file {@code file}, shown as {@code shown}; data folders are relative to the file's folder. */
  public static List<MetricTest> load(Path file, String shown, Problems problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SpotlightException.definition(new Location(shown, 0, 0), "cannot read metric file: " + e.getMessage(), null);
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(shown, text, dir, problems);
  }

  /**
   * The tests of the built-in catalogue {@code name}, shown as {@code catalog:NAME}. Their data
   * folders are copied from the catalogue's resources into {@code scratch} (which the caller deletes).
   */
  public static List<MetricTest> loadCatalog(String name, Path scratch, Problems problems) {
    String base = "/dev/spotlight/metrics/catalog/";
    String shown = "catalog:" + name;
    String text;
    try (java.io.InputStream in = MetricTestLoader.class.getResourceAsStream(base + name + ".yaml")) {
      if (in == null || !name.matches("[a-z0-9-]+")) {
        return List.of();
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      YamlMap top = YamlMap.asMap(YamlReader.parse(shown, text), "a metric file");
      for (YamlNode item : top.optSeq("tests").map(YamlSeq::items).orElse(List.of())) {
        YamlNode data = item instanceof YamlMap t ? t.get("data").orElse(null) : null;
        if (data instanceof YamlScalar folder && folder.text().matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
          Path target = scratch.resolve(folder.text());
          Files.createDirectories(target);
          for (String csv : DATA_FILES.keySet()) {
            try (java.io.InputStream file = MetricTestLoader.class.getResourceAsStream(base + folder.text() + "/" + csv)) {
              if (file != null && !Files.exists(target.resolve(csv))) {
                Files.copy(file, target.resolve(csv));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(shown, text, scratch, problems);
  }

  static List<MetricTest> parse(String shown, String text, Path dir, Problems problems) {
    List<MetricTest> out = new ArrayList<>();
    try {
      YamlMap top = YamlMap.asMap(YamlReader.parse(shown, text), "a metric file");
      YamlNode tests = top.get("tests").orElse(null);
      if (tests == null) {
        return out;
      }
      for (YamlNode item : YamlMap.asSeq(tests, "tests").items()) {
        try {
          out.add(test(shown, YamlMap.asMap(item, "a test"), dir));
        } catch (SpotlightException e) {
          problems.addAll(e);
        }
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    return out;
  }

  private static MetricTest test(String shown, YamlMap t, Path dir) {
    t.checkKeys(TEST_KEYS, "a test");
    String name = t.requireString("name", "a test");
    YamlScalar data = YamlMap.asScalar(t.require("data", "test '" + name + "'"), "data");
    Path folder = dir.resolve(data.text()).normalize();
    if (!Files.isDirectory(folder)) {
      throw SpotlightException.definition(data.location(), "data folder '" + data.text() + "' does not exist",
          "data: is a folder of activity.csv, costs.csv and areas.csv, relative to the metric file's folder");
    }
    checkDataFolder(folder, data);
    YamlMap q = YamlMap.asMap(t.require("query", "test '" + name + "'"), "query");
    q.checkKeys(QUERY_KEYS, "a test query");
    List<YamlScalar> metrics = q.stringList("metrics");
    if (metrics.isEmpty()) {
      throw SpotlightException.definition(q.location(), "test '" + name + "' query needs 'metrics:'", "a list of metric ids, e.g. metrics: [participants]");
    }
    List<String> by = q.stringList("by").stream().map(YamlScalar::text).toList();
    YamlScalar periodText = YamlMap.asScalar(q.require("period", "test '" + name + "' query"), "period");
    Period period = period(periodText);
    YamlSeq expect = YamlMap.asSeq(t.require("expect", "test '" + name + "'"), "expect");
    List<MetricTest.ExpectedRow> rows = new ArrayList<>();
    for (YamlNode r : expect.items()) {
      YamlMap row = YamlMap.asMap(r, "an expected row");
      Map<String, YamlScalar> fields = new LinkedHashMap<>();
      Map<String, Location> keysAt = new LinkedHashMap<>();
      for (var e : row.entries().entrySet()) {
        fields.put(e.getKey(), YamlMap.asScalar(e.getValue(), e.getKey()));
        keysAt.put(e.getKey(), row.keyLocation(e.getKey()));
      }
      rows.add(new MetricTest.ExpectedRow(row.location(), fields, keysAt));
    }
    MetricQuery query = new MetricQuery(metrics.stream().map(YamlScalar::text).toList(), by, period);
    return new MetricTest(shown, name, t.keyLocation("name"), folder, query, metrics.stream().map(YamlScalar::location).toList(),
        t.keyLocation("query"), rows);
  }

  private static Period period(YamlScalar s) {
    String text = s.text();
    if (text.equals("last-month") || text.equals("last-quarter")) {
      throw SpotlightException.definition(s.location(), "a test needs a fixed period, not '" + text + "'",
          "use 2026-10, 2026-Q3, 2026 or 2026-04-01..2026-09-30");
    }
    try {
      return Periods.parse(text, LocalDate.of(2000, 1, 1));
    } catch (SpotlightException e) {
      throw SpotlightException.definition(s.location(), e.problems().get(0).message(), e.problems().get(0).hint());
    }
  }

  /** Each CSV of the data folder must be one a test can load, with canonical column names in its header. */
  private static void checkDataFolder(Path folder, YamlScalar data) {
    List<String> csvs;
    try (var list = Files.list(folder)) {
      csvs = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String csv : csvs) {
      List<String> columns = DATA_FILES.get(csv);
      if (columns == null) {
        throw SpotlightException.definition(data.location(), "data folder '" + data.text() + "' holds " + csv
            + ", which is not a test table", "use activity.csv, costs.csv and areas.csv");
      }
      String header;
      try (var lines = Files.lines(folder.resolve(csv), StandardCharsets.UTF_8)) {
        header = lines.findFirst().orElse("");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String file = data.text().replaceAll("/+$", "") + "/" + csv;
      for (String col : header.split(",", -1)) {
        String c = col.strip().replace("\"", "");
        if (!columns.contains(c)) {
          throw SpotlightException.definition(data.location(), file + " has unknown column '" + c + "'", DidYouMean.hint(c, columns));
        }
      }
    }
  }

  /** Checks tests against the loaded metrics: metrics exist, the query plans, expected rows name its dimensions and metrics. */
  public static void check(List<MetricTest> tests, MetricCatalog catalog, Problems problems) {
    for (MetricTest t : tests) {
      boolean known = true;
      for (int i = 0; i < t.query().metrics().size(); i++) {
        String id = t.query().metrics().get(i);
        if (!catalog.contains(id)) {
          problems.add(t.metricsAt().get(i), "unknown metric '" + id + "'", DidYouMean.hint(id, catalog.ids()));
          known = false;
        }
      }
      if (!known) {
        continue;
      }
      try {
        new QueryPlanner(catalog).plan(t.query());
      } catch (SpotlightException e) {
        for (var p : e.problems()) {
          problems.add(p.location().file() == null ? t.queryAt() : p.location(), p.message(), p.hint());
        }
        continue;
      }
      Set<String> allowed = new LinkedHashSet<>(t.query().dimensions());
      allowed.addAll(t.query().metrics());
      for (MetricTest.ExpectedRow row : t.expect()) {
        for (var e : row.fields().entrySet()) {
          String key = e.getKey();
          if (!allowed.contains(key)) {
            problems.add(row.keysAt().get(key), "unknown field '" + key + "' in an expected row of test '" + t.name() + "'",
                DidYouMean.hint(key, allowed));
          } else if (t.query().metrics().contains(key)) {
            YamlScalar v = e.getValue();
            if (v.kind() != YamlScalar.Kind.INTEGER && v.kind() != YamlScalar.Kind.FLOAT && !v.isNull()) {
              problems.add(v.location(), "expected value of '" + key + "' must be a number or null, not " + v.shape() + " '" + v.text() + "'",
                  "write null for a suppressed or undefined value");
            }
          }
        }
        for (String need : allowed) {
          if (!row.fields().containsKey(need)) {
            problems.add(row.at(), "an expected row of test '" + t.name() + "' lacks '" + need + "'",
                "expected rows give every dimension of by: and every metric of the query (null when suppressed or undefined)");
          }
        }
      }
    }
  }
}
