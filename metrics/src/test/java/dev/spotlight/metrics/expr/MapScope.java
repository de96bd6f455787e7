package dev.spotlight.metrics.expr;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A column scope backed by a map, for tests. */
public record MapScope(Map<String, ValueType> columns, String description) implements ColumnScope {

  /** A scope shaped like the activity table. */
  public static final MapScope ACTIVITY = new MapScope(activityColumns(), "the activity table");

  private static Map<String, ValueType> activityColumns() {
    Map<String, ValueType> m = new LinkedHashMap<>();
    m.put("participant", ValueType.STRING);
    m.put("event_type", ValueType.STRING);
    m.put("amount", ValueType.NUMBER);
    m.put("quantity", ValueType.NUMBER);
    m.put("deprivation_decile", ValueType.NUMBER);
    m.put("occurred_on", ValueType.DATE);
    m.put("occurred_at", ValueType.TIMESTAMP);
    m.put("attributes.category", ValueType.STRING);
    m.put("verified", ValueType.BOOLEAN);
    return m;
  }

  @Override
  public Optional<ValueType> typeOf(String name) {
    return Optional.ofNullable(columns.get(name));
  }

  @Override
  public Collection<String> names() {
    return columns.keySet();
  }
}
