package dev.spotlight.connectors.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on a loopback port for tests: replays scripted answers (or answers from a
 * function of the request) and injects faults — errors with Retry-After, stalls past the client's
 * timeout, bodies shorter than their Content-Length, and connections dropped without an answer.
 */
public final class LoopbackServer implements AutoCloseable {

  /** One scripted answer. */
  public interface Answer {
    void send(HttpExchange exchange) throws IOException;
  }

  static {
    // without it each small answer waits ~40 ms for a delayed ACK (Nagle)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<URI> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Map<String, List<String>>> headers = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile Function<URI, Answer> fallback = uri -> status(404, "no scripted answer for " + uri);

  public LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI());
      headers.add(new ConcurrentHashMap<>(exchange.getRequestHeaders()));
      Answer a;
      synchronized (script) {
        a = script.pollFirst();
      }
      if (a == null) {
        try {
          a = fallback.apply(exchange.getRequestURI());
        } catch (RuntimeException e) {
          e.printStackTrace();
          throw e;
        }
      }
      try {
        a.send(exchange);
      } catch (RuntimeException e) {
        e.printStackTrace();
        throw e;
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues answers, used in order before the fallback. */
  public LoopbackServer then(Answer... answers) {
    synchronized (script) {
      script.addAll(List.of(answers));
    }
    return this;
  }

  /** Answers requests the script does not cover. */
  public LoopbackServer otherwise(Function<URI, Answer> answer) {
    this.fallback = answer;
    return this;
  }

  public List<URI> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Map<String, List<String>>> requestHeaders() {
    synchronized (headers) {
      return List.copyOf(headers);
    }
  }

  public static Answer json(String body) {
    return status(200, body);
  }

  public static Answer status(int status, String body) {
    return status(status, body, Map.of());
  }

  public static Answer status(int status, String body, Map<String, String> extra) {
    return ex -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      extra.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    };
  }

  /** Declares the whole body's length but sends only the first {@code sent} bytes, then closes. */
  public static Answer truncated(String body, int sent) {
    return ex -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      OutputStream out = ex.getResponseBody();
      out.write(bytes, 0, sent);
      out.flush();
      try {
        out.close();
      } catch (IOException expected) {
        // the server notices the missing bytes and drops the connection
      }
    };
  }

  /** Closes the connection without any answer. */
  public Answer dropped() {
    return ex -> {
      // no headers: the server closes the connection on exchange.close()
    };
  }

  /** Sends nothing until the test ends (or 5 s pass): the client's read timeout fires first. */
  public Answer stall() {
    return ex -> {
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status(200, "[]").send(ex);
    };
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** A sleeper that records each wait instead of sleeping. */
  public static final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration d) {
      waits.add(d);
    }
  }

  /** A policy for tests: short timeouts, 4 attempts, no jitter (half the nominal wait), recorded sleeps, a fixed clock. */
  public static HttpPolicy policy(RecordingSleeper sleeper, Instant now) {
    return new HttpPolicy(Duration.ofSeconds(2), Duration.ofMillis(300), 4, Duration.ofSeconds(1), Duration.ofSeconds(8),
        Duration.ofSeconds(60), sleeper, Clock.fixed(now, ZoneOffset.UTC), () -> 0.0);
  }
}
