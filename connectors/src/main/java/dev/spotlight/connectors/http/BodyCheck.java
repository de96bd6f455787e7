package dev.spotlight.connectors.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Checks a complete response body and turns it into a value; a body it cannot read throws {@link BadBody}. */
@FunctionalInterface
public interface BodyCheck<T> {

  T check(byte[] body) throws BadBody;

  /** A whole JSON document: cut-short, malformed, empty or trailing-garbage bodies are bad. */
  BodyCheck<JsonNode> JSON = body -> {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new BadBody("empty response body");
      }
      return node;
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage().split("\\R")[0];
      throw new BadBody("truncated or malformed JSON (" + m + ")");
    }
  };

  /** The JSON reader shared by live connectors. */
  final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}
  }
}
