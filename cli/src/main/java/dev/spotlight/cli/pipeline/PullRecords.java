package dev.spotlight.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spotlight.common.io.AtomicFiles;
import dev.spotlight.common.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the per-source pull records kept in the store. */
public final class PullRecords {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

  private final Path dir;

  public PullRecords(StoreLayout store) {
    this.dir = store.root().resolve(".pulls");
  }

  public void write(PullRecord record) {
    AtomicFiles.write(dir.resolve(record.source() + ".json"), out -> JSON.writeValue(out, record));
  }

  /** The last pull of {@code source}; empty when it was never pulled or its record cannot be read (pull again). */
  public Optional<PullRecord> read(String source) {
    Path file = dir.resolve(source + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), PullRecord.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // written by another version of spotlight, or damaged: better no record than wrong counts
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pull record " + file + ": " + e.getMessage(), e);
    }
  }

  public List<PullRecord> readAll(List<String> sources) {
    List<PullRecord> out = new ArrayList<>();
    for (String s : sources) {
      read(s).ifPresent(out::add);
    }
    return out;
  }
}
