package dev.spotlight.connectors.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How live connectors talk to servers: timeouts, how often and how long to retry, and the clock,
 * sleeper and jitter source (injectable so tests run without real waits).
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long one whole exchange (headers and body) may take
 * @param maxAttempts attempts per request, the first included
 * @param baseDelay the wait before the second attempt; it doubles each attempt
 * @param maxDelay the longest backoff wait
 * @param retryAfterCap the longest wait a server's {@code Retry-After} is honoured for
 * @param jitter a source of numbers in [0, 1): each backoff wait is between half and all of its nominal length
 */
public record HttpPolicy(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration baseDelay, Duration maxDelay,
    Duration retryAfterCap, Sleeper sleeper, Clock clock, DoubleSupplier jitter) {

  public static HttpPolicy defaults() {
    return new HttpPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofMinutes(2), Sleeper.REAL, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The wait after failed attempt {@code attempt} (1 for the first): exponential, capped, with jitter. */
  public Duration backoff(int attempt) {
    long nominal = baseDelay.toMillis() << Math.min(attempt - 1, 20);
    nominal = Math.min(nominal, maxDelay.toMillis());
    long half = nominal / 2;
    return Duration.ofMillis(half + (long) (jitter.getAsDouble() * (nominal - half)));
  }

  public HttpPolicy withTimeouts(Duration connect, Duration read) {
    return new HttpPolicy(connect, read, maxAttempts, baseDelay, maxDelay, retryAfterCap, sleeper, clock, jitter);
  }

  public HttpPolicy withSleeper(Sleeper s) {
    return new HttpPolicy(connectTimeout, readTimeout, maxAttempts, baseDelay, maxDelay, retryAfterCap, s, clock, jitter);
  }

  public HttpPolicy withClock(Clock c) {
    return new HttpPolicy(connectTimeout, readTimeout, maxAttempts, baseDelay, maxDelay, retryAfterCap, sleeper, c, jitter);
  }

  public HttpPolicy withAttempts(int attempts) {
    return new HttpPolicy(connectTimeout, readTimeout, attempts, baseDelay, maxDelay, retryAfterCap, sleeper, clock, jitter);
  }
}
