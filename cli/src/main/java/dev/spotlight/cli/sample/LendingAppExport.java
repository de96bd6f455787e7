package dev.spotlight.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Peerby-like neighbourhood lending app: one CSV of loans per month, local times as
 * {@code dd/MM/yyyy HH:mm}, borrowers and lenders by e-mail address.
 *
 * <p>A loan is one row whatever its status, so the row's event time is {@code status_changed_at}:
 * when it was returned for a returned loan, when it was asked for while it is still a request.
 * {@code returned_at} is empty until the item comes back, as in the app.
 */
final class LendingAppExport implements PlatformExport {

  static final SampleGrantee GRANTEE = new SampleGrantee("kirklees-lend-borrow", "Kirklees Lend & Borrow", "sharing");
  static final String SOURCE = "lend-borrow-loans";
  static final String FOLDER = "exports/lend-borrow";
  static final String HEADER = "loan_id,requested_at,returned_at,status_changed_at,borrower_email,lender_email,"
      + "lsoa,item_category,item_value_gbp,status";

  private enum Status {
    RETURNED("returned"),
    REQUESTED("requested"),
    CANCELLED("cancelled");

    private final String text;

    Status(String text) {
      this.text = text;
    }
  }

  private record ItemCategory(String name, int minPounds, int maxPounds) {}

  private static final WeightedChoice<Status> STATUSES = new WeightedChoice<Status>()
      .add(0.70, Status.RETURNED)
      .add(0.18, Status.REQUESTED)
      .add(0.12, Status.CANCELLED);
  private static final WeightedChoice<ItemCategory> ITEMS = new WeightedChoice<ItemCategory>()
      .add(0.22, new ItemCategory("Tools & DIY", 15, 250))
      .add(0.14, new ItemCategory("Garden", 10, 300))
      .add(0.12, new ItemCategory("Kitchen", 10, 150))
      .add(0.10, new ItemCategory("Camping & outdoors", 20, 400))
      .add(0.10, new ItemCategory("Party & events", 10, 120))
      .add(0.08, new ItemCategory("Electronics", 30, 500))
      .add(0.09, new ItemCategory("Kids & baby", 10, 200))
      .add(0.08, new ItemCategory("Sports & leisure", 15, 350))
      .add(0.07, new ItemCategory("Cleaning", 20, 250));
  private static final Seasonality SEASONALITY = new Seasonality(
      new double[] {0.90, 0.80, 0.95, 0.70, 0.75, 0.90, 1.10, 1.30, 1.35, 1.30, 1.25, 1.00, 1.05},
      new double[] {0.90, 0.90, 0.95, 1.00, 1.15, 1.40, 1.20});
  private static final HourProfile HOURS = new HourProfile(
      0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.8, 1, 1, 1.1, 1, 0.9, 0.9, 1, 1.3, 1.5, 1.4, 1, 0.6, 0, 0);
  /** Late-night returns either side of the September/October edge and on the last evening of the sample. */
  private static final PinnedMoments MONTH_EDGES = PinnedMoments.of(
      LocalDateTime.of(2026, 9, 30, 23, 59),
      LocalDateTime.of(2026, 10, 1, 0, 0),
      LocalDateTime.of(2026, 10, 31, 23, 30));
  private static final String[] FIRST_NAMES = {
    "amira", "ben", "chloe", "daniel", "ellie", "farhan", "grace", "harry", "isla", "jack", "kiran", "leah",
    "mohammed", "niamh", "oliver", "priya", "rhys", "sophie", "tariq", "yasmin", "zoe", "liam", "hana", "owen"
  };
  private static final String[] SURNAMES = {
    "ahmed", "brook", "clarke", "dawson", "evans", "fletcher", "green", "hussain", "iqbal", "jones", "kaur",
    "lister", "mahmood", "nowak", "oakes", "patel", "quinn", "riley", "shaw", "taylor", "walsh", "wood"
  };
  private static final String[] MAIL_DOMAINS = {"example.org", "example.com", "example.net"};

  private final long events;
  private final SplittableRandom random;
  private final ParticipantPool members;
  private final StringBuilder row = new StringBuilder(256);
  private long nextLoanNumber = 100_001;

  LendingAppExport(long events, AreaDirectory areas, SplittableRandom random) {
    this.events = events;
    this.random = random;
    this.members = new ParticipantPool(random.nextLong(), Math.max(12, events / 3), areas::homeAreaOf);
  }

