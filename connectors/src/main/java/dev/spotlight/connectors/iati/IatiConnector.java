package dev.spotlight.connectors.iati;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.Grantees;
import dev.spotlight.connectors.ConnectorOption;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.Sql;
import dev.spotlight.connectors.canonical.StagingTables;
import dev.spotlight.connectors.files.FileGlob;
import dev.spotlight.connectors.files.RecordFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * IATI activity XML (2.0x, and 1.0x): each transaction of a wanted type (by default 2, outgoing
 * commitment, and 3, disbursement) becomes a {@code grant} costs row in the currency it was reported
 * in, and each activity with a commitment becomes one {@code grant.awarded} activity event. The XML
 * is streamed with StAX into NDJSON in the scratch folder; all row work runs in DuckDB.
 */
public final class IatiConnector implements Connector {

  /** Why a transaction is bad, in the order a transaction is judged (the index is stored per transaction). */
  static final List<String> REASONS = List.of("missing iati-identifier", "missing value", "unreadable value", "missing transaction-date",
      "unreadable transaction-date", "no grantee");

  static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}([T ].*|Z|[+-]\\d{2}:?\\d{2})?$";

  static final String VALUE_PATTERN = "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$";

  @Override
  public String id() {
    return "iati";
  }

  @Override
  public String description() {
    return "IATI activity XML (2.0x; 1.0x tolerated): commitments and disbursements as grant costs, grant.awarded per committed activity";
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "IATI activity XML files: path or glob (or a list), relative to the project file"),
        new ConnectorOption("transaction_types", false, "transaction-type codes read as costs; default [2, 3] (1.0x codes C, D… accepted)"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    IatiOptions.parse(source.options(), problems);
  }

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    IatiOptions options = IatiOptions.parse(source.options(), problems);
    problems.throwIfAny();
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    return RecordFiles.pull(id(), source, context, records -> {
      Connection c = records.connection();
      records.execute("CREATE OR REPLACE TEMP TABLE spotlight_iati (__file_idx INTEGER, __line INTEGER, origin VARCHAR, "
          + IatiXml.FIELDS.stream().map(f -> Sql.identifier(f) + " VARCHAR").collect(Collectors.joining(", "))
          + ", amount DECIMAL(18,2), tx_date DATE, p_start DATE, p_end DATE)");
      records.readAll(files, (i, file, origin) -> {
        Path ndjson = context.scratchDir().resolve("iati-transactions-" + i + ".ndjson");
        IatiXml.Counts counts = IatiXml.toNdjson(file, ndjson);
        if (counts.transactions() > 0) {
          try (PreparedStatement p = c.prepareStatement("INSERT INTO spotlight_iati " + select(ndjson, i))) {
            p.setString(1, origin);
            p.executeUpdate();
          }
        }
        return counts.transactions();
      });
      return judgeAndStage(records, source, options, files);
    });
  }

  private static String select(Path ndjson, int fileIdx) {
    String types = IatiXml.FIELDS.stream().map(f -> Sql.literal(f) + ": 'VARCHAR'").collect(Collectors.joining(", "));
    String cols = IatiXml.FIELDS.stream().map(Sql::identifier).collect(Collectors.joining(", "));
    String value = "trim(value_raw)";
    return "SELECT " + fileIdx + ", __line, CAST(? AS VARCHAR), " + cols
        + ", CASE WHEN regexp_full_match(" + value + ", " + Sql.literal(VALUE_PATTERN) + ") THEN try_cast(" + value + " AS DECIMAL(18,2)) END"
        + ", " + date("coalesce(date_raw, value_date)") + ", " + date("planned_start") + ", " + date("planned_end")
        + " FROM read_json(" + Sql.literal(ndjson.toAbsolutePath().toString())
        + ", format = 'newline_delimited', columns = {'__line': 'INTEGER', " + types + "})";
  }

  /** An ISO-8601 date (a time or zone after it is ignored) as DATE; anything else is null. */
  private static String date(String text) {
    return "CASE WHEN regexp_full_match(trim(" + text + "), " + Sql.literal(DATE_PATTERN) + ") THEN try_cast(left(trim(" + text + "), 10) AS DATE) END";
  }


  private PullResult judgeAndStage(RecordFiles records, SourceSpec source, IatiOptions options, List<Path> files) throws SQLException {
    Connection c = records.connection();
    Grantees grantees = records.context().grantees();
    String wanted = "type_code IN (" + options.transactionTypes().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    String grantee = "coalesce(" + grantees.sql("receiver_ref") + ", " + grantees.sql("receiver_name") + ", "
        + (source.grantee() == null ? "" : Sql.literal(source.grantee()) + ", ") + "receiver_ref)";
    String judge = "CASE WHEN activity_id IS NULL THEN 0"
        + " WHEN value_raw IS NULL THEN 1"
        + " WHEN amount IS NULL THEN 2"
        + " WHEN date_raw IS NULL AND value_date IS NULL THEN 3"
        + " WHEN tx_date IS NULL THEN 4"
        + " WHEN __grantee IS NULL THEN 5 END";
    // an activity found more than once (in several files, or twice in one) is kept once: its last copy
    records.execute("CREATE OR REPLACE TEMP TABLE spotlight_iati_copies AS SELECT *, CASE WHEN activity_id IS NULL THEN 1"
        + " ELSE dense_rank() OVER (PARTITION BY activity_id ORDER BY __file_idx DESC, CAST(act_rec AS BIGINT) DESC) END AS __copy,"
        + " coalesce(" + wanted + ", false) AS __wanted, " + grantee + " AS __grantee FROM spotlight_iati",
        "DROP TABLE spotlight_iati",
        "CREATE OR REPLACE TEMP TABLE spotlight_iati_checked AS SELECT *, CASE WHEN __copy = 1 AND __wanted THEN " + judge
        + " END AS __error, CASE WHEN tx_ref IS NOT NULL AND count(*) OVER (PARTITION BY __copy = 1, tx_ref) = 1 THEN tx_ref"
        + " ELSE activity_id || ':' || tx_pos END AS __cost_id FROM spotlight_iati_copies",
        "DROP TABLE spotlight_iati_copies");
    long filtered = records.count("SELECT count(*) FROM spotlight_iati_checked WHERE __copy > 1 OR NOT __wanted");
    Map<String, Long> skipped = records.judge("spotlight_iati_checked", REASONS, options.skipBadRows(),
        "SELECT __error, __file_idx, __line, activity_id, tx_pos, value_raw, coalesce(date_raw, value_date)"
            + " FROM spotlight_iati_checked WHERE __error IS NOT NULL ORDER BY __file_idx, __line, CAST(tx_pos AS INTEGER) LIMIT 1",
        rs -> firstBadTransaction(rs, files));
    records.execute("CREATE OR REPLACE TEMP TABLE spotlight_iati_kept AS SELECT *, coalesce(value_currency, default_currency) AS __currency,"
        + " coalesce(provider_name, provider_ref, reporting_name, reporting_ref) AS __funder,"
        + " CASE WHEN type_code = '2' AND p_start IS NOT NULL AND p_end IS NOT NULL AND p_end >= p_start THEN p_start ELSE tx_date END AS __start,"
        + " CASE WHEN type_code = '2' AND p_start IS NOT NULL AND p_end IS NOT NULL AND p_end >= p_start THEN p_end ELSE tx_date END AS __end"
        + " FROM spotlight_iati_checked WHERE __copy = 1 AND __wanted AND __error IS NULL",
        "DROP TABLE spotlight_iati_checked");
    long kept = records.count("SELECT count(*) FROM spotlight_iati_kept");
    StagingTables.create(c, CanonicalTable.COSTS);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO " + StagingTables.COSTS + " BY NAME SELECT __cost_id AS cost_id, __grantee AS grantee, __start AS period_start,"
          + " __end AS period_end, amount, __currency AS currency, 'grant' AS category, __funder AS funder, activity_id AS reference,"
          + " origin, __line AS origin_row FROM spotlight_iati_kept");
    }
    if (options.transactionTypes().contains("2")) {
      StagingTables.create(c, CanonicalTable.ACTIVITY);
      try (Statement s = c.createStatement()) {
        String first = "(tx_date, __file_idx, __line)";
        s.executeUpdate("INSERT INTO " + StagingTables.ACTIVITY + " BY NAME SELECT activity_id AS event_id, 'funding' AS platform_kind,"
            + " arg_min(__grantee, " + first + ") AS grantee, 'grant.awarded' AS event_type, CAST(min(tx_date) AS TIMESTAMPTZ) AS occurred_at,"
            + " CAST(count(*) AS DOUBLE) AS quantity,"
            + " CASE WHEN count(DISTINCT coalesce(__currency, '')) = 1 THEN sum(amount) END AS amount,"
            + " CASE WHEN count(DISTINCT coalesce(__currency, '')) = 1 THEN any_value(__currency) END AS currency,"
            + " map_from_entries(list_filter([{'k': 'funder', 'v': arg_min(__funder, " + first + ")},"
            + " {'k': 'reporting_org', 'v': any_value(coalesce(reporting_name, reporting_ref))}], lambda e: e.v IS NOT NULL)) AS attributes,"
            + " any_value(origin) AS origin, CAST(any_value(act_line) AS BIGINT) AS origin_row"
            + " FROM spotlight_iati_kept WHERE type_code = '2' GROUP BY activity_id");
      }
    }
    records.execute("DROP TABLE spotlight_iati_kept");
    return records.result(kept, skipped, filtered);
  }

  private static SpotlightException firstBadTransaction(ResultSet rs, List<Path> files) throws SQLException {
    int reason = rs.getInt(1);
    Path file = files.get(rs.getInt(2));
    Location at = new Location(file.toString(), rs.getInt(3), 0);
    String id = rs.getString(4);
    String which = "transaction " + rs.getString(5) + (id == null ? "" : " of activity '" + id + "'") + ": ";
    String message;
    if (reason == 0) {
      message = "the activity has no iati-identifier";
    } else if (reason == 1) {
      message = "the transaction has no value";
    } else if (reason == 2) {
      message = "cannot read '" + rs.getString(6) + "' as a value (expected a number such as 1500.00, no thousands separators)";
    } else if (reason == 3) {
      message = "the transaction has no transaction-date (and its value no value-date)";
    } else if (reason == 4) {
      message = "cannot read '" + rs.getString(7) + "' as a date (expected e.g. 2026-03-31)";
    } else {
      message = "no grantee: the transaction has no receiver-org ref, and the source has no grantee:";
    }
    String hint = reason == 5 ? "add grantee: to the source, or list the receiver's name in a grantee's org_ids"
        : "fix the transaction, or set on_bad_row: skip to skip and count such transactions";
    return new SpotlightException(ExitKind.DATA, at, which + message, hint);
  }
}
