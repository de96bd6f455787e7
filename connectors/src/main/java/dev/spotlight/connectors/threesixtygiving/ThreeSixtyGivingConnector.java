package dev.spotlight.connectors.threesixtygiving;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorOption;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.FileGlob;
import dev.spotlight.connectors.files.RecordFiles;
import dev.spotlight.connectors.files.TextEncoding;
import dev.spotlight.connectors.mapped.CsvFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 360Giving Data Standard grants, as a JSON package, a flat CSV or an XLSX workbook: each grant is one
 * {@code grant} costs row over the period it covers, in its own currency, and one {@code grant.awarded}
 * activity event on its award date. Recipients become grantees through the project's
 * {@code grantees[].org_ids}; others keep their organisation id. JSON and XLSX are streamed into
 * NDJSON in the scratch folder, CSV is read by DuckDB; all row work runs in DuckDB.
 */
public final class ThreeSixtyGivingConnector implements Connector {

  @Override
  public String id() {
    return "360giving";
  }

  @Override
  public String description() {
    return "360Giving Data Standard grants (JSON package, flat CSV or XLSX): grant costs over their period, grant.awarded per grant";
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "360Giving JSON, CSV or XLSX files: path or glob (or a list), relative to the project file"),
        new ConnectorOption("format", false, "json | csv | xlsx; default from the file extension"),
        new ConnectorOption("encoding", false, "text encoding of CSV files; default UTF-8 (a BOM is accepted)"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    ThreeSixtyGivingOptions.parse(source.options(), problems);
  }

  /** One input file as read: a flat CSV (with its columns per field), or NDJSON staged from JSON or an XLSX sheet. */
  private record Input(Path file, CsvFile csv, Map<GrantField, String> columns, String sheet) {

    Location locate(long record, int line, GrantField field) {
      if (csv != null) {
        return csv.locate(record, columns.getOrDefault(field, columns.get(GrantField.AMOUNT)));
      }
      return new Location(file.toString(), line, 0);
    }

    /** Words before the grant in an error: the sheet and row for XLSX, whose location's line is a row. */
    String where(int line) {
      return sheet == null ? "" : "sheet '" + sheet + "' row " + line + ", ";
    }
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    ThreeSixtyGivingOptions options = ThreeSixtyGivingOptions.parse(source.options(), problems);
    problems.throwIfAny();
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    String fields = GrantField.ALL.stream().map(f -> Sql.identifier(f.key)).collect(Collectors.joining(", "));
    return RecordFiles.pull(id(), source, context, records -> {
      Connection c = records.connection();
      records.execute("CREATE OR REPLACE TEMP TABLE spotlight_360g (__file_idx INTEGER, __rec BIGINT, __line INTEGER, origin VARCHAR, "
          + GrantField.ALL.stream().map(f -> Sql.identifier(f.key) + " VARCHAR").collect(Collectors.joining(", ")) + ")");
      List<Input> inputs = new ArrayList<>();
      records.readAll(files, (i, file, origin) -> {
        String format = options.formatOf(file);
        if (format.equals("csv")) {
          Input in = openCsv(c, file, TextEncoding.utf8(file, options.encoding(), context.scratchDir().resolve("360giving-" + i + ".csv")));
          inputs.add(in);
          String cols = GrantField.ALL.stream().map(f -> in.columns().containsKey(f) ? in.csv().columnSql(in.columns().get(f)) : "CAST(NULL AS VARCHAR)")
              .collect(Collectors.joining(", "));
          return insert(c, "SELECT " + i + ", __row, NULL, CAST(? AS VARCHAR), " + cols + " FROM " + in.csv().relationSql() + " raw", origin);
        }
        Path ndjson = context.scratchDir().resolve("360giving-" + i + ".ndjson");
        long n;
        if (format.equals("json")) {
          n = GrantJson.toNdjson(file, ndjson);
          inputs.add(new Input(file, null, Map.of(), null));
        } else {
          GrantSheet.Read sheet = GrantSheet.toNdjson(file, ndjson);
          n = sheet.grants();
          inputs.add(new Input(file, null, Map.of(), sheet.sheet()));
        }
        if (n > 0) {
          insert(c, "SELECT " + i + ", __rec, __line, CAST(? AS VARCHAR), " + fields + " FROM " + GrantNdjson.relation(ndjson), origin);
        }
        return n;
      });
      return judgeAndStage(records, source, options, inputs);
    });
  }

