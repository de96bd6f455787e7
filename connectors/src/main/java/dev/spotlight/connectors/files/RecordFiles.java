package dev.spotlight.connectors.files;

import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.DuckDbErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pull loop file connectors share: read every input file into one raw DuckDB table (hashing each
 * file while it is read, counting its records and reporting progress), judge the records (each bad
 * one gets an index into the connector's reasons in an {@code __error} column), stop at the first bad
 * record unless {@code on_bad_row: skip}, and report what was read, kept, skipped and filtered.
 * CSV records with the wrong number of fields are left out of the raw table as they are read
 * ({@link #leaveOut}) and judged with the others, in file order.
 */
public final class RecordFiles {

  /** Reads file number {@code index} into the connector's raw table; returns how many records it held. */
  @FunctionalInterface
  public interface FileReader {
    long read(int index, Path file, String origin) throws SQLException;
  }

  /** Turns the first bad record (the current row of the connector's first-bad query) into the error to stop with. */
  @FunctionalInterface
  public interface BadRecord {
    SpotlightException describe(ResultSet row) throws SQLException;
  }

  /** The connector's work on one source, in DuckDB. */
  @FunctionalInterface
  public interface Work {
    PullResult run(RecordFiles records) throws SQLException;
  }

  private final SourceSpec source;
  private final PullContext context;
  private final List<PullResult.InputFile> inputs = new ArrayList<>();
  private final List<RaggedRows.InFile> ragged = new ArrayList<>();
  private long read;

  private RecordFiles(SourceSpec source, PullContext context) {
    this.source = source;
    this.context = context;
  }

  /** Runs {@code work}; a DuckDB failure that is not about an input file is an internal error naming connector and source. */
  public static PullResult pull(String connector, SourceSpec source, PullContext context, Work work) {
    try {
      return work.run(new RecordFiles(source, context));
    } catch (SQLException e) {
      throw new IllegalStateException(connector + " source '" + source.name() + "' failed in DuckDB: " + e.getMessage(), e);
    }
  }

  public Connection connection() {
    return context.connection();
  }

  public PullContext context() {
    return context;
  }

  /** Reads the files in order with {@code reader}; a DuckDB error while reading one is bad input naming that file. */
  public void readAll(List<Path> files, FileReader reader) {
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      CompletableFuture<String> sha = Checksums.sha256Async(file);
      long n;
      try {
        n = reader.read(i, file, FileOrigin.of(source.projectDir(), file));
      } catch (SQLException e) {
        throw DuckDbErrors.readError(e, file.toString());
      }
      read += n;
      inputs.add(new PullResult.InputFile(file.toString(), sha.join(), n));
      context.progress().recordsRead(source.name(), read);
    }
  }

  /** Lists a file that was read but holds no records of its own (e.g. a lookup list) with the inputs. */
  public void addInput(PullResult.InputFile input) {
    inputs.add(input);
  }

  /**
   * Records that the read of file {@code fileIdx} into {@code table} left out {@code records} for
   * their number of fields: the rows read around them get back their own record numbers, and
   * {@link #judge} counts them (or stops at the first). Returns how many there were, to add to the
   * file's records.
   */
  public long leaveOut(String table, int fileIdx, Path file, List<RaggedRecord> records) throws SQLException {
    if (records.isEmpty()) {
      return 0;
    }
    RaggedRows.renumber(connection(), table, fileIdx, records);
    ragged.add(new RaggedRows.InFile(fileIdx, file, records));
    return records.size();
  }

  /**
   * Counts the bad records of {@code table} per reason ({@code __error} indexes {@code reasons}); when
   * there are some and {@code skipBad} is false, stops with what {@code describe} makes of the first
   * row of {@code firstBadSql}. Records left out for their number of fields count as bad too; the
   * one that comes first in file order (by {@code __file_idx} and {@code __row} of {@code table}) is
   * the one reported.
   */
  public Map<String, Long> judge(String table, List<String> reasons, boolean skipBad, String firstBadSql, BadRecord describe)
      throws SQLException {
    Map<String, Long> skipped = new LinkedHashMap<>();
    try (Statement s = connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT __error, count(*) FROM " + table + " WHERE __error IS NOT NULL GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        skipped.put(reasons.get(rs.getInt(1)), rs.getLong(2));
      }
    }
    long raggedCount = ragged.stream().mapToLong(r -> r.records().size()).sum();
    if (raggedCount > 0) {
      skipped.merge(RaggedRows.REASON, raggedCount, Long::sum);
    }
    if (!skipped.isEmpty() && !skipBad) {
      if (!ragged.isEmpty() && raggedComesFirst(table)) {
        throw ragged.get(0).error();
      }
      try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(firstBadSql)) {
        rs.next();
        throw describe.describe(rs);
      }
    }
    return skipped;
  }

  private boolean raggedComesFirst(String table) throws SQLException {
    try (Statement s = connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT __file_idx, __row FROM " + table + " WHERE __error IS NOT NULL ORDER BY 1, 2 LIMIT 1")) {
      return !rs.next() || ragged.get(0).isBefore(rs.getInt(1), rs.getLong(2));
    }
  }

  /** The single number {@code sql} selects. */
  public long count(String sql) throws SQLException {
    try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs each statement in order. */
  public void execute(String... sql) throws SQLException {
    try (Statement s = connection().createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  /** What the pull read (the files and their records) and {@code kept}, {@code skipped}, {@code filtered}. */
  public PullResult result(long kept, Map<String, Long> skipped, long filtered) {
    return new PullResult(inputs, read, kept, skipped, filtered);
  }
}
