package dev.spotlight.connectors.participation;

import dev.spotlight.connectors.files.FileOrigin;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlScalar;
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
import dev.spotlight.connectors.mapped.RawFile;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Participatory-budget ballot CSVs from the Citizens Foundation family (Your Priorities, Betri
 * Reykjavík, Betri Garðabær): an area table ({@code Area name, Area budget}) and a project table in
 * one file. Every project on the ballot is an {@code idea.submitted} event on the ballot's
 * {@code date:} (the file states no dates); projects named in {@code adopted:} are also
 * {@code idea.adopted}. Every area budget is one costs row. Java only splits the file into its two
 * tables; all row work runs in DuckDB. Descriptions, image and PDF links are never read.
 */
public final class PbBallotConnector implements Connector {

  /** Why a record is bad, in the order records are judged; the index is stored per record. */
  static final List<String> REASONS = List.of("missing area name", "unreadable budget", "duplicate area", "unknown area", "missing cost",
      "unreadable cost", "unreadable location", "missing name", "duplicate idea");

  /** Why a record with more cells than its table's header is skipped (found while splitting the file, before any row work). */
  static final String RAGGED = "wrong number of fields";

  /** A plain, non-negative decimal: no units, signs, exponents or thousands separators. */
  static final String NUMBER = "[0-9]+([.][0-9]+)?|[.][0-9]+";
  /** {@code "lat, lng"} as one cell. */
  static final String LAT_LNG = "^(-?[0-9]+(?:[.][0-9]+)?)\\s*[,; ]\\s*(-?[0-9]+(?:[.][0-9]+)?)$";
  /** The post id in an idea URL ({@code https://betraisland.is/post/88288}). */
  static final String POST_ID = "/posts?/([0-9]+)";

  private static final Pattern POST = Pattern.compile(POST_ID);

  @Override
  public String id() {
    return "pb-ballot";
  }

  @Override
  public String description() {
    return "participatory-budget ballot CSV (Your Priorities / Betri Reykjavik): idea.submitted per project, idea.adopted, area budgets as costs";
  }

  @Override
  public List<ConnectorOption> options() {
    return List.of(
        new ConnectorOption("files", true, "path or glob (or a list), relative to the project file"),
        new ConnectorOption("date", true, "the ballot's voting day, YYYY-MM-DD: the date of every event (the file states none)"),
        new ConnectorOption("language", false, "language of the project name kept (the Name-xx column); default en, else the first non-empty name"),
        new ConnectorOption("currency", false, "ISO 4217 code of the area budgets; required when the file has budgets (it states no unit)"),
        new ConnectorOption("budget_category", false, "costs category of the area budgets; default other"),
        new ConnectorOption("budget_period", false, "{ start, end } dates the area budgets cover; default the date: day"),
        new ConnectorOption("adopted", false, "idea ids or URLs of the winning projects: each also gives an idea.adopted event"),
        new ConnectorOption("on_bad_row", false, "error (default) or skip"));
  }

  @Override
  public void validate(SourceSpec source, Problems problems) {
    PbBallotOptions.parse(source.options(), problems);
    if (source.grantee() == null) {
      problems.add(source.location(), "source '" + source.name() + "' has no grantee", "add grantee: to the source");
    }
  }

  /** One ballot file as read, with the columns of its tables. */
  private record Input(BallotFile file, int area, int budget, int projectArea, int url, int cost, int location, List<BallotFile.NameColumn> names) {}

