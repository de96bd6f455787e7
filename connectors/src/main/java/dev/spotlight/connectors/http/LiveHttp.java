package dev.spotlight.connectors.http;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * GET requests for live connectors, on {@code java.net.http}: connect and read timeouts; retries with
 * exponential backoff and jitter after connection errors, timeouts, 5xx and cut-short or unreadable
 * bodies; {@code Retry-After} (seconds or HTTP-date, capped) on 429 and 503. Other 4xx are not retried.
 * When the attempts run out the pull stops with one line naming the URL (secrets redacted) and the
 * last status: exit 6 (unreachable), or exit 4 when the server answered but its body could not be read.
 */
public final class LiveHttp {

  private static final Logger LOG = Logger.getLogger(LiveHttp.class.getName());

  private final HttpClient client;
  private final HttpPolicy policy;
  private final Redaction redaction;
  private final String what;
  private long requests;

  /**
   * @param what who is asking, for messages (e.g. {@code source 'open311-leeds'})
   */
  public LiveHttp(HttpPolicy policy, Redaction redaction, String what) {
    this.policy = policy;
    this.redaction = redaction;
    this.what = what;
    this.client = HttpClient.newBuilder()
        .connectTimeout(policy.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public Redaction redaction() {
    return redaction;
  }

  /** Requests sent so far, retries included. */
  public long requests() {
    return requests;
  }

  /** GETs {@code uri} and checks its body with {@code check}, retrying as the policy says. */
  public <T> T get(URI uri, Map<String, String> headers, BodyCheck<T> check) {
    String last = null;
    boolean badBody = false;
    for (int n = 1; n <= policy.maxAttempts(); n++) {
      final int attempt = n;
      Duration wait;
      try {
        HttpResponse<byte[]> response = send(uri, headers);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          byte[] body = response.body();
          OptionalLong length = response.headers().firstValueAsLong("Content-Length");
          try {
            if (length.isPresent() && length.getAsLong() != body.length) {
              throw new BadBody("truncated body: Content-Length " + length.getAsLong() + " but " + body.length + " bytes received");
            }
            return check.check(body);
          } catch (BadBody e) {
            last = e.getMessage();
            badBody = true;
            wait = policy.backoff(attempt);
          }
        } else if (status == 429 || status >= 500) {
          last = "HTTP " + status;
          badBody = false;
          Optional<Duration> asked = status == 429 || status == 503
              ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), policy.clock().instant())
              : Optional.empty();
          wait = asked.map(d -> d.compareTo(policy.retryAfterCap()) > 0 ? policy.retryAfterCap() : d).orElseGet(() -> policy.backoff(attempt));
        } else {
          throw new SpotlightException(ExitKind.UNREACHABLE, Location.NONE,
              what + ": GET " + redaction.uri(uri) + " answered HTTP " + status + " (not retried)", hintFor(status));
        }
      } catch (HttpTimeoutException | TimeoutException e) {
        last = "timed out after " + policy.readTimeout().toMillis() + " ms";
        badBody = false;
        wait = policy.backoff(attempt);
      } catch (ConnectException e) {
        last = "cannot connect" + (e.getMessage() == null ? "" : " (" + redaction.text(e.getMessage()) + ")");
        badBody = false;
        wait = policy.backoff(attempt);
      } catch (IOException e) {
        last = "connection error" + (e.getMessage() == null ? "" : " (" + redaction.text(e.getMessage()) + ")");
        badBody = false;
        wait = policy.backoff(attempt);
      }
      if (attempt < policy.maxAttempts()) {
        String why = last;
        Duration w = wait;
        LOG.fine(() -> what + ": GET " + redaction.uri(uri) + " failed (" + why + "), retrying in " + w.toMillis() + " ms");
        pause(wait);
      }
    }
    String message = what + ": GET " + redaction.uri(uri) + " failed after " + policy.maxAttempts() + " attempts (last: " + last + ")";
    if (badBody) {
      throw new SpotlightException(ExitKind.DATA, Location.NONE, message,
          "the server's response could not be read whole; nothing was loaded, pull again later");
    }
    throw new SpotlightException(ExitKind.UNREACHABLE, Location.NONE, message,
        "check the network and the url: option, then pull again; pages already fetched are not asked again");
  }

  private static String hintFor(int status) {
    if (status == 401 || status == 403) {
      return "check the key or token in the source's *_env option and that it may read this endpoint";
    }
    if (status == 404) {
      return "check the url: option (and jurisdiction_id or device ids)";
    }
    return "check the source's options";
  }

  private HttpResponse<byte[]> send(URI uri, Map<String, String> headers) throws IOException, TimeoutException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(policy.readTimeout()).header("Accept", "application/json");
    headers.forEach(b::header);
    requests++;
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      // the request timeout covers the headers; this bounds the body too
      return future.get(policy.readTimeout().toMillis() + 50, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new IOException(String.valueOf(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new IOException("interrupted", e);
    }
  }

  private void pause(Duration wait) {
    try {
      policy.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpotlightException(ExitKind.UNREACHABLE, Location.NONE, what + ": interrupted while waiting to retry", null);
    }
  }
}
