package dev.spotlight.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A FixMyStreet-like street-problem reporting service: newline-delimited JSON, one report per line,
 * local times with their UTC offset ({@code +01:00} in summer, {@code +00:00} in winter).
 *
 * <p>{@code updated} is when the report last changed state, which for a fixed report is when it was
 * fixed. Every line is a {@code report.created} event at {@code created}; a fixed one is also a
 * {@code report.fixed} event at {@code updated}, read by a second source over the same file.
 */
final class StreetReportExport implements PlatformExport {

  static final SampleGrantee GRANTEE =
      new SampleGrantee("streetfix-west-yorkshire", "StreetFix West Yorkshire", "civic_reporting");
  static final String REPORTS_SOURCE = "street-reports";
  static final String FIXES_SOURCE = "street-fixes";
  static final String FILE = "exports/streetfix/reports.ndjson";
  static final Set<String> FIXED_STATES = Set.of("fixed - council", "fixed - user", "fixed");

  private static final String INVESTIGATING = "investigating";
  private static final String ACTION_SCHEDULED = "action scheduled";
  private static final WeightedChoice<String> STATES = new WeightedChoice<String>()
      .add(0.38, "fixed - council")
      .add(0.08, "fixed - user")
      .add(0.04, "fixed")
      .add(0.15, "confirmed")
      .add(0.10, INVESTIGATING)
      .add(0.12, ACTION_SCHEDULED)
      .add(0.04, "in progress")
      .add(0.05, "closed")
      .add(0.04, "unable to fix");
  private static final WeightedChoice<String> CATEGORIES = new WeightedChoice<String>()
      .add(0.24, "Potholes")
      .add(0.12, "Street lighting")
      .add(0.16, "Flytipping")
      .add(0.06, "Graffiti")
      .add(0.08, "Blocked drains")
      .add(0.09, "Pavements/footpaths")
      .add(0.06, "Dog fouling")
      .add(0.04, "Abandoned vehicles")
      .add(0.07, "Overgrown vegetation")
      .add(0.08, "Rubbish (refuse and recycling)");
  private static final Seasonality SEASONALITY = new Seasonality(
      new double[] {1.00, 1.10, 1.20, 1.40, 1.30, 1.10, 1.00, 0.90, 0.85, 0.80, 0.90, 1.00, 1.05},
      new double[] {1.15, 1.10, 1.05, 1.00, 0.95, 0.80, 0.85});
  private static final HourProfile HOURS = new HourProfile(
      0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.0, 1.4, 1.3, 1.2, 1.1, 1.2, 1.1, 1.0, 1.0, 1.1, 1.2, 1.1, 1.0, 0.9, 0.7,
      0.4, 0.2);
  /**
   * 23:50 BST on 30 September (September); 00:15 BST on 1 October, whose UTC time is still 30
   * September (October); 23:45 GMT on 31 October, the sample's last evening (October).
   */
  private static final PinnedMoments MONTH_EDGES = PinnedMoments.of(
      LocalDateTime.of(2026, 9, 30, 23, 50),
      LocalDateTime.of(2026, 10, 1, 0, 15),
      LocalDateTime.of(2026, 10, 31, 23, 45));
  private static final double REPORTED_AT_HOME = 0.8;
  private static final double REPORTED_BY_STAFF = 0.04;

  private final long events;
  private final SplittableRandom random;
  private final AreaDirectory areas;
  private final ParticipantPool reporters;
  private final StringBuilder row = new StringBuilder(256);
  private long nextReport = 4_100_001;
  private long reports;
  private long fixes;

  StreetReportExport(long events, AreaDirectory areas, SplittableRandom random) {
    this.events = events;
    this.random = random;
    this.areas = areas;
    this.reporters = new ParticipantPool(random.nextLong(), Math.max(20, events / 4), areas::homeAreaOf);
  }

  @Override
  public SampleGrantee grantee() {
    return GRANTEE;
  }

  @Override
  public String description() {
    return "newline-delimited JSON reports (`" + FILE + "`)";
  }

  @Override
  public String sourceEntries() {
    return """
          - name: %1$s
            connector: mapped
            grantee: %3$s
            options:
              files: %4$s
              format: json
              platform_kind: civic_reporting
              mapping:
                event_id: report_id
                occurred_at: created
                participant: reporter_id
                area_code: lsoa
                event_type: { value: report.created }
                attributes: [category, state]
          - name: %2$s
            connector: mapped
            grantee: %3$s
            options:
              files: %4$s
              format: json
              platform_kind: civic_reporting
              mapping:
                event_id: report_id
                occurred_at: updated
                participant: reporter_id
                area_code: lsoa
                event_type:
                  column: state
                  values: { "fixed - council": report.fixed, "fixed - user": report.fixed, fixed: report.fixed }
                  otherwise: skip
                attributes: [category, state]
        """.formatted(REPORTS_SOURCE, FIXES_SOURCE, GRANTEE.id(), FILE);
  }