  @Override
  public SampleGrantee grantee() {
    return GRANTEE;
  }

  @Override
  public String description() {
    return "monthly CSV files of loans (`" + FOLDER + "/`)";
  }

  @Override
  public String sourceEntries() {
    return """
          - name: %s
            connector: mapped
            grantee: %s
            options:
              files: %s/loans-*.csv
              format: csv
              table: activity
              platform_kind: sharing
              mapping:
                event_id: loan_id
                occurred_at: { column: status_changed_at, format: "dd/MM/yyyy HH:mm" }
                participant: borrower_email
                counterpart: lender_email
                area_code: lsoa
                amount: item_value_gbp
                quantity: { value: 1 }
                event_type:
                  column: status
                  values: { returned: share.completed, requested: share.requested }
                  otherwise: skip
                attributes: [item_category]
        """.formatted(SOURCE, GRANTEE.id(), FOLDER);
  }

  @Override
  public WrittenExport write(Path projectDir) {
    long[] perDay = SampleCalendar.spread(events, SEASONALITY::weight);
    List<LocalDate> days = SampleCalendar.days();
    List<Path> files = new ArrayList<>();
    for (YearMonth month : SampleCalendar.months()) {
      int firstDay = (int) ChronoUnit.DAYS.between(SampleCalendar.FIRST_DAY, month.atDay(1));
      Path file = projectDir.resolve(FOLDER + "/loans-" + month + ".csv");
      files.add(SampleFile.write(file, out -> {
        out.write(HEADER + "\n");
        for (int d = firstDay; d < firstDay + month.lengthOfMonth(); d++) {
          writeDay(out, days.get(d), perDay[d]);
        }
      }));
    }
    return new WrittenExport(files, Map.of(SOURCE, events));
  }

  /** Writes loans until {@code eventsToday} of them are returned or requested; cancelled ones come on top. */
  private void writeDay(Writer out, LocalDate day, long eventsToday) throws IOException {
    List<Status> statuses = new ArrayList<>();
    for (long counted = 0; counted < eventsToday; ) {
      Status status = STATUSES.pick(random);
      statuses.add(status);
      if (status != Status.CANCELLED) {
        counted++;
      }
    }
    int[] seconds = HOURS.sortedSecondsOfDay(random, statuses.size(), MONTH_EDGES.secondsOn(day));
    for (int i = 0; i < seconds.length; i++) {
      row.setLength(0);
      appendLoan(day, seconds[i], statuses.get(i));
      out.append(row);
    }
  }

  private void appendLoan(LocalDate day, int second, Status status) {
    long borrower = members.pick(random);
    long lender = members.pickOtherThan(borrower, random);
    ItemCategory item = ITEMS.pick(random);
    long pence = (item.minPounds() + random.nextInt(item.maxPounds() - item.minPounds() + 1)) * 100L
        + (random.nextInt(5) == 0 ? 50 : 0);

    row.append("LN").append(nextLoanNumber++).append(',');
    switch (status) {
      case RETURNED -> TimestampText.appendDayFirstMinutes(
          row, day.minusDays(1 + random.nextInt(14)), HOURS.secondOfDay(random));
      case REQUESTED -> TimestampText.appendDayFirstMinutes(row, day, second);
      case CANCELLED -> TimestampText.appendDayFirstMinutes(
          row, day.minusDays(1 + random.nextInt(3)), HOURS.secondOfDay(random));
    }
    row.append(',');
    if (status == Status.RETURNED) {
      TimestampText.appendDayFirstMinutes(row, day, second);
    }
    row.append(',');
    TimestampText.appendDayFirstMinutes(row, day, second);
    row.append(',').append(email(borrower));
    row.append(',').append(email(lender));
    row.append(',').append(members.homeArea(borrower));
    row.append(',').append(item.name());
    row.append(',');
    MoneyText.appendPounds(row, pence);
    row.append(',').append(status.text).append('\n');
  }

  private String email(long person) {
    long hash = members.hash(person);
    return FIRST_NAMES[PersonHash.index(hash, FIRST_NAMES.length)] + "."
        + SURNAMES[PersonHash.index(hash >>> 20, SURNAMES.length)] + (person + 1) + "@"
        + MAIL_DOMAINS[PersonHash.index(hash >>> 40, MAIL_DOMAINS.length)];
  }
}
