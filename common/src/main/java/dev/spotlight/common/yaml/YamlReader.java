package dev.spotlight.common.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Reads a YAML document into {@link YamlNode}s that keep their file, line and column. */
public final class YamlReader {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String fileName;
  private final String text;
  private final BiFunction<String, Location, String> stringFilter;

  private YamlReader(String fileName, String text, BiFunction<String, Location, String> stringFilter) {
    this.fileName = fileName;
    this.text = text;
    this.stringFilter = stringFilter;
  }

  /** Reads {@code file}; a missing or unreadable file, or bad YAML, is a definition error. */
  public static YamlNode read(Path file) {
    return read(file, (s, at) -> s);
  }

  /** Reads {@code file}, passing every string scalar through {@code stringFilter} (e.g. env interpolation). */
  public static YamlNode read(Path file, BiFunction<String, Location, String> stringFilter) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw SpotlightException.definition(Location.of(file), "file not found", null);
    } catch (IOException e) {
      throw SpotlightException.definition(Location.of(file), "cannot read file: " + e.getMessage(), null);
    }
    return parse(file.toString(), text, stringFilter);
  }

  /** Parses YAML text that came from {@code fileName} (used only in locations). */
  public static YamlNode parse(String fileName, String text) {
    return parse(fileName, text, (s, at) -> s);
  }

  public static YamlNode parse(String fileName, String text, BiFunction<String, Location, String> stringFilter) {
    YamlReader reader = new YamlReader(fileName, text, stringFilter);
    try (Reader r = new StringReader(text); JsonParser p = FACTORY.createParser(r)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new YamlMap(new Location(fileName, 1, 1), Map.of(), Map.of());
      }
      return reader.node(p);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      Location at = l == null ? new Location(fileName, 0, 0) : new Location(fileName, l.getLineNr(), l.getColumnNr());
      throw SpotlightException.definition(at, "invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), null);
    } catch (IOException e) {
      throw SpotlightException.definition(new Location(fileName, 0, 0), "cannot read YAML: " + e.getMessage(), null);
    }
  }

  private Location here(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Location(fileName, l.getLineNr(), l.getColumnNr());
  }

  /** Where a string's characters begin: one column past the opening quote when the scalar is quoted. */
  private Location textStart(JsonParser p, Location at) {
    long offset = p.currentTokenLocation().getCharOffset();
    if (offset < 0 || offset >= text.length()) {
      return at;
    }
    char first = text.charAt((int) offset);
    return first == '"' || first == '\'' ? at.shifted(1) : at;
  }

  private YamlNode node(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    Location at = here(p);
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyAt = here(p);
          if (entries.containsKey(key)) {
            throw SpotlightException.definition(keyAt, "duplicate key '" + key + "'", "each key may appear once in a mapping");
          }
          p.nextToken();
          entries.put(key, node(p));
          keys.put(key, keyAt);
        }
        return new YamlMap(at, entries, keys);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(p));
        }
        return new YamlSeq(at, items);
      }
      case VALUE_STRING -> {
        Location textAt = textStart(p, at);
        return new YamlScalar(textAt, stringFilter.apply(p.getText(), textAt), YamlScalar.Kind.STRING);
      }
      case VALUE_NUMBER_INT -> {
        return new YamlScalar(at, p.getText(), YamlScalar.Kind.INTEGER);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YamlScalar(at, p.getText(), YamlScalar.Kind.FLOAT);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlScalar(at, p.getText(), YamlScalar.Kind.BOOLEAN);
      }
      case VALUE_NULL -> {
        return new YamlScalar(at, "", YamlScalar.Kind.NULL);
      }
      default -> throw SpotlightException.definition(at, "unsupported YAML construct " + t, null);
    }
  }
}
