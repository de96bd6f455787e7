package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.Location;
import dev.spotlight.connectors.files.RaggedRecord;
import java.sql.Connection;
import java.util.List;

/**
 * One export file as DuckDB reads it: a relation with a record number {@code __row} and text
 * columns, and how records map back to lines and columns for error messages.
 */
public interface RawFile {

  /** A FROM-clause relation with {@code __row} and the file's columns. */
  String relationSql();

  /** SQL yielding the text of source column {@code name} (trimmed, empty as null) from the relation. */
  String columnSql(String name);

  /**
   * The text of {@code column} with surrounding spaces removed and empty as null. Trimming is by far
   * the dearest step of mapping, so only values that start or end with a space are trimmed.
   */
  static String cleaned(String column) {
    return "CASE WHEN " + column + " = '' THEN NULL WHEN starts_with(" + column + ", ' ') OR ends_with(" + column + ", ' ') THEN nullif(trim("
        + column + "), '') ELSE " + column + " END";
  }

  /** The columns the file has. */
  List<String> columns();

  /** Where record {@code row} and column {@code name} are, for an error. */
  Location locate(long row, String name);

  /**
   * The records the read of {@link #relationSql()} left out for their number of fields, in file
   * order; asked once, after the relation was read. Any other structural fault is thrown as bad input.
   */
  default List<RaggedRecord> raggedRecords(Connection c) {
    return List.of();
  }

  /** A short word for one record in messages ("line", "record", "row"). */
  default String recordWord() {
    return "line";
  }
}
