package dev.spotlight.connectors.yourpriorities;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorOption;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.Checksums;
import dev.spotlight.connectors.files.FileGlob;
import dev.spotlight.connectors.files.FileOrigin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The Your Priorities (Citizens Foundation; Betri Reykjavík) group export: an XLSX workbook with a
 * posts sheet and a points sheet. Each post is an {@code idea.submitted}, its up and down vote counts
 * are one {@code vote.cast} each (quantity = the count), and each point is an {@code idea.debated}.
 * Java streams the two sheets to CSV; DuckDB reads, judges and maps every row.
 */
public final class YourPrioritiesConnector implements Connector {

  @Override
  public String id() {
    return "your-priorities";
  }

  @Override
  public String description() {
    return "Your Priorities / Betri Reykjavik group export (XLSX): idea.submitted per post, vote.cast per up/down vote count, idea.debated per point";
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "path or glob (or a list) of .xlsx group exports, relative to the project file"),
        new ConnectorOption("posts_sheet", false, "the posts sheet's name; default the first sheet whose name starts with 'Posts'"),
        new ConnectorOption("points_sheet", false, "the points sheet's name; default the first sheet whose name starts with 'Points'"),
        new ConnectorOption("area_column", false, "a posts-sheet column whose value becomes area_code (e.g. a neighbourhood question)"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    YourPrioritiesOptions.parse(source.options(), problems);
    if (source.grantee() == null) {
      problems.add(source.location(), "source '" + source.name() + "' has no grantee", "add grantee: to the source");
    }
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    validate(source, problems);
    problems.throwIfAny();
    YourPrioritiesOptions options = YourPrioritiesOptions.parse(source.options(), problems);
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    Connection c = context.connection();
    try {
      createWorkTables(c);
      List<ExportFile> inputs = new ArrayList<>();
      List<PullResult.InputFile> inputFiles = new ArrayList<>();
      long read = 0;
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        CompletableFuture<String> sha = Checksums.sha256Async(file);
        ExportFile in = ExportFile.open(c, file, options, context.scratchDir(), i);
        String origin = FileOrigin.of(source.projectDir(), file);
        long n = insert(c, "yp_posts", i, origin, in.posts(), in.postColumns())
            + insert(c, "yp_points", i, origin, in.points(), in.pointColumns());
        inputs.add(in);
        read += n;
        inputFiles.add(new PullResult.InputFile(file.toString(), sha.join(), n));
        context.progress().recordsRead(source.name(), read);
      }
      return judgeAndStage(c, source, options, inputs, inputFiles, read);
    } catch (SQLException e) {
      throw new IllegalStateException("your-priorities source '" + source.name() + "' failed in DuckDB: " + e.getMessage(), e);
    }
  }

  private static void createWorkTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE yp_posts (file INTEGER, sheet_row BIGINT, origin VARCHAR, "
          + columnsDdl(ExportColumns.POSTS) + ", area VARCHAR)");
      s.execute("CREATE OR REPLACE TEMP TABLE yp_points (file INTEGER, sheet_row BIGINT, origin VARCHAR, " + columnsDdl(ExportColumns.POINTS) + ")");
    }
  }

  private static String columnsDdl(Map<String, String> columns) {
    return columns.keySet().stream().map(k -> k + " VARCHAR").collect(Collectors.joining(", "));
  }

  private static long insert(Connection c, String table, int file, String origin, ExportSheet sheet, Map<String, Optional<String>> columns)
      throws SQLException {
    String values = columns.values().stream().map(sheet::text).collect(Collectors.joining(", "));
    String sql = "INSERT INTO " + table + " SELECT " + file + ", __row, CAST(? AS VARCHAR), " + values + " FROM " + sheet.relation();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, origin);
      return p.executeUpdate();
    }
  }

  private PullResult judgeAndStage(Connection c, SourceSpec source, YourPrioritiesOptions options, List<ExportFile> inputs,
      List<PullResult.InputFile> inputFiles, long read) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(ExportSql.CHECK_POSTS);
      s.execute(ExportSql.CHECK_POINTS);
      s.execute("DROP TABLE yp_posts");
      s.execute("DROP TABLE yp_points");
    }
    Map<String, Long> skipped = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT error, count(*) FROM (SELECT error FROM yp_posts_checked UNION ALL SELECT error FROM yp_points_checked)"
            + " WHERE error IS NOT NULL GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        skipped.put(rs.getString(1), rs.getLong(2));
      }
    }
    if (!skipped.isEmpty() && !options.skipBadRows()) {
      throw BadExportRow.first(c, inputs);
    }
    StagingTables.create(c, CanonicalTable.ACTIVITY);
    try (PreparedStatement p = c.prepareStatement(ExportSql.STAGE)) {
      for (int i = 1; i <= ExportSql.STAGE_GRANTEE_PARAMS; i++) {
        p.setString(i, source.grantee());
      }
      p.executeUpdate();
    }
    long kept;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM yp_posts_checked WHERE error IS NULL)"
            + " + (SELECT count(*) FROM yp_points_checked WHERE error IS NULL)")) {
      rs.next();
      kept = rs.getLong(1);
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE yp_posts_checked");
      s.execute("DROP TABLE yp_points_checked");
    }
    return new PullResult(inputFiles, read, kept, skipped, 0);
  }
}