  @Override
  public WrittenExport write(Path projectDir) {
    long[] perDay = SampleCalendar.spread(events, SEASONALITY::weight);
    List<LocalDate> days = SampleCalendar.days();
    Path file = SampleFile.write(projectDir.resolve(FILE), out -> {
      for (int d = 0; d < days.size(); d++) {
        writeDay(out, days.get(d), perDay[d]);
      }
    });
    Map<String, Long> eventsBySource = new LinkedHashMap<>();
    eventsBySource.put(REPORTS_SOURCE, reports);
    eventsBySource.put(FIXES_SOURCE, fixes);
    return new WrittenExport(List.of(file), eventsBySource);
  }

  /** A report's fate, decided before its time of day: its state and how long until it last changed. */
  private record Outcome(String state, long minutesToUpdate) {
    boolean fixed() {
      return FIXED_STATES.contains(state);
    }
  }

  /** Writes reports until they make {@code eventsToday} events: one per report, two for a fixed one. */
  private void writeDay(Writer out, LocalDate day, long eventsToday) throws IOException {
    LocalDateTime lastMomentOfDay = day.atTime(LocalTime.MAX);
    List<Outcome> outcomes = new ArrayList<>();
    for (long made = 0; made < eventsToday; ) {
      Outcome outcome = outcome(lastMomentOfDay, eventsToday - made);
      outcomes.add(outcome);
      made += outcome.fixed() ? 2 : 1;
    }
    int[] seconds = HOURS.sortedSecondsOfDay(random, outcomes.size(), MONTH_EDGES.secondsOn(day));
    for (int i = 0; i < seconds.length; i++) {
      Outcome outcome = outcomes.get(i);
      LocalDateTime created = LocalDateTime.of(day, LocalTime.ofSecondOfDay(seconds[i]));
      LocalDateTime updated = created.plusMinutes(outcome.minutesToUpdate());
      reports++;
      fixes += outcome.fixed() ? 1 : 0;
      row.setLength(0);
      appendReport(created, outcome.state(), updated.isBefore(SampleCalendar.END) ? updated : created);
      out.append(row);
    }
  }

  /**
   * The fate of a report made on the day ending at {@code lastMomentOfDay}: a fix needs two of the
   * day's remaining events and must fall inside the sample whatever the time of day; a report that
   * cannot be fixed in time is still open.
   */
  private Outcome outcome(LocalDateTime lastMomentOfDay, long eventsLeft) {
    String state = STATES.pick(random);
    if (FIXED_STATES.contains(state)) {
      long minutesToFix = 120 + (long) (-Math.log(1 - random.nextDouble()) * 240 * 60);
      minutesToFix = Math.min(minutesToFix, 120L * 24 * 60);
      if (eventsLeft >= 2 && lastMomentOfDay.plusMinutes(minutesToFix).isBefore(SampleCalendar.END)) {
        return new Outcome(state, minutesToFix);
      }
      state = eventsLeft >= 2 ? ACTION_SCHEDULED : INVESTIGATING;
    }
    return new Outcome(state, random.nextInt(7 * 24 * 60));
  }

  private void appendReport(LocalDateTime created, String state, LocalDateTime updated) {
    long reporter = reporters.pick(random);
    boolean byStaff = random.nextDouble() < REPORTED_BY_STAFF;
    String area = random.nextDouble() < REPORTED_AT_HOME ? reporters.homeArea(reporter) : areas.anyArea(random);

    row.append("{\"report_id\":").append(nextReport++);
    row.append(",\"created\":\"");
    TimestampText.appendWithOffset(row, created);
    row.append("\",\"updated\":\"");
    TimestampText.appendWithOffset(row, updated);
    row.append("\",\"state\":");
    JsonText.appendStringOrNull(row, state);
    row.append(",\"category\":");
    JsonText.appendStringOrNull(row, CATEGORIES.pick(random));
    row.append(",\"lsoa\":");
    JsonText.appendStringOrNull(row, area);
    row.append(",\"reporter_id\":");
    row.append(byStaff ? "null" : Long.toString(200_000 + reporter * 7 + PersonHash.index(reporters.hash(reporter), 7)));
    row.append("}\n");
  }
}