  private static long insert(Connection c, String select, String origin) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO spotlight_360g " + select)) {
      p.setString(1, origin);
      return p.executeUpdate();
    }
  }

  /** A flat CSV: its columns are matched to fields by the standard's titles; one without 'Amount Awarded' is not a grants file. */
  private static Input openCsv(Connection c, Path file, Path utf8) {
    CsvFile csv = new CsvFile(c, utf8, file.toString(), ",", true, null);
    Map<GrantField, String> columns = new EnumMap<>(GrantField.class);
    for (String h : csv.columns()) {
      GrantField f = GrantField.ofTitle(h);
      if (f != null) {
        columns.putIfAbsent(f, h);
      }
    }
    if (!columns.containsKey(GrantField.AMOUNT)) {
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "not a 360Giving flat file: no 'Amount Awarded' column",
          "the header needs the standard's column titles (Identifier, Title, Currency, Amount Awarded, Award Date…); the file has: "
              + String.join(", ", csv.columns()));
    }
    return new Input(file, csv, columns, null);
  }

  private PullResult judgeAndStage(RecordFiles records, SourceSpec source, ThreeSixtyGivingOptions options, List<Input> inputs)
      throws SQLException {
    String grantee = "coalesce(" + records.context().grantees().sql("recipient_id") + ", recipient_id, "
        + (source.grantee() == null ? "" : Sql.literal(source.grantee()) + ", ") + "funder_id)";
    // a grant found more than once (in several files, or twice in one) is kept once: its last copy
    records.execute("CREATE OR REPLACE TEMP TABLE spotlight_360g_parsed AS SELECT *, " + GrantSql.parsed() + ","
        + " CASE WHEN id IS NULL THEN 1 ELSE row_number() OVER (PARTITION BY id ORDER BY __file_idx DESC, __rec DESC) END AS __copy"
        + " FROM spotlight_360g",
        "DROP TABLE spotlight_360g",
        "CREATE OR REPLACE TEMP TABLE spotlight_360g_checked AS SELECT *, CASE WHEN __copy = 1 THEN " + GrantSql.judge() + " END AS __error,"
        + " " + grantee + " AS __grantee, " + GrantSql.START + " AS __start, " + GrantSql.END + " AS __end, " + GrantSql.RULE + " AS __rule"
        + " FROM spotlight_360g_parsed",
        "DROP TABLE spotlight_360g_parsed");
    long superseded = records.count("SELECT count(*) FROM spotlight_360g_checked WHERE __copy > 1");
    Map<String, Long> skipped = records.judge("spotlight_360g_checked", GrantSql.REASONS, options.skipBadRows(),
        "SELECT __error, __file_idx, __rec, __line, id, currency, amount, award_date, start_date, p_start, end_date, p_end, duration"
            + " FROM spotlight_360g_checked WHERE __error IS NOT NULL ORDER BY __file_idx, __rec LIMIT 1",
        rs -> GrantErrors.firstBadGrant(rs, new GrantErrors.Locator() {
          @Override
          public Location locate(int file, long record, int line, GrantField field) {
            return inputs.get(file).locate(record, line, field);
          }

          @Override
          public String where(int file, int line) {
            return inputs.get(file).where(line);
          }
        }));
    String good = " FROM spotlight_360g_checked WHERE __copy = 1 AND __error IS NULL";
    StagingTables.create(records.connection(), CanonicalTable.COSTS);
    StagingTables.create(records.connection(), CanonicalTable.ACTIVITY);
    records.execute("INSERT INTO " + StagingTables.COSTS + " BY NAME SELECT id AS cost_id, __grantee AS grantee, __start AS period_start,"
        + " __end AS period_end, amt AS amount, upper(currency) AS currency, 'grant' AS category, coalesce(funder_name, funder_id) AS funder,"
        + " id AS reference, origin, __rec AS origin_row" + good,
        "INSERT INTO " + StagingTables.ACTIVITY + " BY NAME SELECT id AS event_id, 'funding' AS platform_kind, __grantee AS grantee,"
        + " 'grant.awarded' AS event_type, CAST(award AS TIMESTAMPTZ) AS occurred_at, individual_id AS participant, geo_code AS area_code,"
        + " amt AS amount, upper(currency) AS currency,"
        + " map_from_entries(list_filter([{'k': 'funder', 'v': coalesce(funder_name, funder_id)}, {'k': 'funder_org_id', 'v': funder_id},"
        + " {'k': 'recipient_org_id', 'v': recipient_id}, {'k': 'grant_programme', 'v': programme},"
        + " {'k': 'beneficiary_geo_code', 'v': geo_code}, {'k': 'beneficiary_geo_type', 'v': geo_type},"
        + " {'k': 'period_rule', 'v': __rule},"
        + " {'k': 'planned_end_ignored', 'v': CASE WHEN p_end < __start THEN 'before start' END}], lambda e: e.v IS NOT NULL)) AS attributes,"
        + " origin, __rec AS origin_row" + good);
    long kept = records.count("SELECT count(*)" + good);
    records.execute("DROP TABLE spotlight_360g_checked");
    return records.result(kept, skipped, superseded);
  }
}
