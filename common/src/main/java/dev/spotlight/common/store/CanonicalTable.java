package dev.spotlight.common.store;

import java.util.List;
import java.util.Optional;

/** The canonical tables of SPEC §3: the one definition connectors write and engines read. */
public enum CanonicalTable {
  ACTIVITY(
      "activity",
      List.of(
          col("source", ColumnType.STRING, true),
          col("event_id", ColumnType.STRING, true),
          col("platform_kind", ColumnType.STRING, false),
          col("grantee", ColumnType.STRING, true),
          col("event_type", ColumnType.STRING, true),
          col("outcome", ColumnType.STRING, false),
          col("occurred_at", ColumnType.TIMESTAMP, true),
          col("occurred_on", ColumnType.DATE, true),
          col("participant", ColumnType.STRING, false),
          col("counterpart", ColumnType.STRING, false),
          col("area_code", ColumnType.STRING, false),
          col("lat", ColumnType.DOUBLE, false),
          col("lon", ColumnType.DOUBLE, false),
          col("quantity", ColumnType.DOUBLE, false),
          col("amount", ColumnType.DECIMAL, false),
          col("currency", ColumnType.STRING, false),
          col("attributes", ColumnType.STRING_MAP, false),
          col("origin", ColumnType.STRING, false),
          col("origin_row", ColumnType.INTEGER, false))),
  COSTS(
      "costs",
      List.of(
          col("source", ColumnType.STRING, true),
          col("cost_id", ColumnType.STRING, true),
          col("grantee", ColumnType.STRING, true),
          col("period_start", ColumnType.DATE, true),
          col("period_end", ColumnType.DATE, true),
          col("amount", ColumnType.DECIMAL, true),
          col("currency", ColumnType.STRING, false),
          col("category", ColumnType.STRING, false),
          col("funder", ColumnType.STRING, false),
          col("reference", ColumnType.STRING, false),
          col("origin", ColumnType.STRING, false),
          col("origin_row", ColumnType.INTEGER, false)));

  /** Cost categories SPEC §3 names. */
  public static final List<String> COST_CATEGORIES =
      List.of("grant", "staff", "in_kind", "match_public", "match_crowd", "other");

  private final String tableName;
  private final List<CanonicalColumn> columns;

  CanonicalTable(String tableName, List<CanonicalColumn> columns) {
    this.tableName = tableName;
    this.columns = columns;
  }

  private static CanonicalColumn col(String name, ColumnType type, boolean required) {
    return new CanonicalColumn(name, type, required);
  }

  public String tableName() {
    return tableName;
  }

  public List<CanonicalColumn> columns() {
    return columns;
  }

  public Optional<CanonicalColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(CanonicalColumn::name).toList();
  }

  public static Optional<CanonicalTable> byName(String name) {
    for (CanonicalTable t : values()) {
      if (t.tableName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
