package dev.spotlight.metrics.plan;

import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.ColumnType;
import dev.spotlight.metrics.expr.ColumnScope;
import dev.spotlight.metrics.expr.ValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names an expression may use over one canonical table: its columns plus the dimensions
 * derived from them (area attributes from the areas table, calendar labels, {@code attributes.KEY}).
 */
public final class TableScope implements ColumnScope {

  /** Every dimension a query may group by (SPEC §2), besides {@code attributes.KEY}. */
  public static final List<String> DIMENSIONS = List.of(
      "grantee", "source", "platform_kind", "event_type", "outcome", "area", "local_authority", "deprivation_decile",
      "day", "week", "month", "quarter", "year");

  /** Calendar dimensions, labelled from local dates. */
  public static final List<String> TIME_DIMENSIONS = List.of("day", "week", "month", "quarter", "year");

  /** Dimensions that come from the areas reference table. */
  public static final List<String> AREA_COLUMNS = List.of("local_authority", "deprivation_decile", "population");

  static final Pattern ATTRIBUTE = Pattern.compile("attributes\\.[A-Za-z0-9_][A-Za-z0-9_.-]*");

  public static final TableScope ACTIVITY = new TableScope(CanonicalTable.ACTIVITY);
  public static final TableScope COSTS = new TableScope(CanonicalTable.COSTS);

  private final CanonicalTable table;
  private final Map<String, ValueType> names = new LinkedHashMap<>();

  private TableScope(CanonicalTable table) {
    this.table = table;
    for (CanonicalColumn c : table.columns()) {
      if (c.type() != ColumnType.STRING_MAP) {
        names.put(c.name(), valueType(c.type()));
      }
    }
    if (table == CanonicalTable.ACTIVITY) {
      names.put("area", ValueType.STRING);
      names.put("local_authority", ValueType.STRING);
      names.put("deprivation_decile", ValueType.NUMBER);
      names.put("population", ValueType.NUMBER);
    }
    for (String t : TIME_DIMENSIONS) {
      names.put(t, ValueType.STRING);
    }
  }

  public static TableScope of(CanonicalTable table) {
    return table == CanonicalTable.ACTIVITY ? ACTIVITY : COSTS;
  }

  public CanonicalTable table() {
    return table;
  }

  static ValueType valueType(ColumnType t) {
    return switch (t) {
      case STRING -> ValueType.STRING;
      case INTEGER, DOUBLE, DECIMAL -> ValueType.NUMBER;
      case DATE -> ValueType.DATE;
      case TIMESTAMP -> ValueType.TIMESTAMP;
      case STRING_MAP -> throw new IllegalArgumentException("maps have no scalar type");
    };
  }

  @Override
  public Optional<ValueType> typeOf(String name) {
    if (table == CanonicalTable.ACTIVITY && ATTRIBUTE.matcher(name).matches()) {
      return Optional.of(ValueType.STRING);
    }
    return Optional.ofNullable(names.get(name));
  }

  /** Whether a query may group this table by {@code dimension}. */
  public boolean hasDimension(String dimension) {
    if (ATTRIBUTE.matcher(dimension).matches()) {
      return table == CanonicalTable.ACTIVITY;
    }
    return DIMENSIONS.contains(dimension) && names.containsKey(dimension);
  }

  @Override
  public Collection<String> names() {
    List<String> all = new ArrayList<>(names.keySet());
    if (table == CanonicalTable.ACTIVITY) {
      all.add("attributes.KEY");
    }
    return all;
  }

  @Override
  public String description() {
    return "the " + table.tableName() + " table";
  }
}
