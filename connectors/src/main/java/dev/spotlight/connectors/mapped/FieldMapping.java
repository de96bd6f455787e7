package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.Location;
import java.util.Map;

/** How one canonical column is filled from a row of an export. */
public sealed interface FieldMapping {

  Location location();

  /** The source column this mapping reads, or null for a constant. */
  String column();

  /** A column's value, optionally parsed with a Java date-time pattern. */
  record FromColumn(String column, String format, Location location) implements FieldMapping {}

  /** The same value for every row ({@code { value: 1 }}). */
  record Constant(String value, Location location) implements FieldMapping {
    @Override
    public String column() {
      return null;
    }
  }

  /** A column whose values are translated through {@code values:}; others follow {@code otherwise}. */
  record ValueMap(String column, Map<String, String> values, Otherwise otherwise, Location location) implements FieldMapping {}

  /** What happens to a value a {@link ValueMap} does not list. */
  enum Otherwise {
    /** The row is left out on purpose and counted as filtered. */
    SKIP,
    /** The row is bad input. */
    ERROR
  }
}
