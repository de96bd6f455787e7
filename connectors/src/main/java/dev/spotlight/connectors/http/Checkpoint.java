package dev.spotlight.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lets an interrupted live pull resume: each completed page's body is saved in the source's checkpoint
 * folder ({@code STORE/.checkpoints/SOURCE/}) next to {@code checkpoint.json}, which lists the pages
 * done. A later pull with the same fingerprint (endpoint, options and period) reads those pages from
 * disk instead of asking the server again. A checkpoint with another fingerprint, older than its
 * maximum age or unreadable is ignored and deleted. The folder is deleted once the source is written to
 * the store. Secrets are never part of the fingerprint or the files.
 */
public final class Checkpoint {

  static final String FILE = "checkpoint.json";

  private final Path dir;
  private final String fingerprint;
  private final Instant created;
  private final Map<String, String> pages = new LinkedHashMap<>();
  private final int resumed;

  private Checkpoint(Path dir, String fingerprint, Instant created, Map<String, String> done) {
    this.dir = dir;
    this.fingerprint = fingerprint;
    this.created = created;
    this.pages.putAll(done);
    this.resumed = done.size();
  }

  /** Opens the checkpoint in {@code dir}: resumes it when it matches, else starts afresh. */
  public static Checkpoint open(Path dir, String fingerprint, Clock clock, Duration maxAge) {
    Path file = dir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try {
        JsonNode json = BodyCheck.Json.MAPPER.readTree(file.toFile());
        Instant created = Instant.parse(json.path("created").asText());
        if (fingerprint.equals(json.path("fingerprint").asText()) && created.plus(maxAge).isAfter(clock.instant())) {
          Map<String, String> done = new LinkedHashMap<>();
          for (JsonNode page : json.path("pages")) {
            String name = page.path("file").asText();
            if (Files.isRegularFile(dir.resolve(name))) {
              done.put(page.path("key").asText(), name);
            }
          }
          return new Checkpoint(dir, fingerprint, created, done);
        }
      } catch (IOException | RuntimeException e) {
        // unreadable: start afresh
      }
    }
    delete(dir);
    return new Checkpoint(dir, fingerprint, clock.instant(), Map.of());
  }

  public Path dir() {
    return dir;
  }

  /** Pages read back from an earlier, interrupted pull. */
  public int resumedPages() {
    return resumed;
  }

  public boolean has(String key) {
    return pages.containsKey(key);
  }

  /** The saved body of page {@code key}, which {@link #has} it. */
  public Path file(String key) {
    return dir.resolve(pages.get(key));
  }

  /** Saves page {@code key}'s body and records the page as done (both written atomically). */
  public Path save(String key, byte[] body) {
    try {
      Files.createDirectories(dir);
      String name = String.format("page-%05d.json", pages.size() + 1);
      Path target = dir.resolve(name);
      write(target, body);
      pages.put(key, name);
      ObjectNode json = BodyCheck.Json.MAPPER.createObjectNode();
      json.put("fingerprint", fingerprint);
      json.put("created", created.toString());
      ArrayNode list = json.putArray("pages");
      pages.forEach((k, f) -> list.addObject().put("key", k).put("file", f));
      write(dir.resolve(FILE), BodyCheck.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a checkpoint folder and everything in it; a missing folder is fine. */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete checkpoint " + dir + ": " + e.getMessage(), e);
    }
  }
}
