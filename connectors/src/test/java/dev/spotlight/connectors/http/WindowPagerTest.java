package dev.spotlight.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPagerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final TimeWindow OCTOBER = new TimeWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));

  @TempDir Path dir;
  private LoopbackServer server;
  private final List<Instant> records = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    // 10 records on 1 October (a busy day), one a day from the 10th to the 19th
    for (int h = 0; h < 10; h++) {
      records.add(Instant.parse("2026-10-01T00:00:00Z").plusSeconds(3600L * h + 60));
    }
    for (int d = 10; d < 20; d++) {
      records.add(Instant.parse("2026-10-" + d + "T12:00:00Z"));
    }
    server.otherwise(this::answer);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The records in [from, to), as a JSON array of their times. */
  private LoopbackServer.Answer answer(URI uri) {
    Map<String, String> q = new HashMap<>();
    for (String kv : uri.getQuery().split("&")) {
      q.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    Instant from = Instant.parse(q.get("from"));
    Instant to = Instant.parse(q.get("to"));
    List<String> items = records.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).limit(4).map(t -> "\"" + t + "\"").toList();
    return LoopbackServer.json("[" + String.join(",", items) + "]");
  }

  private WindowPager pager(Checkpoint checkpoint, LoopbackServer.RecordingSleeper sleeper) {
    LiveHttp http = new LiveHttp(LoopbackServer.policy(sleeper, NOW), Redaction.none(), "source 'test'");
    return new WindowPager(http, checkpoint, Map.of(), JsonNode::size, 4, Duration.ofMinutes(1), j -> j);
  }

  private URI uri(TimeWindow w) {
    return server.uri("/r?from=" + w.from() + "&to=" + w.to());
  }

  private static List<String> times(List<WindowPager.Page> pages) {
    List<String> out = new ArrayList<>();
    pages.forEach(p -> p.json().forEach(n -> out.add(n.asText())));
    return out;
  }

  @Test
  void splitsFullWindowsUntilNothingIsLost() {
    Checkpoint cp = Checkpoint.open(dir.resolve("cp"), "f1", java.time.Clock.systemUTC(), Duration.ofDays(7));
    List<WindowPager.Page> pages = pager(cp, new LoopbackServer.RecordingSleeper()).fetch("requests", OCTOBER, this::uri, p -> {});
    assertThat(times(pages)).hasSize(20).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(records.stream().map(Instant::toString).toList());
    assertThat(pages).allSatisfy(p -> assertThat(p.records()).isLessThan(4));
    // windows are asked in time order and cover October without gaps
    for (int i = 1; i < pages.size(); i++) {
      assertThat(pages.get(i).window().from()).isEqualTo(pages.get(i - 1).window().to());
    }
    assertThat(pages.get(0).window().from()).isEqualTo(OCTOBER.from());
    assertThat(pages.get(pages.size() - 1).window().to()).isEqualTo(OCTOBER.to());
  }

  @Test
  void aWindowTooShortToSplitIsAnError() {
    for (int i = 0; i < 5; i++) {
      records.add(Instant.parse("2026-10-25T08:00:00Z"));
    }
    Checkpoint cp = Checkpoint.open(dir.resolve("cp"), "f1", java.time.Clock.systemUTC(), Duration.ofDays(7));
    TimeWindow day = new TimeWindow(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"));
    assertThatThrownBy(() -> pager(cp, new LoopbackServer.RecordingSleeper()).fetch("requests", day, this::uri, p -> {}))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DATA))
        .hasMessageContaining("the page maximum");
  }

  @Test
  void anInterruptedFetchResumesFromTheCheckpoint() {
    AtomicInteger served = new AtomicInteger();
    server.otherwise(uri -> served.incrementAndGet() <= 12 ? answer(uri) : LoopbackServer.status(503, "down"));
    Checkpoint first = Checkpoint.open(dir.resolve("cp"), "f1", java.time.Clock.systemUTC(), Duration.ofDays(7));
    List<WindowPager.Page> before = new ArrayList<>();
    assertThatThrownBy(() -> pager(first, new LoopbackServer.RecordingSleeper()).fetch("requests", OCTOBER, this::uri, before::add))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE));
    assertThat(before).isNotEmpty().noneMatch(WindowPager.Page::resumed);
    int asked = server.requests().size();

    server.otherwise(this::answer);
    Checkpoint second = Checkpoint.open(dir.resolve("cp"), "f1", java.time.Clock.systemUTC(), Duration.ofDays(7));
    assertThat(second.resumedPages()).isEqualTo(before.size());
    List<WindowPager.Page> pages = pager(second, new LoopbackServer.RecordingSleeper()).fetch("requests", OCTOBER, this::uri, p -> {});
    assertThat(times(pages)).hasSize(20).doesNotHaveDuplicates();
    assertThat(pages.stream().filter(WindowPager.Page::resumed).count()).isEqualTo(before.size());
    // the windows done before are not asked again
    List<URI> again = server.requests().subList(asked, server.requests().size());
    for (WindowPager.Page p : before) {
      assertThat(again).doesNotContain(uri(p.window()));
    }
  }

  @Test
  void aCheckpointWithAnotherFingerprintIsIgnored() {
    Checkpoint first = Checkpoint.open(dir.resolve("cp"), "f1", java.time.Clock.systemUTC(), Duration.ofDays(7));
    pager(first, new LoopbackServer.RecordingSleeper()).fetch("requests", OCTOBER, this::uri, p -> {});
    Checkpoint other = Checkpoint.open(dir.resolve("cp"), "f2", java.time.Clock.systemUTC(), Duration.ofDays(7));
    assertThat(other.resumedPages()).isZero();
    assertThat(dir.resolve("cp")).doesNotExist();
  }
}
