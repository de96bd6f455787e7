package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorOption;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.DuckDbErrors;
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.Checksums;
import dev.spotlight.connectors.files.FileGlob;
import dev.spotlight.connectors.files.FileOrigin;
import dev.spotlight.connectors.files.RaggedRecord;
import dev.spotlight.connectors.files.RaggedRows;
import dev.spotlight.connectors.files.TextEncoding;
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
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The generic connector of SPEC §1.1: CSV, JSON or XLSX exports mapped to the canonical tables by
 * a declarative mapping. All row work runs in DuckDB; bad rows stop the pull with file, line and
 * column, or are skipped and counted with {@code on_bad_row: skip}.
 */
public final class MappedConnector implements Connector {

  @Override
  public String id() {
    return "mapped";
  }

  @Override
  public String description() {
    return "any CSV, JSON (array or NDJSON) or XLSX export, mapped to activity or costs columns";
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "path or glob (or a list), relative to the project file"),
        new ConnectorOption("format", false, "csv | json | xlsx; default from the file extension"),
        new ConnectorOption("delimiter", false, "csv field delimiter; default ',' (\\t for tab)"),
        new ConnectorOption("encoding", false, "csv text encoding; default UTF-8 (a BOM is accepted)"),
        new ConnectorOption("header", false, "csv has a header row; default true (else columns are column1, column2, ...)"),
        new ConnectorOption("sheet", false, "xlsx sheet name; default the first sheet"),
        new ConnectorOption("table", false, "activity (default) or costs"),
        new ConnectorOption("platform_kind", false, "platform kind of every row (sharing, repair, ...)"),
        new ConnectorOption("mapping", true, "canonical column -> source column, constant or value map"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    MappedOptions options = MappedOptions.parse(source.options(), problems);
    if (options != null && source.grantee() == null && !options.mapping().fields().containsKey("grantee")) {
      problems.add(source.location(), "source '" + source.name() + "' has no grantee", "add grantee: to the source or map a grantee column");
    }
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    validate(source, problems);
    problems.throwIfAny();
    MappedOptions options = MappedOptions.parse(source.options(), problems);
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    MappingSql mapping = new MappingSql(options.mapping(), source.grantee(), options.platformKind());
    Connection c = context.connection();
    try {
      createWorkTables(c, options, mapping);
      List<RawFile> raws = new ArrayList<>();
      List<PullResult.InputFile> inputs = new ArrayList<>();
      List<RaggedRows.InFile> ragged = new ArrayList<>();
      long read = 0;
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        CompletableFuture<String> sha = Checksums.sha256Async(file);
        RawFile raw = open(c, file, options, context.scratchDir().resolve("file-" + i + ".csv"));
        requireColumns(raw, options.mapping(), file);
        List<Object> params = new ArrayList<>();
        String sql = "INSERT INTO spotlight_mapped " + mapping.select(raw, i, params);
        long n;
        try (PreparedStatement p = c.prepareStatement(sql)) {
          bind(p, params);
          n = p.executeUpdate();
        } catch (SQLException e) {
          throw DuckDbErrors.readError(e, file.toString());
        }
        List<RaggedRecord> fileRagged = raw.raggedRecords(c);
        if (!fileRagged.isEmpty()) {
          RaggedRows.renumber(c, "spotlight_mapped", i, fileRagged);
          ragged.add(new RaggedRows.InFile(i, file, fileRagged));
          n += fileRagged.size();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO spotlight_files VALUES (?, ?)")) {
          p.setInt(1, i);
          p.setString(2, FileOrigin.of(source.projectDir(), file));
          p.execute();
        }
        raws.add(raw);
        read += n;
        inputs.add(new PullResult.InputFile(file.toString(), sha.join(), n));
        context.progress().recordsRead(source.name(), read);
      }
      return judgeAndStage(c, options, mapping, raws, ragged, inputs, read);
    } catch (SQLException e) {
      throw new IllegalStateException("mapping source '" + source.name() + "' failed in DuckDB: " + e.getMessage(), e);
    }
  }


  private static void createWorkTables(Connection c, MappedOptions options, MappingSql mapping) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    types.put("__file_idx", "INTEGER");
    types.put("__row", "BIGINT");
    for (CanonicalColumn col : MappingSpec.targets(options.table())) {
      types.put(col.name(), col.type().duckdbType());
    }
    for (String col : mapping.mappedColumns()) {
      types.putIfAbsent(col, col.equals("attributes") ? "MAP(VARCHAR, VARCHAR)" : col.endsWith("__unmapped") ? "BOOLEAN" : "VARCHAR");
    }
    String ddl = mapping.mappedColumns().stream().map(n -> Sql.identifier(n) + " " + types.get(n)).collect(Collectors.joining(", "));
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_mapped (" + ddl + ")");
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_files (idx INTEGER, origin VARCHAR)");
    }
  }

  private static RawFile open(Connection c, Path file, MappedOptions options, Path scratch) {
    String shown = file.toString();
    return switch (options.formatOf(file.getFileName().toString())) {
      case JSON -> new JsonFile(c, file, shown, options.mapping().sourceColumns());
      case XLSX -> {
        XlsxSheetToCsv.convert(file, options.sheet(), scratch);
        yield new CsvFile(c, scratch, shown, ",", true, XlsxSheetToCsv.ROW_COLUMN, false);
      }
      case CSV -> {
        Path utf8 = TextEncoding.utf8(file, options.encoding(), scratch);
        yield new CsvFile(c, utf8, shown, options.delimiter(), options.header(), null, true);
      }
    };
  }

  private static void requireColumns(RawFile raw, MappingSpec mapping, Path file) {
    for (String col : mapping.sourceColumns()) {
      if (!raw.columns().contains(col)) {
        String hint = DidYouMean.closest(col, raw.columns()).map(x -> "did you mean '" + x + "'?")
            .orElse("the file has: " + String.join(", ", raw.columns()));
        throw new SpotlightException(ExitKind.DATA, Location.of(file), "the mapping names column '" + col + "' but the file has no such column", hint);
      }
    }
  }

  private PullResult judgeAndStage(
      Connection c, MappedOptions options, MappingSql mapping, List<RawFile> raws, List<RaggedRows.InFile> ragged,
      List<PullResult.InputFile> inputs, long read)
      throws SQLException {
    List<MappingSql.Check> checks = mapping.checks();
    List<MappingSql.Check> errors = checks.stream().filter(k -> k.kind() == MappingSql.Kind.ERROR).toList();
    String filter = checks.stream().filter(k -> k.kind() == MappingSql.Kind.FILTER)
        .map(k -> "coalesce(" + k.condition() + ", false)").collect(Collectors.joining(" OR "));
    StringBuilder error = new StringBuilder("CASE");
    for (int i = 0; i < errors.size(); i++) {
      error.append(" WHEN ").append(errors.get(i).condition()).append(" THEN ").append(i);
    }
    error.append(" END");
    String key = options.table() == CanonicalTable.ACTIVITY ? "event_id" : "cost_id";
    try (Statement s = c.createStatement()) {
      // a view, not a table: the checks are cheap to re-evaluate, and copying every row again is not
      s.execute("CREATE OR REPLACE TEMP VIEW spotlight_checked AS SELECT *, " + (filter.isEmpty() ? "false" : filter)
          + " AS __filtered, " + (errors.isEmpty() ? "CAST(NULL AS INTEGER)" : error) + " AS __error FROM spotlight_mapped");
    }
    long filtered = 0;
    long good = 0;
    Map<String, Long> skipped = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT __filtered, __error, count(*) FROM spotlight_checked GROUP BY ALL ORDER BY 2")) {
      while (rs.next()) {
        int errorIndex = rs.getInt(2);
        boolean noError = rs.wasNull();
        if (rs.getBoolean(1)) {
          filtered += rs.getLong(3);
        } else if (noError) {
          good += rs.getLong(3);
        } else {
          skipped.merge(errors.get(errorIndex).reason(), rs.getLong(3), Long::sum);
        }
      }
    }
    long raggedCount = ragged.stream().mapToLong(r -> r.records().size()).sum();
    if (raggedCount > 0) {
      skipped.merge(RaggedRows.REASON, raggedCount, Long::sum);
    }
    if (!skipped.isEmpty() && !options.skipBadRows()) {
      throw firstBadRow(c, errors, raws, options.mapping(), mapping, ragged.isEmpty() ? null : ragged.get(0));
    }
    String isGood = "NOT __filtered AND __error IS NULL";
    long duplicates = scalar(c, "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM spotlight_checked WHERE " + isGood
        + " GROUP BY " + key + " HAVING count(*) > 1)");
    if (duplicates > 0) {
      if (!options.skipBadRows()) {
        throw firstDuplicate(c, key, raws, options.mapping(), isGood);
      }
      skipped.put("duplicate " + key, duplicates);
    }
    String targets = StagingTables.columns(options.table()).stream()
        .map(col -> switch (col.name()) {
          case "origin" -> "f.origin";
          case "origin_row" -> "g.__row";
          default -> "g." + Sql.identifier(col.name());
        } + " AS " + Sql.identifier(col.name()))
        .collect(Collectors.joining(", "));
    StagingTables.create(c, options.table());
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO " + StagingTables.name(options.table()) + " SELECT " + targets
          + " FROM spotlight_checked g JOIN spotlight_files f ON f.idx = g.__file_idx WHERE " + isGood
          + (duplicates > 0 ? " QUALIFY row_number() OVER (PARTITION BY g." + key + " ORDER BY g.__file_idx, g.__row) = 1" : ""));
      s.execute("DROP VIEW spotlight_checked");
      s.execute("DROP TABLE spotlight_mapped");
    }
    long kept = good - duplicates;
    return new PullResult(inputs, read, kept, skipped, filtered);
  }

  private static SpotlightException firstBadRow(
      Connection c, List<MappingSql.Check> errors, List<RawFile> raws, MappingSpec spec, MappingSql mapping, RaggedRows.InFile ragged)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM spotlight_checked WHERE NOT __filtered AND __error IS NOT NULL ORDER BY __file_idx, __row LIMIT 1")) {
      boolean mappingError = rs.next();
      if (ragged != null && (!mappingError || ragged.isBefore(rs.getInt("__file_idx"), rs.getLong("__row")))) {
        return ragged.error();
      }
      MappingSql.Check check = errors.get(rs.getInt("__error"));
      RawFile raw = raws.get(rs.getInt("__file_idx"));
      long row = rs.getLong("__row");
      FieldMapping f = spec.fields().get(check.field());
      String column = f == null ? null : f.column();
      String value = column == null || !mapping.keepsRaw(check.field(), f) ? null : rs.getString(check.field() + "__raw");
      Location at = raw.locate(row, column);
      String prefix = at.line() > 0 ? "" : raw.recordWord() + " " + row + ": ";
      return new SpotlightException(ExitKind.DATA, at, prefix + describe(check, column, value, f), "fix the row, or set on_bad_row: skip to skip and count such rows");
    }
  }

  private static String describe(MappingSql.Check check, String column, String value, FieldMapping f) {
    String where = column == null ? "" : " in column '" + column + "'";
    if (check.reason().startsWith("missing")) {
      return check.field() + " is empty" + where;
    }
    if (check.reason().startsWith("unmapped")) {
      return "value '" + value + "'" + where + " is not listed in values: for " + check.field();
    }
    if (check.reason().startsWith("unreadable")) {
      String format = f instanceof FieldMapping.FromColumn fc && fc.format() != null ? " with format '" + fc.format() + "'" : "";
      return "cannot read '" + value + "' as " + check.field() + format + where;
    }
    return check.reason() + where;
  }

  private static SpotlightException firstDuplicate(Connection c, String key, List<RawFile> raws, MappingSpec mapping, String good)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + key + ", __file_idx, __row, first_file, first_row FROM (SELECT " + key
            + ", __file_idx, __row, row_number() OVER w AS rank, first_value(__file_idx) OVER w AS first_file, first_value(__row) OVER w AS first_row"
            + " FROM spotlight_checked WHERE " + good + " WINDOW w AS (PARTITION BY " + key + " ORDER BY __file_idx, __row))"
            + " WHERE rank = 2 ORDER BY __file_idx, __row LIMIT 1")) {
      rs.next();
      String column = mapping.fields().get(key).column();
      Location at = raws.get(rs.getInt(2)).locate(rs.getLong(3), column);
      Location first = raws.get(rs.getInt(4)).locate(rs.getLong(5), column);
      return new SpotlightException(ExitKind.DATA, at, "duplicate " + key + " '" + rs.getString(1) + "' (first seen at " + first.render() + ")",
          "each " + key + " must be unique within a source; set on_bad_row: skip to keep the first");
    }
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void bind(PreparedStatement p, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      p.setObject(i + 1, params.get(i));
    }
  }
}
