package dev.spotlight.connectors.files;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The records of one file left out for their number of fields: how they are counted, worded as an
 * error, and how the rows read around them get back their own record numbers. Shared by the
 * connectors that read CSV ({@code mapped}, {@code fixmystreet-csv}, {@code open-repair}).
 */
public final class RaggedRows {

  /** The skip reason, as counted in the pull summary and the manifest. */
  public static final String REASON = "wrong number of fields";

  private static final int CHUNK = 10_000;

  private RaggedRows() {}

  /** The ragged records of file {@code fileIdx}, in file order. */
  public record InFile(int fileIdx, Path file, List<RaggedRecord> records) {

    /** Whether this file's first ragged record comes before record {@code row} of file {@code otherFile}. */
    public boolean isBefore(int otherFile, long row) {
      return fileIdx < otherFile || fileIdx == otherFile && records.get(0).row() < row;
    }

    public SpotlightException error() {
      RaggedRecord r = records.get(0);
      return new SpotlightException(ExitKind.DATA, new Location(file.toString(), (int) Math.min(r.line(), Integer.MAX_VALUE), 0),
          "expected " + r.expected() + " fields, found " + r.found(),
          "check the delimiter and quoting of this line, or set on_bad_row: skip to skip and count such rows");
    }
  }

  /**
   * Gives the rows of file {@code fileIdx} in {@code table} (columns {@code __file_idx} and {@code __row}), numbered 1, 2, ... as read,
   * their record numbers in the file: the k-th row read is record k plus the number of ragged
   * records before it, i.e. those whose {@code row - (their position among the ragged)} is below k.
   */
  public static void renumber(Connection c, String table, int fileIdx, List<RaggedRecord> ragged) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_ragged (shift BIGINT)");
      for (int from = 0; from < ragged.size(); from += CHUNK) {
        String values = IntStream.range(from, Math.min(from + CHUNK, ragged.size()))
            .mapToObj(i -> Long.toString(ragged.get(i).row() - (i + 1)))
            .collect(Collectors.joining(", "));
        s.execute("INSERT INTO spotlight_ragged SELECT unnest([" + values + "]::BIGINT[])");
      }
    }
    // an ASOF join finds each row's last shift below it (a correlated count is ~40 times slower)
    try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET __row = " + table + ".__row + x.n FROM ("
        + "SELECT m.__row AS old_row, s.n FROM " + table + " m ASOF JOIN (SELECT DISTINCT shift, count(*) OVER (ORDER BY shift) AS n"
        + " FROM spotlight_ragged) s ON m.__row > s.shift WHERE m.__file_idx = ?) x"
        + " WHERE " + table + ".__file_idx = ? AND " + table + ".__row = x.old_row")) {
      p.setInt(1, fileIdx);
      p.setInt(2, fileIdx);
      p.executeUpdate();
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE spotlight_ragged");
    }
  }

}
