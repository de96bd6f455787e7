package dev.spotlight.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * Pages a live API by time window, through a {@link Checkpoint}: a window already done in an interrupted
 * pull is read back from disk; a window whose answer holds the server's page maximum may have lost
 * records, so it is split in halves and asked again (down to a minimum length) and only complete
 * answers are kept.
 */
public final class WindowPager {

  /** One complete answer: its window, its saved body and whether it came from the checkpoint. */
  public record Page(TimeWindow window, Path file, JsonNode json, int records, boolean resumed) {}

  private final LiveHttp http;
  private final Checkpoint checkpoint;
  private final Map<String, String> headers;
  private final ToIntFunction<JsonNode> records;
  private final int pageMax;
  private final Duration minWindow;
  private final UnaryOperator<JsonNode> slim;

  /**
   * @param records how many records an answer holds (compared with {@code pageMax})
   *     and may throw when the answer is not what the API should send
   * @param pageMax the most records the server returns for one request; 0 when it does not cap answers
   * @param slim what of an answer is kept (and saved in the checkpoint), e.g. only the fields the connector reads
   */
  public WindowPager(LiveHttp http, Checkpoint checkpoint, Map<String, String> headers, ToIntFunction<JsonNode> records,
      int pageMax, Duration minWindow, UnaryOperator<JsonNode> slim) {
    this.slim = slim;
    this.http = http;
    this.checkpoint = checkpoint;
    this.headers = Map.copyOf(headers);
    this.records = records;
    this.pageMax = pageMax;
    this.minWindow = minWindow;
  }

  /**
   * Fetches {@code window} for the request named {@code key} (the same key must mean the same request in
   * a resumed pull), splitting it while an answer is full; returns the complete answers in time order.
   */
  public List<Page> fetch(String key, TimeWindow window, Function<TimeWindow, URI> uri, java.util.function.Consumer<Page> done) {
    List<Page> out = new ArrayList<>();
    fetchInto(key, window, uri, done, out);
    return out;
  }

  private void fetchInto(String key, TimeWindow window, Function<TimeWindow, URI> uri, java.util.function.Consumer<Page> done, List<Page> out) {
    String pageKey = key + "@" + window.key();
    if (checkpoint.has(pageKey)) {
      Path file = checkpoint.file(pageKey);
      try {
        JsonNode json = BodyCheck.JSON.check(Files.readAllBytes(file));
        Page page = new Page(window, file, json, records.applyAsInt(json), true);
        out.add(page);
        done.accept(page);
        return;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read checkpoint page " + file + ": " + e.getMessage(), e);
      } catch (BadBody e) {
        // a damaged page is asked again
      }
    }
    URI target = uri.apply(window);
    JsonNode json = http.get(target, headers, BodyCheck.JSON);
    int n = records.applyAsInt(json);
    if (pageMax > 0 && n >= pageMax) {
      if (window.length().compareTo(minWindow.multipliedBy(2)) < 0) {
        throw new SpotlightException(ExitKind.DATA, Location.NONE,
            "GET " + http.redaction().uri(target) + " returned " + n + " records, the page maximum, for a window of " + window.length().getSeconds()
                + " s; records may be missing and the window cannot be split further",
            "raise page_max if the server returns more per request");
      }
      for (TimeWindow half : window.halves()) {
        fetchInto(key, half, uri, done, out);
      }
      return;
    }
    Page page = save(pageKey, window, json, n);
    out.add(page);
    done.accept(page);
  }

  /** Fetches one unwindowed request (e.g. a list of services) through the checkpoint. */
  public Page fetchOnce(String key, URI uri) {
    if (checkpoint.has(key)) {
      Path file = checkpoint.file(key);
      try {
        JsonNode json = BodyCheck.JSON.check(Files.readAllBytes(file));
        return new Page(null, file, json, records.applyAsInt(json), true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read checkpoint page " + file + ": " + e.getMessage(), e);
      } catch (BadBody e) {
        // a damaged page is asked again
      }
    }
    JsonNode json = http.get(uri, headers, BodyCheck.JSON);
    return save(key, null, json, records.applyAsInt(json));
  }

  private Page save(String key, TimeWindow window, JsonNode json, int n) {
    JsonNode kept = slim.apply(json);
    try {
      Path file = checkpoint.save(key, BodyCheck.Json.MAPPER.writeValueAsBytes(kept));
      return new Page(window, file, kept, n, false);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
