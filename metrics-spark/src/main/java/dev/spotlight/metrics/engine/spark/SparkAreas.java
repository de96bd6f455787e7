package dev.spotlight.metrics.engine.spark;

import dev.spotlight.metrics.engine.AreasLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The areas reference file as the Spark view {@code areas}. It is read and checked exactly as the
 * DuckDB engine does it (same rules, same error lines), then handed to Spark: it is small, and the
 * driver reads it, so executors never need the file.
 */
final class SparkAreas {

  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("area_code", DataTypes.StringType, true),
      DataTypes.createStructField("name", DataTypes.StringType, true),
      DataTypes.createStructField("local_authority", DataTypes.StringType, true),
      DataTypes.createStructField("population", DataTypes.LongType, true),
      DataTypes.createStructField("deprivation_decile", DataTypes.LongType, true)));

  private SparkAreas() {}

  /** {@code checked}: where checked areas files are remembered (see {@link AreasLoader}), or null. */
  static void define(SparkSession session, Path file, Path checked) {
    List<Row> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      AreasLoader.load(c, file, checked);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT area_code, name, local_authority, population, deprivation_decile FROM areas")) {
        while (rs.next()) {
          rows.add(RowFactory.create(rs.getString(1), rs.getString(2), rs.getString(3), whole(rs.getObject(4)), whole(rs.getObject(5))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the checked areas table: " + e.getMessage(), e);
    }
    session.createDataFrame(rows, SCHEMA).createOrReplaceTempView("areas");
  }

  private static Long whole(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }
}
