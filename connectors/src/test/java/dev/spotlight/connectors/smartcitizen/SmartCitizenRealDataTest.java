package dev.spotlight.connectors.smartcitizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.SourcePull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smartcitizen connector on real public files from ../shared/realdata (skipped, saying why, when absent). */
class SmartCitizenRealDataTest {

  @TempDir Path dir;

  private static Path realFile(String name) {
    String p = System.getProperty("spotlight.realdata", "../../shared/realdata");
    Path file = Path.of(p).resolve("smartcitizen").resolve(name);
    assumeTrue(Files.isRegularFile(file), "real data file " + file.toAbsolutePath() + " is absent; these tests need ../shared/realdata");
    return file;
  }

  /** What plain Java finds in an SD-card file: numeric values per sensor key, empty-ish values, data rows and local days. */
  record Expected(Map<String, Long> readingsBySensor, long nulls, long rows, TreeSet<LocalDate> days, Map<String, String> units) {
    long readings() {
      return readingsBySensor.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Expected countByHand(Path file, ZoneId zone) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] keys = lines.get(0).split(",", -1);
    String[] units = lines.get(1).split(",", -1);
    Map<String, Long> bySensor = new TreeMap<>();
    Map<String, String> unitOf = new TreeMap<>();
    for (int i = 1; i < keys.length; i++) {
      unitOf.put(keys[i], units[i]);
    }
    long nulls = 0;
    long rows = 0;
    TreeSet<LocalDate> days = new TreeSet<>();
    for (String line : lines.subList(4, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      rows++;
      String[] cells = line.split(",", -1);
      boolean any = false;
      for (int i = 1; i < cells.length; i++) {
        String v = cells[i].trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("null") || v.equals("none")) {
          nulls++;
        } else {
          Double.parseDouble(v);
          bySensor.merge(keys[i], 1L, Long::sum);
          any = true;
        }
      }
      if (any) {
        days.add(Instant.parse(cells[0]).atZone(zone).toLocalDate());
      }
    }
    return new Expected(bySensor, nulls, rows, days, unitOf);
  }

  private void checkAgainstHandCount(String name, int expectedRows) throws Exception {
    Path real = realFile(name);
    Expected expected = countByHand(real, ZoneId.of("Europe/London"));
    assertThat(expected.rows()).isEqualTo(expectedRows);
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    Path copy = dir.resolve(name);
    Files.copy(real, copy);
    SourcePull.Outcome out = f.pull("sck", "files: " + name);
    String device = name.substring(0, name.lastIndexOf('.'));

    assertThat(out.result().inputs()).singleElement().satisfies(i -> assertThat(i.records()).isEqualTo(expected.rows()));
    assertThat(out.result().recordsRead()).isEqualTo(expected.readings() + expected.nulls());
    assertThat(out.result().filtered()).isEqualTo(expected.nulls());
    assertThat(out.result().skipped()).isEmpty();
    assertThat(out.result().rowsKept()).isEqualTo(expected.readings() + expected.days().size());

    List<String> bySensor = expected.readingsBySensor().entrySet().stream()
        .map(e -> e.getKey() + "|" + expected.units().get(e.getKey()) + "|" + e.getValue()).toList();
    assertThat(f.query("SELECT attributes['sensor'], attributes['unit'], count(*) FROM activity WHERE event_type = 'reading.recorded'"
        + " GROUP BY ALL ORDER BY 1")).containsExactlyElementsOf(bySensor);
    assertThat(f.query("SELECT occurred_on FROM activity WHERE event_type = 'device.active' ORDER BY 1"))
        .containsExactlyElementsOf(expected.days().stream().map(LocalDate::toString).toList());
    assertThat(f.query("SELECT count(DISTINCT event_id), count(*), min(split_part(event_id, '/', 1)) FROM activity"))
        .containsExactly((expected.readings() + expected.days().size()) + "|" + (expected.readings() + expected.days().size()) + "|" + device);
  }

  @Test
  void exampleSdCardExportMatchesAnIndependentCount() throws Exception {
    checkAgainstHandCount("example.csv", 1009);
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    // the first data row: BATT is -1, CCS811 and PM sensors are null
    assertThat(f.query("SELECT attributes['sensor'], quantity, attributes['unit'], attributes['sensor_id'] FROM activity"
        + " WHERE occurred_at = TIMESTAMPTZ '2020-09-02 15:35:19+00' AND attributes['sensor'] IN ('BATT', 'NOISE_A', 'PM_25', 'ADC_48_0') ORDER BY 1"))
        .containsExactly("ADC_48_0|0.204281|V|0", "BATT|-1.0|%|10", "NOISE_A|43.34|dBA|53");
    // 23:59 UTC is past midnight in London (BST), so the file spans two local days
    assertThat(f.query("SELECT occurred_on, quantity FROM activity WHERE event_type = 'device.active' ORDER BY 1"))
        .hasSize(2).first().asString().startsWith("2020-09-02|");
  }

  @Test
  void apiSpecFixtureWithAnAllNullRowMatchesAnIndependentCount() throws Exception {
    checkAgainstHandCount("fake_device_data.csv", 7);
    SmartCitizenFixture f = new SmartCitizenFixture(dir);
    assertThat(f.query("SELECT count(*) FROM activity WHERE occurred_at = TIMESTAMPTZ '2025-01-01 00:06:00+00'")).containsExactly("0");
    assertThat(f.query("SELECT event_id, quantity FROM activity WHERE occurred_at = TIMESTAMPTZ '2025-01-01 00:05:00+00'"))
        .containsExactly("fake_device_data/2025-01-01T00:05:00Z/HUM|50.05");
  }

  @Test
  void referenceTablesAreNotSdCardExportsAndAreRefusedClearly() throws Exception {
    for (String name : List.of("kits.csv", "sensors_without_default_keys.csv")) {
      Path real = realFile(name);
      SmartCitizenFixture f = new SmartCitizenFixture(dir.resolve(name + ".d"));
      Files.createDirectories(f.dir);
      Files.copy(real, f.dir.resolve(name));
      assertThatThrownBy(() -> f.pull("ref", "files: " + name))
          .isInstanceOfSatisfying(SpotlightException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExitKind.DATA);
            assertThat(e.getMessage()).contains(name + ":1:1: the first column is 'id', not TIME");
          });
    }
  }
}
