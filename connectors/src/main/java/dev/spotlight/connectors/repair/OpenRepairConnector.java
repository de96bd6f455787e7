package dev.spotlight.connectors.repair;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorOption;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.FileGlob;
import dev.spotlight.connectors.files.RecordFiles;
import dev.spotlight.connectors.mapped.CsvFile;
import dev.spotlight.connectors.mapped.JsonFile;
import dev.spotlight.connectors.mapped.RawFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Open Repair Data Standard (ORDS v0.1 to v0.3) records from repair cafés, as CSV or JSON. Every
 * record is a {@code repair.attempted} (event id = the record's id); a fixed one is also a
 * {@code repair.fixed} (event id = id + {@code :fixed}). Dates are local midnight. The free-text
 * {@code problem} is never read. All row work runs in DuckDB.
 */
public final class OpenRepairConnector implements Connector {

  /** Logical fields and the header names (compared without case, spaces or punctuation) that carry them. */
  enum Field {
    ID("id", true, "id", "idords"),
    DATE("event_date", true, "eventdate", "date"),
    STATUS("repair_status", true, "repairstatus"),
    CATEGORY("product_category", false, "productcategory"),
    GROUP("group_identifier", false, "groupidentifier"),
    BRAND("brand", false, "brand");

    final String name;
    final boolean required;
    final List<String> aliases;

    Field(String name, boolean required, String... aliases) {
      this.name = name;
      this.required = required;
      this.aliases = List.of(aliases);
    }
  }

  static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?$";

  /** Why a record is bad, in the order a record is judged (the index is stored per record). */
  static final List<String> REASONS = List.of("missing id", "missing event_date", "unreadable event_date", "duplicate id");

  @Override
  public String id() {
    return "open-repair";
  }

  @Override
  public String description() {
    return "Open Repair Data Standard (v0.1-v0.3) CSV or JSON from repair cafes: repair.attempted, repair.fixed";
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "path or glob (or a list), relative to the project file"),
        new ConnectorOption("format", false, "csv | json; default from the file extension (.json, .ndjson, .jsonl are JSON)"),
        new ConnectorOption("fixed_statuses", false, "repair_status values (any case) that mean fixed; default [Fixed]"),
        new ConnectorOption("area_column", false, "column holding an area code for area_code; default none"),
        new ConnectorOption("participant_column", false, "column holding a person id (pseudonymised); default none"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    OpenRepairOptions.parse(source.options(), problems);
    if (source.grantee() == null) {
      problems.add(source.location(), "source '" + source.name() + "' has no grantee", "add grantee: to the source");
    }
  }

  /** One input file as read: its reader and which header names carry which field. */
  private record Input(Path path, RawFile raw, Map<Field, String> columns, String area, String participant) {

    String columnOf(int reason) {
      return reason == 0 || reason == 3 ? columns.get(Field.ID) : columns.get(Field.DATE);
    }
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    validate(source, problems);
    problems.throwIfAny();
    OpenRepairOptions options = OpenRepairOptions.parse(source.options(), problems);
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    return RecordFiles.pull(id(), source, context, records -> {
      Connection c = records.connection();
      records.execute("CREATE OR REPLACE TEMP TABLE spotlight_ords (__file_idx INTEGER, __row BIGINT, origin VARCHAR, id VARCHAR, date_raw VARCHAR,"
          + " occurred_at TIMESTAMPTZ, status VARCHAR, category VARCHAR, group_id VARCHAR, brand VARCHAR, area VARCHAR, participant VARCHAR)");
      List<Input> inputs = new ArrayList<>();
      records.readAll(files, (i, file, origin) -> {
        Input in = open(c, file, options);
        inputs.add(in);
        long n;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO spotlight_ords " + select(in, i))) {
          p.setString(1, origin);
          n = p.executeUpdate();
        }
        return n + records.leaveOut("spotlight_ords", i, file, in.raw().raggedRecords(c));
      });
      return judgeAndStage(records, source, options, inputs);
    });
  }

  private static Input open(Connection c, Path file, OpenRepairOptions options) {
    String shown = file.toString();
    boolean json = options.isJson(file.getFileName().toString());
    RawFile raw = json ? new JsonFile(c, file, shown, List.of()) : new CsvFile(c, file, shown, ",", true, null, true);
    List<String> header = raw.columns();
    Map<Field, String> columns = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      String found = f.aliases.stream().flatMap(a -> header.stream().filter(h -> normal(h).equals(a))).findFirst().orElse(null);
      if (found == null && f.required) {
        String hint = header.stream().filter(h -> DidYouMean.closest(f.name, List.of(h)).isPresent()).findFirst()
            .map(h -> "did you mean '" + h + "'? ").orElse("") + "the file has: " + String.join(", ", header);
        throw new SpotlightException(ExitKind.DATA, Location.of(file),
            "not an Open Repair Data file: no '" + f.name + "' column" + (f == Field.DATE ? " (nor 'date')" : ""), hint);
      }
      if (found != null) {
        columns.put(f, found);
      }
    }
    String area = named(options.areaColumn(), "area_column", header, file);
    String participant = named(options.participantColumn(), "participant_column", header, file);
    if (json) {
      List<String> wanted = new ArrayList<>(columns.values());
      if (area != null) {
        wanted.add(area);
      }
      if (participant != null) {
        wanted.add(participant);
      }
      raw = new JsonFile(c, file, shown, wanted);
    }
    return new Input(file, raw, columns, area, participant);
  }

  /** The header name a user option names (exact, else without case), or null when the option is unset. */
  private static String named(String wanted, String option, List<String> header, Path file) {
    if (wanted == null) {
      return null;
    }
    if (header.contains(wanted)) {
      return wanted;
    }
    return header.stream().filter(h -> h.equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> new SpotlightException(ExitKind.DATA,
        Location.of(file), option + " names column '" + wanted + "' but the file has no such column",
        DidYouMean.closest(wanted, header).map(x -> "did you mean '" + x + "'?").orElse("the file has: " + String.join(", ", header))));
  }

  static String normal(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String select(Input in, int fileIdx) {
    RawFile raw = in.raw();
    String id = text(raw, in.columns().get(Field.ID));
    String date = text(raw, in.columns().get(Field.DATE));
    String status = text(raw, in.columns().get(Field.STATUS));
    String brand = text(raw, in.columns().get(Field.BRAND));
    return "SELECT " + fileIdx + ", __row, CAST(? AS VARCHAR), " + id + ", " + date
        + ", CASE WHEN regexp_full_match(" + date + ", " + Sql.literal(DATE_PATTERN) + ") THEN try_cast(" + date + " AS TIMESTAMPTZ) END"
        + ", CASE lower(" + status + ") WHEN 'fixed' THEN 'Fixed' WHEN 'repairable' THEN 'Repairable' WHEN 'end of life' THEN 'End of life'"
        + " WHEN 'unknown' THEN 'Unknown' ELSE " + status + " END"
        + ", " + text(raw, in.columns().get(Field.CATEGORY))
        + ", " + text(raw, in.columns().get(Field.GROUP))
        // ORDS writes an unknown brand as 'Unknown'
        + ", CASE WHEN lower(" + brand + ") = 'unknown' THEN NULL ELSE " + brand + " END"
        + ", " + text(raw, in.area()) + ", " + text(raw, in.participant())
        + " FROM " + raw.relationSql() + " raw";
  }

  private static String text(RawFile raw, String column) {
    return column == null ? "CAST(NULL AS VARCHAR)" : raw.columnSql(column);
  }


  private PullResult judgeAndStage(RecordFiles records, SourceSpec source, OpenRepairOptions options, List<Input> inputs) throws SQLException {
    Connection c = records.connection();
    records.execute("CREATE OR REPLACE TEMP TABLE spotlight_ords_checked AS SELECT *, CASE WHEN __e IS NULL AND __rank > 1 THEN 3 ELSE __e END AS __error"
          + " FROM (SELECT *, row_number() OVER w AS __rank, first_value(__file_idx) OVER w AS __first_file, first_value(__row) OVER w AS __first_row"
          + " FROM (SELECT *, CASE WHEN id IS NULL THEN 0 WHEN date_raw IS NULL THEN 1 WHEN occurred_at IS NULL THEN 2 END AS __e FROM spotlight_ords)"
          + " WINDOW w AS (PARTITION BY id, __e IS NULL ORDER BY __file_idx, __row))",
        "DROP TABLE spotlight_ords");
    Map<String, Long> skipped = records.judge("spotlight_ords_checked", REASONS, options.skipBadRows(),
        "SELECT __error, __file_idx, __row, id, date_raw, __first_file, __first_row FROM spotlight_ords_checked"
            + " WHERE __error IS NOT NULL ORDER BY __file_idx, __row LIMIT 1", rs -> firstBadRecord(rs, inputs));
    StagingTables.create(c, CanonicalTable.ACTIVITY);
    String fixedList = String.join(", ", options.fixedStatuses().stream().map(x -> "CAST(? AS VARCHAR)").toList());
    String common = "CAST(? AS VARCHAR) AS grantee, 'repair' AS platform_kind, occurred_at, participant, area AS area_code,"
        + " map_from_entries(list_filter([{'k': 'product_category', 'v': category}, {'k': 'repair_status', 'v': status},"
        + " {'k': 'group_identifier', 'v': group_id}, {'k': 'brand', 'v': brand}], lambda e: e.v IS NOT NULL)) AS attributes,"
        + " origin, __row AS origin_row";
    String good = "FROM spotlight_ords_checked WHERE __error IS NULL";
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " BY NAME"
        + " SELECT id AS event_id, 'repair.attempted' AS event_type, " + common + " " + good
        + " UNION ALL SELECT id || ':fixed', 'repair.fixed', " + common + " " + good
        + " AND lower(trim(status)) IN (" + fixedList + ")")) {
      int k = 1;
      p.setString(k++, source.grantee());
      p.setString(k++, source.grantee());
      for (String f : options.fixedStatuses()) {
        p.setString(k++, f);
      }
      p.executeUpdate();
    }
    long kept = records.count("SELECT count(*) " + good);
    records.execute("DROP TABLE spotlight_ords_checked");
    return records.result(kept, skipped, 0);
  }

  private static SpotlightException firstBadRecord(ResultSet rs, List<Input> inputs) throws SQLException {
    int reason = rs.getInt(1);
    Input in = inputs.get(rs.getInt(2));
    long row = rs.getLong(3);
    String column = in.columnOf(reason);
    Location at = in.raw().locate(row, column);
    String prefix = at.line() > 0 ? "" : in.raw().recordWord() + " " + row + ": ";
    String hint = "fix the record, or set on_bad_row: skip to skip and count such records";
    String message = switch (reason) {
      case 0 -> "the record has no id (column '" + column + "')";
      case 1 -> "the record has no date (column '" + column + "')";
      case 2 -> "cannot read '" + rs.getString(5) + "' as a date in column '" + column + "' (expected YYYY-MM-DD)";
      default -> {
        Location first = inputs.get(rs.getInt(6)).raw().locate(rs.getLong(7), column);
        hint = "each id must be unique within a source; set on_bad_row: skip to keep the first";
        yield "duplicate id '" + rs.getString(4) + "' (first seen at " + first.render() + ")";
      }
    };
    return new SpotlightException(ExitKind.DATA, at, prefix + message, hint);
  }
}
