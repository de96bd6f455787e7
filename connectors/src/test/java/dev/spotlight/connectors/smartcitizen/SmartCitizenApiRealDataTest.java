package dev.spotlight.connectors.smartcitizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.PullProgress;
import dev.spotlight.connectors.SourcePull;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import dev.spotlight.connectors.http.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readings API path on real captured answers of api.smartcitizen.me (device 1616 and its noise
 * readings, rollup 4h), replayed by a loopback server from ../shared/realdata (skipped, saying why, when absent).
 */
class SmartCitizenApiRealDataTest {

  @TempDir Path dir;

  private static Path realFile(String name) {
    String p = System.getProperty("spotlight.realdata", "../../shared/realdata");
    Path file = Path.of(p).resolve("smartcitizen").resolve("api-docs-caches").resolve(name);
    assumeTrue(Files.isRegularFile(file), "real data file " + file.toAbsolutePath() + " is absent; these tests need ../shared/realdata");
    return file;
  }

  @Test
  void readsTheCapturedReadingsOfDevice1616() throws Exception {
    String device = Files.readString(realFile("devices1616GET.body.json"), StandardCharsets.UTF_8);
    String body = Files.readString(realFile("devices1616readingssensorid7rollup4hfrom20150728to20150730GET.body.json"), StandardCharsets.UTF_8);
    // by hand: every ["time", value] pair of the captured body
    Matcher m = Pattern.compile("\\[\\s*\"([^\"]+)\",\\s*([-0-9.eE]+)\\s*\\]").matcher(body);
    List<String> expected = new ArrayList<>();
    double sum = 0;
    while (m.find()) {
      expected.add("1616/" + m.group(1) + "/7");
      sum += Double.parseDouble(m.group(2));
    }
    assertThat(expected).hasSize(9);
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(uri -> uri.getPath().equals("/v0/devices/1616") ? LoopbackServer.json(device)
          : uri.getPath().equals("/v0/devices/1616/readings") ? LoopbackServer.json(body) : LoopbackServer.status(404, "{}"));
      ConnectorFixture f = new ConnectorFixture(dir, new SmartCitizenConnector());
      // the pull covers July 2015 whole; window_days: 31 asks for it once, as the captured answer was one request
      SourcePull.Live live = new SourcePull.Live(LocalDate.of(2015, 7, 28), LocalDate.of(2015, 7, 29), Map.of(),
          LoopbackServer.policy(new LoopbackServer.RecordingSleeper(), Instant.parse("2026-11-26T10:00:00Z")));
      SourcePull.Outcome out = new SourcePull(f.store, new Pseudonymiser(ConnectorFixture.KEY), java.time.ZoneId.of("UTC"), "GBP", live)
          .run(new SmartCitizenConnector(), f.source("bali", "g", "url: " + server.base() + "\ndevices: [1616]\nsensors: [7]\nrollup: 4h\nwindow_days: 31\n"),
              PullProgress.NONE);
      assertThat(f.query("SELECT event_id FROM activity WHERE event_type = 'reading.recorded' ORDER BY event_id"))
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(Double.parseDouble(f.query("SELECT sum(quantity) FROM activity WHERE event_type = 'reading.recorded'").get(0)))
          .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(f.query("SELECT DISTINCT attributes['unit'] || ' ' || attributes['sensor_name'] FROM activity WHERE event_type = 'reading.recorded'"))
          .containsExactly("dB POM-3044P-R");
      // 28 July from 14:14 UTC, 29 July all day
      assertThat(f.query("SELECT event_id, quantity FROM activity WHERE event_type = 'device.active' ORDER BY event_id"))
          .containsExactly("1616/2015-07-28|3.0", "1616/2015-07-29|6.0");
      assertThat(out.result().recordsRead()).isEqualTo(9);
      // the device's owner, name and location never reach the checkpoint or the store
      assertThat(f.query("SELECT count(*) FROM activity WHERE origin LIKE '%JesusZabala%'")).containsExactly("0");
    }
  }
}
