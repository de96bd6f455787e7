package dev.spotlight.metrics;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A small canonical store written as Parquet with DuckDB, laid out as connectors write it
 * ({@code activity/source=NAME/month=YYYY-MM/}, {@code costs/source=NAME/}), plus an areas file.
 * Every row is written out by hand below; the tests that use it work their expected numbers out
 * from these rows.
 */
public final class ImpactStoreFixture {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  /**
   * One activity row. {@code at} is the UTC instant; the local date ({@code occurred_on}) is worked
   * out here with java.time in Europe/London, as a connector does.
   */
  public record Event(
      String id, String source, String grantee, String type, String at, String participant, String area,
      Double quantity, String amount, String currency, String channel) {

    LocalDate occurredOn() {
      return Instant.parse(at).atZone(LONDON).toLocalDate();
    }

    String platformKind() {
      return source.equals("peerby") ? "sharing" : "repair";
    }
  }

  /** One costs row: both dates inclusive. */
  public record Cost(String id, String source, String grantee, String start, String end, String amount, String currency) {}

  static Event e(String id, String source, String grantee, String type, String at, String participant, String area,
      Double quantity, String amount, String currency) {
    return new Event(id, source, grantee, type, at, participant, area, quantity, amount, currency, null);
  }

  private static Event e(String id, String source, String grantee, String type, String at, String participant, String area,
      Double quantity, String amount, String currency, String channel) {
    return new Event(id, source, grantee, type, at, participant, area, quantity, amount, currency, channel);
  }

  // Europe/London is on BST (UTC+1) until 01:00 UTC on Sunday 25 October 2026, then on GMT (UTC+0).
  public static final List<Event> EVENTS = List.of(
      // outside October
      e("r01", "peerby", "kirklees", "share.completed", "2026-09-30T22:30:00Z", "p1", "E01000001", 1.0, "1000.00", "GBP"),  // 23:30 BST on 30 Sep
      e("r25", "peerby", "kirklees", "share.completed", "2026-09-15T10:00:00Z", "p13", "E01000001", 99.0, "1000.00", null),
      e("r04", "peerby", "leeds", "share.completed", "2026-11-01T00:10:00Z", "p14", "E01000003", 99.0, "1000.00", "GBP"),   // 00:10 GMT on 1 Nov
      e("r26", "repair-cafe", "kirklees", "repair.fixed", "2026-11-10T12:00:00Z", "p1", "E01000001", 99.0, "1000.00", null),
      // October: peerby (sharing)
      e("r02", "peerby", "kirklees", "share.completed", "2026-09-30T23:30:00Z", "p1", "E01000001", 2.0, "20.00", "GBP", "app"),  // 00:30 BST on 1 Oct
      e("r05", "peerby", "kirklees", "share.completed", "2026-10-02T09:00:00Z", "p2", "E01000001", 1.0, "15.50", null, "web"),
      e("r06", "peerby", "kirklees", "share.completed", "2026-10-03T09:00:00Z", "p3", "E01000002", 3.0, "100.00", "USD", "app"),
      e("r07", "peerby", "kirklees", "share.completed", "2026-10-05T09:00:00Z", "p4", "E01000002", 4.0, "50.00", "EUR"),
      e("r08", "peerby", "kirklees", "share.requested", "2026-10-06T09:00:00Z", "p5", null, 7.0, null, null),
      e("r09", "peerby", "kirklees", "share.requested", "2026-10-07T09:00:00Z", null, "E01000001", 6.0, null, null),
      e("r10", "peerby", "kirklees", "item.listed", "2026-10-08T09:00:00Z", "p1", "E01000001", null, "12.00", "GBP"),
      e("r24", "peerby", "kirklees", "share.completed", "2026-10-09T09:00:00Z", "p3", "E01000002", 2.0, null, null),
      e("r11", "peerby", "leeds", "share.completed", "2026-10-10T09:00:00Z", "p7", "E01000003", 8.0, "30.00", "GBP"),
      e("r12", "peerby", "leeds", "share.completed", "2026-10-12T09:00:00Z", "p8", "E01000004", 9.0, "25.00", "USD"),
      e("r13", "peerby", "leeds", "share.requested", "2026-10-14T09:00:00Z", "p7", "E01000003", 10.0, null, null),
      e("r14", "peerby", "leeds", "item.listed", "2026-10-15T09:00:00Z", "p9", "E09999999", 12.0, "60.00", null),
      e("r15", "peerby", "leeds", "share.completed", "2026-10-20T09:00:00Z", null, null, 15.0, "5.00", "GBP"),
      e("r03", "peerby", "leeds", "share.completed", "2026-10-31T23:30:00Z", "p6", "E01000003", 5.0, "40.00", null),  // 23:30 GMT on 31 Oct
      // October: repair-cafe (repair); p1 and p2 also appear in peerby
      e("r16", "repair-cafe", "kirklees", "repair.attempted", "2026-10-04T10:00:00Z", "p1", "E01000001", 30.0, null, null),
      e("r17", "repair-cafe", "kirklees", "repair.fixed", "2026-10-04T11:00:00Z", "p1", "E01000001", 45.0, "8.00", "GBP"),
      e("r18", "repair-cafe", "kirklees", "repair.attempted", "2026-10-11T10:00:00Z", "p2", "E01000002", 20.0, null, null),
      e("r19", "repair-cafe", "kirklees", "repair.fixed", "2026-10-11T11:00:00Z", "p2", "E01000002", 25.0, null, null),
      e("r20", "repair-cafe", "kirklees", "repair.attempted", "2026-10-18T10:00:00Z", "p10", "E01000001", 60.0, null, null),
      e("r21", "repair-cafe", "kirklees", "repair.attempted", "2026-10-25T10:00:00Z", "p11", "E01000002", 35.0, null, null),
      e("r22", "repair-cafe", "kirklees", "repair.fixed", "2026-10-25T11:00:00Z", "p11", "E01000002", 40.0, "12.50", "GBP"),
      e("r23", "repair-cafe", "kirklees", "repair.attempted", "2026-10-26T10:00:00Z", "p12", null, 50.0, null, null));

