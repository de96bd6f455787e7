package dev.spotlight.common.store;

/** The logical type of a canonical column, as the metric language sees it. */
public enum ColumnType {
  STRING("VARCHAR"),
  INTEGER("BIGINT"),
  DOUBLE("DOUBLE"),
  DECIMAL("DECIMAL(18,2)"),
  DATE("DATE"),
  TIMESTAMP("TIMESTAMPTZ"),
  STRING_MAP("MAP(VARCHAR, VARCHAR)");

  private final String duckdbType;

  ColumnType(String duckdbType) {
    this.duckdbType = duckdbType;
  }

  /** The DuckDB type used when the column is written to Parquet. */
  public String duckdbType() {
    return duckdbType;
  }

  public boolean isNumeric() {
    return this == INTEGER || this == DOUBLE || this == DECIMAL;
  }
}