  @Override
  public PullResult pull(SourceSpec source, PullContext context) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    validate(source, problems);
    problems.throwIfAny();
    PbBallotOptions options = PbBallotOptions.parse(source.options(), problems);
    List<Path> files = FileGlob.expand(source.projectDir(), options.files(), options.filesAt());
    Connection c = context.connection();
    try {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE OR REPLACE TEMP TABLE spotlight_pb_areas (__file INTEGER, __line BIGINT, origin VARCHAR, area VARCHAR, budget_raw VARCHAR)");
        s.execute("CREATE OR REPLACE TEMP TABLE spotlight_pb_projects (__file INTEGER, __line BIGINT, __n BIGINT, origin VARCHAR, area VARCHAR,"
            + " url VARCHAR, cost_raw VARCHAR, loc_raw VARCHAR, name VARCHAR, name_language VARCHAR)");
      }
      List<Input> inputs = new ArrayList<>();
      List<PullResult.InputFile> inputFiles = new ArrayList<>();
      long read = 0;
      long ragged = 0;
      boolean anyAreaTable = false;
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        CompletableFuture<String> sha = Checksums.sha256Async(file);
        Input in = open(file, context.scratchDir(), i, options);
        String origin = FileOrigin.of(source.projectDir(), file);
        long n = in.file().ragged();
        ragged += n;
        if (in.file().areas != null) {
          anyAreaTable = true;
          n += insert(c, in.file().areas, "INSERT INTO spotlight_pb_areas SELECT " + i + ", __line, CAST(? AS VARCHAR), "
              + cell(in.area()) + ", " + cell(in.budget()) + " FROM ", origin, in.file());
        }
        n += insert(c, in.file().projects, "INSERT INTO spotlight_pb_projects SELECT " + i + ", __line, __n,"
            + " CAST(? AS VARCHAR), " + cell(in.projectArea()) + ", " + cell(in.url()) + ", " + cell(in.cost()) + ", " + cell(in.location())
            + ", " + nameSql(in, options) + " FROM ", origin, in.file());
        inputs.add(in);
        read += n;
        inputFiles.add(new PullResult.InputFile(file.toString(), sha.join(), n));
        context.progress().recordsRead(source.name(), read);
      }
      return judgeAndStage(c, source, options, inputs, inputFiles, read, ragged, anyAreaTable);
    } catch (SQLException e) {
      throw new IllegalStateException("pb-ballot source '" + source.name() + "' failed in DuckDB: " + e.getMessage(), e);
    }
  }

  private static Input open(Path file, Path scratchDir, int index, PbBallotOptions options) {
    BallotFile f = BallotFile.read(file, scratchDir, index, options.skipBadRows());
    int area = 0;
    int budget = 0;
    if (f.areas != null) {
      area = f.areas.column("areaname");
      budget = f.areas.column("areabudget");
    }
    BallotFile.Table p = f.projects;
    int cost = p.column("costs", "cost");
    List<BallotFile.NameColumn> names = f.nameColumns();
    if (names.isEmpty()) {
      throw new SpotlightException(ExitKind.DATA, new Location(f.shown, p.header().line(), 0), "the project table has no name column (Name-en, Name-is, ...)",
          "the project table's header has: " + p.header().cells().stream().map(String::trim).filter(h -> !h.isEmpty()).collect(Collectors.joining(", ")));
    }
    if (options.languageGiven() && names.stream().noneMatch(n -> n.language().equals(options.language()))) {
      List<String> langs = names.stream().map(BallotFile.NameColumn::language).filter(l -> !l.isEmpty()).toList();
      throw new SpotlightException(ExitKind.DATA, new Location(f.shown, p.header().line(), 0),
          "language: " + options.language() + " but the project table has no 'Name-" + options.language() + "' column",
          DidYouMean.closest(options.language(), langs).map(l -> "did you mean '" + l + "'? ").orElse("") + "the file has names in: " + String.join(", ", langs));
    }
    return new Input(f, area, budget, p.column("areaname"), p.column("urltooriginalidea", "url", "ideaurl", "link"), cost,
        p.column("location1", "location"), names);
  }

  /** The cleaned text (trimmed, empty as null) of 1-based scratch column {@code column}, or NULL when the table lacks it. */
  private static String cell(int column) {
    return column == 0 ? "CAST(NULL AS VARCHAR)" : RawFile.cleaned(Sql.identifier("c" + column));
  }

  /** The name in the chosen language, else the first non-empty name in file order; then the language it is in. */
  private static String nameSql(Input in, PbBallotOptions options) {
    List<BallotFile.NameColumn> order = new ArrayList<>();
    in.names().stream().filter(n -> n.language().equals(options.language())).findFirst().ifPresent(order::add);
    in.names().stream().filter(n -> !order.contains(n)).forEach(order::add);
    String name = order.size() == 1 ? cell(order.get(0).column())
        : "coalesce(" + order.stream().map(n -> cell(n.column())).collect(Collectors.joining(", ")) + ")";
    StringBuilder lang = new StringBuilder("CASE");
    for (BallotFile.NameColumn n : order) {
      lang.append(" WHEN ").append(cell(n.column())).append(" IS NOT NULL THEN ")
          .append(n.language().isEmpty() ? "NULL" : Sql.literal(n.language()));
    }
    return name + ", " + lang.append(" END");
  }

  private static long insert(Connection c, BallotFile.Table table, String insertSelectFrom, String origin, BallotFile file) {
    if (table.rows().isEmpty()) {
      return 0;
    }
    StringBuilder columns = new StringBuilder("{'__line': 'BIGINT', '__n': 'BIGINT'");
    for (int k = 1; k <= table.width(); k++) {
      columns.append(", 'c").append(k).append("': 'VARCHAR'");
    }
    String relation = "read_csv(" + Sql.literal(table.scratch().toAbsolutePath().toString())
        + ", delim = ',', quote = '\"', escape = '\"', header = false, auto_detect = false, null_padding = true, parallel = false,"
        + " max_line_size = 16777216, columns = " + columns.append('}') + ")";
    try (PreparedStatement p = c.prepareStatement(insertSelectFrom + relation)) {
      p.setString(1, origin);
      return p.executeUpdate();
    } catch (SQLException e) {
      SpotlightException raw = DuckDbErrors.readError(e, file.shown);
      var problem = raw.problems().get(0);
      throw new SpotlightException(ExitKind.DATA, new Location(file.shown, table.originalLine(problem.location().line()), 0),
          problem.message(), problem.hint());
    }
  }


  private PullResult judgeAndStage(Connection c, SourceSpec source, PbBallotOptions options, List<Input> inputs,
      List<PullResult.InputFile> inputFiles, long read, long ragged, boolean checkAreas) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_pb_areas_checked AS SELECT *, CASE WHEN __e IS NULL AND __rank > 1 THEN 2 ELSE __e END AS __error"
          + " FROM (SELECT *, row_number() OVER w AS __rank, first_value(__file) OVER w AS __first_file, first_value(__line) OVER w AS __first_line"
          + " FROM (SELECT *, CASE WHEN area IS NULL THEN 0 WHEN budget_raw IS NOT NULL AND budget IS NULL THEN 1 END AS __e"
          + " FROM (SELECT *, CASE WHEN regexp_full_match(budget_raw, " + Sql.literal(NUMBER) + ") THEN try_cast(budget_raw AS DECIMAL(18, 2)) END AS budget"
          + " FROM spotlight_pb_areas))"
          + " WINDOW w AS (PARTITION BY area, __e IS NULL ORDER BY __file, __line))");
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_pb_projects_checked AS SELECT *, CASE WHEN __e IS NULL AND __rank > 1 THEN 8 ELSE __e END AS __error"
          + " FROM (SELECT *, row_number() OVER w AS __rank, first_value(__file) OVER w AS __first_file, first_value(__line) OVER w AS __first_line"
          + " FROM (SELECT *, coalesce(post_id, coalesce(area, '') || ':' || __n) AS event_id,"
          + " CASE WHEN area IS NULL" + (checkAreas ? " OR area NOT IN (SELECT area FROM spotlight_pb_areas WHERE area IS NOT NULL)" : "") + " THEN 3"
          + " WHEN cost_raw IS NULL THEN 4 WHEN NOT regexp_full_match(cost_raw, " + Sql.literal(NUMBER) + ") THEN 5"
          + " WHEN loc_raw IS NOT NULL AND lat IS NULL THEN 6 WHEN name IS NULL THEN 7 END AS __e"
          + " FROM (SELECT *, CASE WHEN lat0 BETWEEN -90 AND 90 AND lon0 BETWEEN -180 AND 180 THEN lat0 END AS lat,"
          + " CASE WHEN lat0 BETWEEN -90 AND 90 AND lon0 BETWEEN -180 AND 180 THEN lon0 END AS lon"
          + " FROM (SELECT *, nullif(regexp_extract(url, " + Sql.literal(POST_ID) + ", 1), '') AS post_id,"
          + " try_cast(regexp_extract(loc_raw, " + Sql.literal(LAT_LNG) + ", 1) AS DOUBLE) AS lat0,"
          + " try_cast(regexp_extract(loc_raw, " + Sql.literal(LAT_LNG) + ", 2) AS DOUBLE) AS lon0 FROM spotlight_pb_projects)))"
          + " WINDOW w AS (PARTITION BY event_id, __e IS NULL ORDER BY __file, __line))");
      s.execute("DROP TABLE spotlight_pb_areas");
      s.execute("DROP TABLE spotlight_pb_projects");
    }
    Map<String, Long> skipped = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT __error, count(*) FROM (SELECT __error FROM spotlight_pb_areas_checked UNION ALL"
            + " SELECT __error FROM spotlight_pb_projects_checked) WHERE __error IS NOT NULL GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        skipped.put(REASONS.get(rs.getInt(1)), rs.getLong(2));
      }
    }
    if (ragged > 0) {
      skipped.put(RAGGED, ragged);
    }
    if (!skipped.isEmpty() && !options.skipBadRows()) {
      throw firstBadRecord(c, inputs, checkAreas);
    }
    long budgets = count(c, "SELECT count(*) FROM spotlight_pb_areas_checked WHERE __error IS NULL AND budget IS NOT NULL");
    if (budgets > 0 && options.currency() == null) {
      throw new SpotlightException(ExitKind.DEFINITION, source.options().location(),
          "the ballot has area budgets but states no unit: source '" + source.name() + "' needs 'currency:'",
          "add currency: with the ISO 4217 code of the budgets and costs (e.g. currency: ISK); it is never guessed");
    }
    stageAdopted(c, options);

    StagingTables.create(c, CanonicalTable.ACTIVITY);
    String common = "CAST(? AS VARCHAR) AS grantee, 'participation' AS platform_kind, CAST(CAST(? AS DATE) AS TIMESTAMPTZ) AS occurred_at,"
        + " lat, lon, CAST(cost_raw AS DOUBLE) AS quantity,"
        + " map_from_entries(list_filter([{'k': 'area', 'v': area}, {'k': 'name', 'v': name}, {'k': 'name_language', 'v': name_language},"
        + " {'k': 'idea_url', 'v': url}], lambda e: e.v IS NOT NULL)) AS attributes, origin, __line AS origin_row";
    String good = "FROM spotlight_pb_projects_checked WHERE __error IS NULL";
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.ACTIVITY + " BY NAME"
        + " SELECT event_id, 'idea.submitted' AS event_type, " + common + " " + good
        + " UNION ALL SELECT event_id || ':adopted', 'idea.adopted', " + common + " " + good
        + " AND event_id IN (SELECT event_id FROM spotlight_pb_adopted)")) {
      int k = 1;
      for (int i = 0; i < 2; i++) {
        p.setString(k++, source.grantee());
        p.setString(k++, options.date().toString());
      }
      p.executeUpdate();
    }
    if (budgets > 0) {
      StagingTables.create(c, CanonicalTable.COSTS);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO " + StagingTables.COSTS + " BY NAME"
          + " SELECT 'budget:' || area AS cost_id, CAST(? AS VARCHAR) AS grantee, CAST(? AS DATE) AS period_start, CAST(? AS DATE) AS period_end,"
          + " budget AS amount, CAST(? AS VARCHAR) AS currency, CAST(? AS VARCHAR) AS category, area AS reference, origin, __line AS origin_row"
          + " FROM spotlight_pb_areas_checked WHERE __error IS NULL AND budget IS NOT NULL")) {
        p.setString(1, source.grantee());
        p.setString(2, options.budgetStart().toString());
        p.setString(3, options.budgetEnd().toString());
        p.setString(4, options.currency());
        p.setString(5, options.budgetCategory());
        p.executeUpdate();
      }
    }
    long kept = count(c, "SELECT (SELECT count(*) FROM spotlight_pb_areas_checked WHERE __error IS NULL)"
        + " + (SELECT count(*) FROM spotlight_pb_projects_checked WHERE __error IS NULL)");
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE spotlight_pb_areas_checked");
      s.execute("DROP TABLE spotlight_pb_projects_checked");
      s.execute("DROP TABLE spotlight_pb_adopted");
    }
    return new PullResult(inputFiles, read, kept, skipped, 0);
  }

  /**
   * Resolves {@code adopted:} (ids, idea URLs, or the area:row ids of projects without a URL) to event ids of
   * good projects; an entry that names no project on the ballot is an error at its place in the project file.
   */
  private static void stageAdopted(Connection c, PbBallotOptions options) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_pb_adopted (event_id VARCHAR)");
    }
    for (YamlScalar a : options.adopted()) {
      String text = a.text().trim();
      Matcher m = POST.matcher(text);
      String key = m.find() ? m.group(1) : text;
      try (PreparedStatement p = c.prepareStatement("INSERT INTO spotlight_pb_adopted SELECT DISTINCT event_id FROM spotlight_pb_projects_checked"
          + " WHERE __error IS NULL AND (event_id = ? OR url = ?)")) {
        p.setString(1, key);
        p.setString(2, text);
        if (p.executeUpdate() == 0) {
          throw new SpotlightException(ExitKind.DATA, a.location(), "adopted: '" + text + "' is not a project on the ballot"
              + (options.skipBadRows() ? " (or its record was skipped as bad)" : ""),
              "list the idea's id (the number in its URL, e.g. 88288), its URL, or AREA:N for the N-th project without a URL");
        }
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static SpotlightException firstBadRecord(Connection c, List<Input> inputs, boolean checkAreas) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT __error, __file, __line, area, budget_raw AS raw, NULL AS id, __first_file, __first_line"
            + " FROM spotlight_pb_areas_checked WHERE __error IS NOT NULL UNION ALL"
            + " SELECT __error, __file, __line, area, CASE __error WHEN 6 THEN loc_raw ELSE cost_raw END, event_id, __first_file, __first_line"
            + " FROM spotlight_pb_projects_checked WHERE __error IS NOT NULL ORDER BY __file, __line LIMIT 1")) {
      rs.next();
      int reason = rs.getInt(1);
      Input in = inputs.get(rs.getInt(2));
      BallotFile f = in.file();
      int line = (int) rs.getLong(3);
      String area = rs.getString(4);
      String raw = rs.getString(5);
      String hint = "fix the record, or set on_bad_row: skip to skip and count such records";
      int column;
      String message;
      switch (reason) {
        case 0:
          column = in.area();
          message = "the area row has no area name (column '" + f.areas.headerName(column) + "')";
          break;
        case 1:
          column = in.budget();
          message = "cannot read the budget '" + raw + "' as a number (column '" + f.areas.headerName(column) + "')";
          hint = "write a plain number such as 100 or 0.5, without a unit or thousands separators; or set on_bad_row: skip";
          break;
        case 2:
          column = in.area();
          message = "duplicate area '" + area + "' (first seen at " + new Location(inputs.get(rs.getInt(7)).file().shown, (int) rs.getLong(8), column).render() + ")";
          hint = "each area appears once in the area table; set on_bad_row: skip to keep the first";
          break;
        case 3:
          column = in.projectArea();
          if (area == null) {
            message = "the project has no area (column '" + f.projects.headerName(column) + "')";
          } else {
            message = "area '" + area + "' is not in the area table";
            hint = "the area table has: " + String.join(", ", areaNames(c)) + "; or set on_bad_row: skip";
          }
          break;
        case 4:
          column = in.cost();
          message = "the project has no cost (column '" + f.projects.headerName(column) + "')";
          break;
        case 5:
          column = in.cost();
          message = "cannot read the cost '" + raw + "' as a number (column '" + f.projects.headerName(column) + "')";
          hint = "write a plain number such as 6 or 0.5, without a unit or thousands separators; or set on_bad_row: skip";
          break;
        case 6:
          column = in.location();
          message = "cannot read '" + raw + "' as \"lat, lng\" (column '" + f.projects.headerName(column) + "')";
          hint = "write the point as \"64.07, -21.90\" (WGS84 degrees) or leave the cell empty; or set on_bad_row: skip";
          break;
        case 7:
          column = in.names().get(0).column();
          message = "the project has no name in any language (columns " + in.names().stream().map(n -> "'" + n.header() + "'").collect(Collectors.joining(", ")) + ")";
          break;
        default:
          column = in.url();
          message = "duplicate idea '" + rs.getString(6) + "' (first seen at " + new Location(inputs.get(rs.getInt(7)).file().shown, (int) rs.getLong(8), column).render() + ")";
          hint = "each idea appears once on a ballot; set on_bad_row: skip to keep the first";
          break;
      }
      return new SpotlightException(ExitKind.DATA, new Location(f.shown, line, column), message, hint);
    }
  }

  private static List<String> areaNames(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT area FROM spotlight_pb_areas_checked WHERE area IS NOT NULL ORDER BY 1 LIMIT 20")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