  public static final List<Cost> COSTS = List.of(
      new Cost("c1", "funder", "kirklees", "2026-09-15", "2026-11-14", "6100.00", null),   // 61 days, 31 in October
      new Cost("c2", "funder", "leeds", "2026-10-10", "2026-10-19", "1000.00", "GBP"),     // inside October
      new Cost("c3", "funder", "leeds", "2026-10-01", "2026-10-31", "500.00", "USD"),      // all of October, in dollars
      new Cost("c4", "funder", "kirklees", "2026-10-01", "2026-10-31", "999.00", "EUR"),   // no rate for euros
      new Cost("c5", "funder", "kirklees", "2026-11-15", "2026-12-31", "5000.00", null),   // after October
      new Cost("c6", "funder", "bradford", "2026-10-01", "2026-12-31", "920.00", null));   // 92 days, 31 in October

  /** Deciles: E01000001 → 1, E01000002 → 3, E01000003 → 8, E01000004 → none; E09999999 is not listed. */
  public static final String AREAS_CSV = """
      area_code,name,local_authority,population,deprivation_decile
      E01000001,Dewsbury West,Kirklees,1500,1
      E01000002,Batley East,Kirklees,1600,3
      E01000003,Headingley,Leeds,1700,8
      E01000004,Roundhay,Leeds,1800,
      """;

  private final Path root;

  private ImpactStoreFixture(Path root) {
    this.root = root;
  }

  public StoreLayout store() {
    return new StoreLayout(root.resolve("store"));
  }

  public Path areasFile() {
    return root.resolve("areas.csv");
  }

  /** Writes the store and the areas file under {@code root}. */
  public static ImpactStoreFixture write(Path root) {
    return write(root, EVENTS, COSTS, AREAS_CSV);
  }

