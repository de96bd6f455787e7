package dev.spotlight.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A volunteer tool library in one village, exported from its booking system as a semicolon-separated
 * CSV with {@code yyyy-MM-dd HH:mm} local times. Deliberately small (a handful of members borrow in
 * a month) so that small-number suppression shows in the report.
 *
 * <p>The event is the checkout: a loan that is back or still out counts, a cancelled booking does not.
 */
final class ToolLibraryExport implements PlatformExport {

  static final SampleGrantee GRANTEE = new SampleGrantee("marsden-tool-library", "Marsden Tool Library", "sharing");
  static final String SOURCE = "tool-library-loans";
  static final String FILE = "exports/tool-library/marsden-loans.csv";
  static final char DELIMITER = ';';
  static final String HEADER = "loan_ref;member;item;category;checked_out;due_back;checked_in;status;member_lsoa";

  /** Events the tool library has over the whole sample, whatever the sample's size. */
  static final long FULL_SIZE_EVENTS = 96;
  private static final int MEMBERS = 5;

  private enum Status {
    RETURNED("Returned"),
    ON_LOAN("On loan"),
    CANCELLED("Cancelled");

    private final String text;

    Status(String text) {
      this.text = text;
    }
  }

  private record Tool(String name, String category) {}

  private static final List<Tool> TOOLS = List.of(
      new Tool("Hedge trimmer", "Garden"),
      new Tool("Lawn scarifier", "Garden"),
      new Tool("Wallpaper steamer", "Decorating"),
      new Tool("Pressure washer", "Cleaning"),
      new Tool("Carpet cleaner", "Cleaning"),
      new Tool("Hammer drill", "Power tools"),
      new Tool("Jigsaw", "Power tools"),
      new Tool("Ladder (3.5 m)", "Access"),
      new Tool("Gazebo", "Events"));
  private static final double[] MONTHS = {0.8, 0.7, 0.6, 0.5, 0.6, 0.9, 1.3, 1.4, 1.3, 1.2, 1.1, 0.9, 0.8};
  private static final double CANCELLED_SHARE = 0.08;

  private final long events;
  private final SplittableRandom random;
  private final ParticipantPool members;
  private final StringBuilder row = new StringBuilder(160);
  private long nextLoan = 1;

  ToolLibraryExport(long events, AreaDirectory areas, SplittableRandom random) {
    this.events = events;
    this.random = random;
    this.members = new ParticipantPool(random.nextLong(), MEMBERS, areas::villageAreaOf);
  }

  @Override
  public SampleGrantee grantee() {
    return GRANTEE;
  }

  @Override
  public String description() {
    return "semicolon-separated CSV of loans (`" + FILE + "`)";
  }

  @Override
  public String sourceEntries() {
    return """
          - name: %s
            connector: mapped
            grantee: %s
            options:
              files: %s
              format: csv
              delimiter: ";"
              platform_kind: sharing
              mapping:
                event_id: loan_ref
                occurred_at: checked_out
                participant: member
                area_code: member_lsoa
                quantity: { value: 1 }
                event_type:
                  column: status
                  values: { Returned: share.completed, "On loan": share.completed }
                  otherwise: skip
                attributes: [item, category]
        """.formatted(SOURCE, GRANTEE.id(), FILE);
  }

  @Override
  public WrittenExport write(Path projectDir) {
    long[] perDay = SampleCalendar.spread(events, ToolLibraryExport::weight);
    List<LocalDate> days = SampleCalendar.days();
    Path file = SampleFile.write(projectDir.resolve(FILE), out -> {
      out.write(HEADER + "\n");
      for (int d = 0; d < days.size(); d++) {
        writeDay(out, days.get(d), perDay[d]);
      }
    });
    return new WrittenExport(List.of(file), Map.of(SOURCE, events));
  }

  /** Open on Saturday mornings and Wednesday evenings. */
  private static double weight(LocalDate day) {
    double month = MONTHS[SampleCalendar.monthIndex(day)];
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> 2 * month;
      case WEDNESDAY -> month;
      default -> 0;
    };
  }

  private void writeDay(Writer out, LocalDate day, long eventsToday) throws IOException {
    int opens = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 10 * 3600 : 18 * 3600;
    int minute = 0;
    for (long made = 0; made < eventsToday; ) {
      Status status = random.nextDouble() < CANCELLED_SHARE ? Status.CANCELLED : Status.RETURNED;
      minute += 1 + random.nextInt(25);
      LocalDateTime checkedOut = LocalDateTime.of(day, LocalTime.ofSecondOfDay(opens + minute * 60L));
      LocalDateTime checkedIn = checkedOut.plusDays(2 + random.nextInt(13)).plusMinutes(random.nextInt(240));
      if (status == Status.RETURNED && !checkedIn.isBefore(SampleCalendar.END)) {
        status = Status.ON_LOAN;
      }
      if (status != Status.CANCELLED) {
        made++;
      }
      row.setLength(0);
      appendLoan(checkedOut, status == Status.RETURNED ? checkedIn : null, status);
      out.append(row);
    }
  }

  private void appendLoan(LocalDateTime checkedOut, LocalDateTime checkedIn, Status status) {
    long member = members.pick(random);
    Tool tool = TOOLS.get(random.nextInt(TOOLS.size()));
    row.append("MTL-").append(nextLoan++).append(DELIMITER);
    row.append('M').append(String.format("%03d", 11 + member)).append(DELIMITER);
    row.append(tool.name()).append(DELIMITER).append(tool.category()).append(DELIMITER);
    TimestampText.appendIsoMinutes(row, checkedOut.toLocalDate(), checkedOut.toLocalTime().toSecondOfDay());
    row.append(DELIMITER);
    TimestampText.appendIsoDate(row, checkedOut.toLocalDate().plusDays(7));
    row.append(DELIMITER);
    if (checkedIn != null) {
      TimestampText.appendIsoMinutes(row, checkedIn.toLocalDate(), checkedIn.toLocalTime().toSecondOfDay());
    }
    row.append(DELIMITER).append(status.text).append(DELIMITER).append(members.homeArea(member)).append('\n');
  }
}
