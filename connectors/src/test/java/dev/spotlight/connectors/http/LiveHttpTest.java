package dev.spotlight.connectors.http;

import static dev.spotlight.connectors.http.LoopbackServer.json;
import static dev.spotlight.connectors.http.LoopbackServer.status;
import static dev.spotlight.connectors.http.LoopbackServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveHttpTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String SECRET = "s3cr3t-key-value";

  private LoopbackServer server;
  private LoopbackServer.RecordingSleeper sleeper;
  private LiveHttp http;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    sleeper = new LoopbackServer.RecordingSleeper();
    http = new LiveHttp(LoopbackServer.policy(sleeper, NOW), new Redaction(List.of(SECRET)), "source 'test'");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode get(String path) {
    return http.get(server.uri(path), Map.of(), BodyCheck.JSON);
  }

  @Test
  void returnsTheParsedBodyOfOneRequest() {
    server.then(json("[{\"id\": 1}]"));
    assertThat(get("/requests.json").get(0).get("id").asInt()).isEqualTo(1);
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void retries5xxWithExponentialBackoff() {
    server.then(status(500, "oops"), status(502, "bad gateway"), json("[]"));
    assertThat(get("/x").isArray()).isTrue();
    assertThat(server.requests()).hasSize(3);
    // jitter 0 gives half the nominal 1 s, 2 s
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void honoursRetryAfterSecondsOn429() {
    server.then(status(429, "slow down", Map.of("Retry-After", "7")), json("[]"));
    get("/x");
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void honoursRetryAfterHttpDateOn503() {
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atZone(ZoneOffset.UTC));
    server.then(status(503, "maintenance", Map.of("Retry-After", at)), json("[]"));
    get("/x");
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void capsALongRetryAfter() {
    server.then(status(429, "", Map.of("Retry-After", "3600")), json("[]"));
    get("/x");
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void retryAfterOnAPlain500IsNotHonoured() {
    server.then(status(500, "", Map.of("Retry-After", "40")), json("[]"));
    get("/x");
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void retriesAfterAReadTimeout() {
    server.then(server.stall(), json("[1]"));
    long t0 = System.nanoTime();
    assertThat(get("/x").get(0).asInt()).isEqualTo(1);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void retriesABodyShorterThanItsContentLength() {
    String body = "[{\"id\": 1}, {\"id\": 2}]";
    server.then(truncated(body, 9), json(body));
    assertThat(get("/x")).hasSize(2);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aBodyAlwaysCutShortIsBadDataNamingTheUrl() {
    server.otherwise(uri -> truncated("[{\"id\": 1}, {\"id\": 2}]", 9));
    assertThatThrownBy(() -> get("/requests.json?page=2"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isIn(ExitKind.DATA, ExitKind.UNREACHABLE))
        .hasMessageContaining("/requests.json?page=2")
        .hasMessageContaining("failed after 4 attempts");
  }

  @Test
  void malformedJsonIsRetriedThenBadData() {
    server.otherwise(uri -> json("[{\"id\": 1}, {\"id\""));
    assertThatThrownBy(() -> get("/x"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DATA))
        .hasMessageContaining("truncated or malformed JSON");
    assertThat(server.requests()).hasSize(4);
  }

  @Test
  void trailingGarbageIsMalformed() {
    server.otherwise(uri -> json("[] <html>"));
    assertThatThrownBy(() -> get("/x")).isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DATA));
  }

  @Test
  void droppedConnectionsExhaustTheAttemptsWithExit6() {
    server.otherwise(uri -> server.dropped());
    assertThatThrownBy(() -> get("/x"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE))
        .hasMessageContaining("failed after 4 attempts (last: connection error");
    assertThat(http.requests()).isEqualTo(4);
    // the JDK client itself re-sends a GET once when the connection closes before any answer
    assertThat(server.requests().size()).isBetween(4, 8);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void theLastStatusIsNamedAndTheKeyRedacted() {
    server.otherwise(uri -> status(503, "down"));
    assertThatThrownBy(() -> get("/requests.json?jurisdiction_id=city&api_key=" + SECRET))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE);
          assertThat(e.getMessage()).startsWith("source 'test': GET http://127.0.0.1:")
              .contains("/requests.json?jurisdiction_id=city&api_key=REDACTED failed after 4 attempts (last: HTTP 503)")
              .doesNotContain(SECRET);
          assertThat(e.problems().get(0).hint()).doesNotContain(SECRET);
        });
  }

  @Test
  void aClientErrorIsNotRetried() {
    server.then(status(404, "no such jurisdiction"));
    assertThatThrownBy(() -> get("/x?token=abcdef"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE))
        .hasMessageContaining("answered HTTP 404 (not retried)")
        .hasMessageContaining("token=REDACTED");
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aRefusedConnectionIsUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/x");
    assertThatThrownBy(() -> http.get(closed, Map.of(), BodyCheck.JSON))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE))
        .hasMessageContaining("failed after 4 attempts (last: c");
  }

  @Test
  void aConnectionResetIsRetried() throws Exception {
    // a raw socket server: the first two connections are reset (RST) after the request arrives, the third answers
    try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
      Thread t = new Thread(() -> {
        while (!raw.isClosed()) {
          try (java.net.Socket s = raw.accept()) {
            s.getInputStream().read(new byte[4096]);
            if (connections.incrementAndGet() <= 2) {
              s.setSoLinger(true, 0);
            } else {
              s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n[1,2,3]")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
          } catch (java.io.IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      JsonNode body = http.get(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/x"), Map.of(), BodyCheck.JSON);
      assertThat(body).hasSize(3);
      assertThat(connections.get()).isGreaterThanOrEqualTo(3);
      assertThat(sleeper.waits).isNotEmpty();
    }
  }

  @Test
  void sendsTheGivenHeaders() {
    server.then(json("{}"));
    http.get(server.uri("/x"), Map.of("Authorization", "Bearer " + SECRET), BodyCheck.JSON);
    assertThat(server.requestHeaders().get(0).get("Authorization")).containsExactly("Bearer " + SECRET);
  }
}