  /** Writes a store of the given rows and an areas file with the given text under {@code root}. */
  public static ImpactStoreFixture write(Path root, List<Event> events, List<Cost> costs, String areasCsv) {
    ImpactStoreFixture f = new ImpactStoreFixture(root);
    try {
      Files.createDirectories(f.store().tableDir(CanonicalTable.ACTIVITY));
      Files.createDirectories(f.store().tableDir(CanonicalTable.COSTS));
      Files.writeString(f.areasFile(), areasCsv);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
        writeActivity(c, f.store(), events);
        if (!costs.isEmpty()) {
          writeCosts(c, f.store(), costs);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return f;
  }

  private static String createTable(String name, CanonicalTable table, String extra) {
    return "CREATE TABLE " + name + " (" + table.columns().stream()
        .map(col -> '"' + col.name() + "\" " + col.type().duckdbType())
        .collect(Collectors.joining(", ")) + extra + ")";
  }

  static void writeActivity(Connection c, StoreLayout store, List<Event> events) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(createTable("act", CanonicalTable.ACTIVITY, ", \"month\" VARCHAR"));
    }
    String sql = "INSERT INTO act VALUES (?, ?, ?, ?, ?, NULL, CAST(? AS TIMESTAMPTZ), CAST(? AS DATE), ?, NULL, ?, NULL, NULL, ?,"
        + " CAST(? AS DECIMAL(18,2)), ?, CASE WHEN CAST(? AS VARCHAR) IS NULL THEN NULL ELSE MAP {'channel': CAST(? AS VARCHAR)} END,"
        + " 'fixture', ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int row = 0;
      for (Event e : events) {
        int i = 1;
        p.setString(i++, e.source());
        p.setString(i++, e.id());
        p.setString(i++, e.platformKind());
        p.setString(i++, e.grantee());
        p.setString(i++, e.type());
        p.setString(i++, e.at());
        p.setString(i++, e.occurredOn().toString());
        p.setString(i++, e.participant());
        p.setString(i++, e.area());
        p.setObject(i++, e.quantity());
        p.setString(i++, e.amount());
        p.setString(i++, e.currency());
        p.setString(i++, e.channel());
        p.setString(i++, e.channel());
        p.setLong(i++, ++row);
        p.setString(i++, e.occurredOn().toString().substring(0, 7));
        p.executeUpdate();
      }
    }
    for (String source : events.stream().map(Event::source).distinct().toList()) {
      Path dir = store.sourceDir(CanonicalTable.ACTIVITY, source);
      try (Statement s = c.createStatement()) {
        s.execute("COPY (SELECT * EXCLUDE (\"source\") FROM act WHERE \"source\" = '" + source + "') TO '" + dir
            + "' (FORMAT parquet, PARTITION_BY (\"month\"))");
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE act");
    }
  }

  static void writeCosts(Connection c, StoreLayout store, List<Cost> costs) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(createTable("cst", CanonicalTable.COSTS, ""));
    }
    String sql = "INSERT INTO cst VALUES (?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), CAST(? AS DECIMAL(18,2)), ?, 'grant', 'Fund', NULL, 'fixture', NULL)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (Cost k : costs) {
        p.setString(1, k.source());
        p.setString(2, k.id());
        p.setString(3, k.grantee());
        p.setString(4, k.start());
        p.setString(5, k.end());
        p.setString(6, k.amount());
        p.setString(7, k.currency());
        p.executeUpdate();
      }
    }
    for (String source : costs.stream().map(Cost::source).distinct().toList()) {
      Path dir = store.sourceDir(CanonicalTable.COSTS, source);
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (Statement s = c.createStatement()) {
        s.execute("COPY (SELECT * EXCLUDE (\"source\") FROM cst WHERE \"source\" = '" + source + "') TO '"
            + dir.resolve("costs.parquet") + "' (FORMAT parquet)");
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE cst");
    }
  }
}
