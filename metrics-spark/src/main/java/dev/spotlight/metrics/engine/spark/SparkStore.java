package dev.spotlight.metrics.engine.spark;

import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The store's tables as Spark temporary views, read from the same Parquet files DuckDB reads: the
 * schema is given, not inferred, so no file is opened before the query runs and the {@code
 * source=} and {@code month=} folder values stay text.
 */
final class SparkStore {

  private SparkStore() {}

  /** The Spark type DuckDB writes a canonical column as. */
  static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INTEGER -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case DECIMAL -> DataTypes.createDecimalType(18, 2);
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case STRING_MAP -> DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
    };
  }

  /** The table's columns as files hold them, then its folder columns. */
  static StructType fileSchema(CanonicalTable table) {
    List<StructField> fields = new ArrayList<>();
    for (CanonicalColumn c : table.columns()) {
      if (!c.name().equals("source")) {
        fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true));
      }
    }
    fields.add(DataTypes.createStructField("source", DataTypes.StringType, true));
    if (table == CanonicalTable.ACTIVITY) {
      fields.add(DataTypes.createStructField("month", DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /** Defines view {@code name} over {@code files} (below {@code tableDir}) with the table's canonical columns, in order. */
  static void defineView(SparkSession session, String name, CanonicalTable table, Path tableDir, List<Path> files) {
    Dataset<Row> data;
    if (files.isEmpty()) {
      data = session.createDataFrame(List.of(), fileSchema(table));
    } else {
      String[] paths = files.stream().map(f -> f.toAbsolutePath().toUri().toString()).toArray(String[]::new);
      data = session.read().schema(fileSchema(table)).option("basePath", tableDir.toAbsolutePath().toUri().toString()).parquet(paths);
    }
    Column[] cols = table.columns().stream().map(c -> functions.col(c.name())).toArray(Column[]::new);
    data.select(cols).createOrReplaceTempView(name);
  }
}
