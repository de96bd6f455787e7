package dev.spotlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls each worked mapping of docs/worked-mappings.md (Comoodle-like and GoodSAM-like from
 * sample-data/worked-mappings, Peerby-like and Spacehive-like from sample-data/sharelab) and checks
 * what reached the store against arithmetic done here on the example exports themselves, with a
 * plain CSV split and Jackson: no Spotlight or DuckDB mapping code involved.
 */
class WorkedMappingsTest {

  private static final Path ROOT = Path.of(System.getProperty("spotlight.root", ".."));
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter ISO_SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir Path work;

  @Test
  void theWorkedMappingsProjectValidatesAndComputes() throws Exception {
    Path project = pull("worked-mappings");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AppContext ctx = new AppContext(new PrintWriter(out), new PrintWriter(err), Map.of("SPOTLIGHT_PSEUDONYM_KEY", "worked-mappings-test"),
        Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC), false);
    String file = project.resolve("spotlight.yaml").toString();
    assertThat(Spotlight.execute(new String[] {"validate", "-p", file}, ctx)).as(err.toString()).isZero();
    assertThat(Spotlight.execute(new String[] {"compute", "-p", file, "--period", "2026-10", "--metric", "events", "--format", "csv"}, ctx))
        .as(err.toString()).isZero();
    // October's events, counted on the files: bookings that map to an event and start in October,
    // alerts sent in October (once as sent, once more if accepted), arrivals in October
    long bookings = csv(project.resolve("exports/comoodle/bookings-2026-q4.csv")).stream()
        .filter(r -> List.of("Completed", "Confirmed", "Requested").contains(r.get("status")))
        .filter(r -> LocalDateTime.parse(r.get("start"), DMY).getMonthValue() == 10).count();
    List<Map<String, String>> alerts = csv(project.resolve("exports/goodsam/alert-log.csv"));
    long sent = alerts.stream().filter(r -> r.get("alerted_at").startsWith("2026-10")).count();
    long accepted = alerts.stream().filter(r -> r.get("alerted_at").startsWith("2026-10") && r.get("response").equals("accepted")).count();
    long arrived = alerts.stream().filter(r -> r.get("outcome").equals("arrived") && r.get("arrived_at").startsWith("2026-10")).count();
    assertThat(bookings + sent + accepted + arrived).isEqualTo(27);
    assertThat(out.toString().lines()).contains("events,2026-10," + (bookings + sent + accepted + arrived) + ",,,ok");
  }

  @Test
  void comoodleLikeBookings() throws Exception {
    Path project = pull("worked-mappings", "comoodle-bookings");
    List<Map<String, String>> rows = csv(project.resolve("exports/comoodle/bookings-2026-q4.csv"));
    long completed = rows.stream().filter(r -> r.get("status").equals("Completed")).count();
    long requested = rows.stream().filter(r -> r.get("status").equals("Confirmed") || r.get("status").equals("Requested")).count();
    BigDecimal completedValue = rows.stream().filter(r -> r.get("status").equals("Completed"))
        .map(r -> new BigDecimal(r.get("booking_value_gbp"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    long borrowers = rows.stream().filter(r -> r.get("status").equals("Completed")).map(r -> r.get("borrowing_organisation")).distinct().count();
    long assets = rows.stream().filter(r -> r.get("status").equals("Completed")).map(r -> r.get("asset_id")).distinct().count();
    long completedInOctober = rows.stream().filter(r -> r.get("status").equals("Completed"))
        .filter(r -> LocalDateTime.parse(r.get("start"), DMY).getMonthValue() == 10).count();
    assertThat(completed).isEqualTo(8);

    assertThat(query(project, "SELECT event_type, count(*), sum(amount), count(DISTINCT participant), count(DISTINCT counterpart)"
        + " FROM activity WHERE source = 'comoodle-bookings' GROUP BY 1 ORDER BY 1"))
        .containsExactly(
            "booking.completed|" + completed + "|" + completedValue.setScale(2) + "|" + borrowers + "|" + assets,
            "share.requested|" + requested + "|230.00|3|3");
    assertThat(query(project, "SELECT month, count(*) FROM activity WHERE event_type = 'booking.completed' GROUP BY 1 ORDER BY 1"))
        .containsExactly("2026-10|" + completedInOctober);
    assertThat(query(project, "SELECT DISTINCT outcome FROM activity WHERE event_type = 'booking.completed'")).containsExactly("asset_use");
    assertThat(query(project, "SELECT attributes['asset_type'], attributes['owner'], attributes['ends_at'] FROM activity WHERE event_id = 'CB-2026-0108'"))
        .containsExactly("vehicle|Wakefield Council|24/10/2026 18:00");
    // cancelled and declined bookings are filtered on purpose, and counted in the pull summary
    long notMapped = rows.size() - completed - requested;
    assertThat(notMapped).isEqualTo(2);
    assertThat(summaryLine(project, "comoodle-bookings")).containsSubsequence(String.valueOf(rows.size()), String.valueOf(completed + requested), "0",
        String.valueOf(notMapped));
  }

  @Test
  void goodSamLikeAlertLog() throws Exception {
    Path project = pull("worked-mappings", "goodsam-alerts", "goodsam-accepted", "goodsam-arrivals");
    List<Map<String, String>> rows = csv(project.resolve("exports/goodsam/alert-log.csv"));
    long accepted = rows.stream().filter(r -> r.get("response").equals("accepted")).count();
    List<Map<String, String>> arrived = rows.stream().filter(r -> r.get("outcome").equals("arrived")).toList();
    double minutes = arrived.stream().mapToDouble(r -> Double.parseDouble(r.get("minutes_to_arrive"))).sum();
    // the export's own minutes agree with the times it gives
    double fromTimes = arrived.stream().mapToDouble(r -> Duration.between(LocalDateTime.parse(r.get("alerted_at"), ISO_SPACE),
        LocalDateTime.parse(r.get("arrived_at"), ISO_SPACE)).getSeconds() / 60.0).sum();
    assertThat(minutes).isEqualTo(fromTimes).isEqualTo(50.5);
    long beforeAmbulance = arrived.stream().filter(r -> r.get("before_ambulance").equals("yes")).count();
    long responders = rows.stream().map(r -> r.get("responder_id")).distinct().count();
    long arrivedInNovember = arrived.stream().filter(r -> r.get("arrived_at").startsWith("2026-11")).count();

    assertThat(query(project, "SELECT source, event_type, count(*), sum(quantity), count(DISTINCT participant) FROM activity GROUP BY ALL ORDER BY 1"))
        .containsExactly(
            "goodsam-accepted|alert.accepted|" + accepted + "|" + (double) accepted + "|" + distinct(rows, "response", "accepted"),
            "goodsam-alerts|alert.sent|" + rows.size() + "|" + (double) rows.size() + "|" + responders,
            "goodsam-arrivals|responder.arrived|" + arrived.size() + "|" + minutes + "|" + distinct(rows, "outcome", "arrived"));
    assertThat(query(project, "SELECT count(*) FILTER (WHERE attributes['before_ambulance'] = 'yes'), count(*) FILTER (WHERE month = '2026-11'),"
        + " min(outcome) FROM activity WHERE event_type = 'responder.arrived'"))
        .containsExactly(beforeAmbulance + "|" + arrivedInNovember + "|first_response");
    // the arrival is dated when the responder arrived, the alert when it was sent
    assertThat(query(project, "SELECT source, occurred_on FROM activity WHERE event_id = 'GS-90008' ORDER BY 1"))
        .containsExactly("goodsam-accepted|2026-10-31", "goodsam-alerts|2026-10-31", "goodsam-arrivals|2026-11-01");
  }

  @Test
  void peerbyLikeLoans() throws Exception {
    Path project = pull("sharelab", "lend-borrow-loans");
    List<Map<String, String>> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(project.resolve("exports/lend-borrow"))) {
      for (Path f : files.sorted().toList()) {
        rows.addAll(csv(f));
      }
    }
    Map<String, Long> counts = new HashMap<>();
    Map<String, BigDecimal> sums = new HashMap<>();
    for (Map<String, String> r : rows) {
      String type = switch (r.get("status")) {
        case "returned" -> "share.completed";
        case "requested" -> "share.requested";
        default -> null;
      };
      if (type != null) {
        counts.merge(type, 1L, Long::sum);
        String v = r.get("item_value_gbp");
        sums.merge(type, v.isEmpty() ? BigDecimal.ZERO : new BigDecimal(v), BigDecimal::add);
      }
    }
    assertThat(query(project, "SELECT event_type, count(*), sum(amount), sum(quantity) FROM activity GROUP BY 1 ORDER BY 1"))
        .containsExactly(
            "share.completed|" + counts.get("share.completed") + "|" + sums.get("share.completed").setScale(2) + "|" + (double) counts.get("share.completed"),
            "share.requested|" + counts.get("share.requested") + "|" + sums.get("share.requested").setScale(2) + "|" + (double) counts.get("share.requested"));
  }

  @Test
  void spacehiveLikePledges() throws Exception {
    Path project = pull("sharelab", "crowdfund-pledges");
    JsonNode pledges = new ObjectMapper().readTree(project.resolve("exports/crowdfund/pledges.json").toFile());
    Map<String, Long> counts = new HashMap<>();
    Map<String, BigDecimal> sums = new HashMap<>();
    var projects = new HashSet<String>();
    for (JsonNode p : pledges) {
      String type = p.get("pledge_type").asText().equals("crowd") ? "pledge.made" : "match.pledged";
      counts.merge(type, 1L, Long::sum);
      sums.merge(type, p.get("amount_gbp").decimalValue(), BigDecimal::add);
      projects.add(p.get("project_id").asText());
    }
    assertThat(query(project, "SELECT event_type, count(*), sum(amount) FROM activity GROUP BY 1 ORDER BY 1"))
        .containsExactly(
            "match.pledged|" + counts.get("match.pledged") + "|" + sums.get("match.pledged").setScale(2),
            "pledge.made|" + counts.get("pledge.made") + "|" + sums.get("pledge.made").setScale(2));
    assertThat(query(project, "SELECT count(DISTINCT attributes['project_id']) FROM activity")).containsExactly(String.valueOf(projects.size()));
  }

  private String lastOut;

  /** Copies sample-data/{@code folder} to a temporary folder and runs {@code spotlight pull} for {@code sources}. */
  private Path pull(String folder, String... sources) throws IOException {
    Path project = work.resolve(folder);
    copy(ROOT.resolve("sample-data").resolve(folder), project);
    List<String> args = new ArrayList<>(List.of("pull", "-p", project.resolve("spotlight.yaml").toString()));
    for (String s : sources) {
      args.add("--source");
      args.add(s);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AppContext ctx = new AppContext(new PrintWriter(out), new PrintWriter(err), Map.of("SPOTLIGHT_PSEUDONYM_KEY", "worked-mappings-test"),
        Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC), false);
    int code = Spotlight.execute(args.toArray(String[]::new), ctx);
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    lastOut = out.toString();
    return project;
  }

  /** The pull summary's line for {@code source}, split into words. */
  private List<String> summaryLine(Path project, String source) {
    return lastOut.lines().filter(l -> l.startsWith(source + " ")).findFirst().map(l -> List.of(l.trim().split("\\s+"))).orElseThrow();
  }

  private static long distinct(List<Map<String, String>> rows, String column, String value) {
    return rows.stream().filter(r -> r.get(column).equals(value)).map(r -> r.get("responder_id")).distinct().count();
  }

  /** Rows of a comma-separated file with a header, honouring double quotes (no quoted line breaks in these files). */
  private static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = split(lines.get(0));
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
      }
      out.add(row);
    }
    return out;
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static List<String> query(Path project, String sql) throws SQLException {
    Path activity = project.resolve(".spotlight/store/activity");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'Europe/London'");
      s.execute("CREATE VIEW activity AS SELECT * FROM read_parquet('" + activity + "/**/*.parquet', hive_partitioning = true)");
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(sql)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            b.append(i > 1 ? "|" : "").append(rs.getString(i));
          }
          out.add(b.toString());
        }
      }
      return out;
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path src : walk.toList()) {
        String rel = from.relativize(src).toString();
        if (rel.startsWith(".spotlight") || rel.startsWith("reports")) {
          continue;
        }
        Path dst = to.resolve(rel);
        if (Files.isDirectory(src)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(src, dst);
        }
      }
    }
  }
}
