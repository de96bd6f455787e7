package dev.spotlight.common.yaml;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;

/** A scalar value: its text as written and the kind YAML gave it. */
public record YamlScalar(Location location, String text, Kind kind) implements YamlNode {

  /** What YAML made of a plain scalar. */
  public enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

  @Override
  public String shape() {
    return switch (kind) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case FLOAT -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
    };
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  public long asLong(String what) {
    if (kind != Kind.INTEGER) {
      throw SpotlightException.definition(location, what + " must be a whole number, not " + shape() + " '" + text + "'", null);
    }
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw SpotlightException.definition(location, what + " is not a whole number: '" + text + "'", null);
    }
  }

  public double asDouble(String what) {
    if (kind != Kind.INTEGER && kind != Kind.FLOAT) {
      throw SpotlightException.definition(location, what + " must be a number, not " + shape() + " '" + text + "'", null);
    }
    try {
      return Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw SpotlightException.definition(location, what + " is not a number: '" + text + "'", null);
    }
  }

  public boolean asBoolean(String what) {
    if (kind != Kind.BOOLEAN) {
      throw SpotlightException.definition(location, what + " must be true or false, not '" + text + "'", null);
    }
    return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
  }
}
