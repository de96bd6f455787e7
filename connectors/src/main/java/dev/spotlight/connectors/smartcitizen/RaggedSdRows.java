package dev.spotlight.connectors.smartcitizen;

import dev.spotlight.connectors.canonical.DuckDbErrors;
import dev.spotlight.connectors.canonical.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * With {@code on_bad_row: skip}, data rows whose number of fields differs from the header's are left
 * out of an SD-card file's read: DuckDB stores them as rejects, Java finds which rows they were, and
 * the rows read after them get back their own row numbers. Any other structural fault still fails.
 */
final class RaggedSdRows {

  private static final Set<String> FIELD_COUNT_ERRORS = Set.of("TOO MANY COLUMNS", "MISSING COLUMNS");

  private RaggedSdRows() {}

  /** read_csv options that leave ragged rows out, storing them in file {@code idx}'s rejects table. */
  static String readOptions(int idx) {
    return ", store_rejects = true, rejects_table = " + Sql.literal(table(idx)) + ", rejects_scan = " + Sql.literal(table(idx) + "_scans");
  }

  private static String table(int idx) {
    return "sc_rejects_" + idx;
  }

  /**
   * After {@code sc_raw} was read with {@link #readOptions}: renumbers its rows around the rows left
   * out and returns how many were left out. Other rejects, or rejects Java cannot place, are thrown as
   * the strict read ({@code strictRead}) words them.
   */
  static int leaveOut(Connection c, int idx, SdCardFile file, String strictRead) throws SQLException {
    long rejected = 0;
    boolean otherFault = false;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT line_byte_position, bool_and(error_type IN ("
            + FIELD_COUNT_ERRORS.stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")) FROM " + table(idx) + " GROUP BY 1")) {
      while (rs.next()) {
        rejected++;
        otherFault |= !rs.getBoolean(2);
      }
    }
    if (rejected == 0) {
      return 0;
    }
    List<Long> ragged = file.raggedRows();
    if (otherFault || ragged.size() != rejected) {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT count(*) FROM " + strictRead);
      } catch (SQLException e) {
        throw DuckDbErrors.readError(e, file.shown());
      }
      throw new IllegalStateException("DuckDB left out " + rejected + " rows of " + file.shown() + " that a strict read accepts");
    }
    // the k-th row read is row k plus the left-out rows before it: those whose (row - its place among them) is below k
    String shifts = IntStream.range(0, ragged.size()).mapToObj(i -> Long.toString(ragged.get(i) - (i + 1))).collect(Collectors.joining(", "));
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE sc_ragged AS SELECT unnest([" + shifts + "]::BIGINT[]) AS shift");
      s.execute("UPDATE sc_raw SET row_no = sc_raw.row_no + x.n FROM (SELECT r.row_no AS old_row, g.n FROM sc_raw r ASOF JOIN"
          + " (SELECT DISTINCT shift, count(*) OVER (ORDER BY shift) AS n FROM sc_ragged) g ON r.row_no > g.shift) x"
          + " WHERE sc_raw.row_no = x.old_row");
      s.execute("DROP TABLE sc_ragged");
    }
    return ragged.size();
  }
}
