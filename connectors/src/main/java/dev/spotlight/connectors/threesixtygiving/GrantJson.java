package dev.spotlight.connectors.threesixtygiving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Streams a 360Giving JSON package ({@code {"grants": [...]}}; a bare array of grants is accepted
 * too) into NDJSON, one grant at a time, with the line each grant starts on. Only the fields of
 * {@link GrantField} are kept; descriptions and other free text are never copied.
 */
final class GrantJson {

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private GrantJson() {}

  /** Writes the grants of {@code file} to {@code ndjson}; returns how many there were. */
  static long toNdjson(Path file, Path ndjson) {
    long n = 0;
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile());
        BufferedWriter out = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8)) {
      GrantNdjson writer = new GrantNdjson(out);
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        if (!seekGrants(p)) {
          throw new SpotlightException(ExitKind.DATA, Location.of(file), "not a 360Giving JSON package: no \"grants\" array at the top level",
              "a package looks like {\"grants\": [{\"id\": \"360G-…\", …}]}");
        }
      } else if (first != JsonToken.START_ARRAY) {
        throw new SpotlightException(ExitKind.DATA, Location.of(file), "not a 360Giving JSON package: it does not start with { or [",
            "a package looks like {\"grants\": [{\"id\": \"360G-…\", …}]}");
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw truncated(file, p.currentLocation());
        }
        int line = p.currentTokenLocation().getLineNr();
        n++;
        if (t != JsonToken.START_OBJECT) {
          throw new SpotlightException(ExitKind.DATA, new Location(file.toString(), line, p.currentTokenLocation().getColumnNr()),
              "grant " + n + " is not an object", "each item of \"grants\" is one grant object");
        }
        JsonNode grant = MAPPER.readTree(p);
        writer.write(n, line, fields(grant));
      }
      // the rest of the package (after "grants") must still be well-formed
      while (p.nextToken() != null) {
        // read to the end
      }
      return n;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String what = e.getOriginalMessage().replaceAll("\\s+", " ");
      if (what.contains("end-of-input")) {
        throw truncated(file, at);
      }
      throw new SpotlightException(ExitKind.DATA, at == null ? Location.of(file) : new Location(file.toString(), at.getLineNr(), at.getColumnNr()),
          "malformed JSON: " + what, "is the file a complete 360Giving JSON package, saved as UTF-8?");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static SpotlightException truncated(Path file, JsonLocation at) {
    return new SpotlightException(ExitKind.DATA, at == null ? Location.of(file) : new Location(file.toString(), at.getLineNr(), at.getColumnNr()),
        "truncated JSON: the file ends inside the grants", "download the file again; nothing of it was loaded");
  }

  /** Moves to the start of the top-level "grants" array, skipping other members; false when there is none. */
  private static boolean seekGrants(JsonParser p) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("grants") && value == JsonToken.START_ARRAY) {
        return true;
      }
      p.skipChildren();
    }
    return false;
  }

  /** The grant's fields: the first recipient, funder, programme, planned dates and beneficiary location with a code. */
  static Map<GrantField, String> fields(JsonNode g) {
    Map<GrantField, String> v = new EnumMap<>(GrantField.class);
    put(v, GrantField.ID, g.get("id"));
    put(v, GrantField.TITLE, g.get("title"));
    put(v, GrantField.CURRENCY, g.get("currency"));
    put(v, GrantField.AMOUNT, g.get("amountAwarded"));
    put(v, GrantField.AWARD_DATE, g.get("awardDate"));
    JsonNode planned = first(g.get("plannedDates"));
    put(v, GrantField.START_DATE, planned.get("startDate"));
    put(v, GrantField.END_DATE, planned.get("endDate"));
    put(v, GrantField.DURATION, planned.get("duration"));
    JsonNode recipient = first(g.get("recipientOrganization"));
    put(v, GrantField.RECIPIENT_ID, recipient.get("id"));
    put(v, GrantField.RECIPIENT_NAME, recipient.get("name"));
    put(v, GrantField.INDIVIDUAL_ID, first(g.get("recipientIndividual")).get("id"));
    JsonNode funder = first(g.get("fundingOrganization"));
    put(v, GrantField.FUNDER_ID, funder.get("id"));
    put(v, GrantField.FUNDER_NAME, funder.get("name"));
    put(v, GrantField.PROGRAMME, first(g.get("grantProgramme")).get("title"));
    JsonNode locations = g.get("beneficiaryLocation");
    if (locations != null && locations.isArray()) {
      for (JsonNode loc : locations) {
        if (text(loc.get("geoCode")) != null) {
          put(v, GrantField.GEO_CODE, loc.get("geoCode"));
          put(v, GrantField.GEO_TYPE, loc.get("geoCodeType"));
          break;
        }
      }
    }
    return v;
  }

  /** The first item of an array, the node itself when it is an object, else an empty object. */
  private static JsonNode first(JsonNode n) {
    if (n != null && n.isArray() && !n.isEmpty()) {
      return n.get(0);
    }
    return n != null && n.isObject() ? n : MAPPER.createObjectNode();
  }

  private static void put(Map<GrantField, String> v, GrantField f, JsonNode n) {
    String text = text(n);
    if (text != null) {
      v.put(f, text);
    }
  }

  /** A scalar as text (numbers exactly as written, no exponent), trimmed; null for missing, null, blank or non-scalar values. */
  private static String text(JsonNode n) {
    if (n == null || !n.isValueNode() || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue().toPlainString();
    }
    return GrantNdjson.clean(n.asText());
  }
}
