package dev.spotlight.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Spacehive-like matched crowdfunding site: a JSON array of pledges with UTC ({@code Z}) times.
 * Most pledges come from the crowd; councils match some projects with one large pledge each time.
 */
final class MatchedCrowdfundingExport implements PlatformExport {

  static final SampleGrantee GRANTEE =
      new SampleGrantee("west-yorkshire-crowdfund", "West Yorkshire Community Crowdfund", "crowdfunding");
  static final String SOURCE = "crowdfund-pledges";
  static final String FILE = "exports/crowdfund/pledges.json";

  private static final double COUNCIL_MATCH_SHARE = 0.07;
  private static final double BACKER_AREA_KNOWN = 0.6;
  private static final String[] COUNCILS = {"Kirklees Council", "Calderdale Council", "Leeds City Council"};
  private static final WeightedChoice<Integer> CROWD_POUNDS = new WeightedChoice<Integer>()
      .add(0.06, 5).add(0.20, 10).add(0.07, 15).add(0.18, 20).add(0.14, 25).add(0.05, 30)
      .add(0.15, 50).add(0.04, 75).add(0.08, 100).add(0.03, 250);
  private static final Seasonality SEASONALITY = new Seasonality(
      new double[] {0.80, 1.20, 1.50, 0.60, 0.80, 1.00, 1.10, 1.30, 1.00, 0.70, 1.10, 1.20, 1.00},
      new double[] {1.00, 1.00, 1.00, 1.05, 1.10, 0.90, 0.95});
  private static final HourProfile HOURS = new HourProfile(
      0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1, 1, 1.1, 1.3, 1.2, 1.1, 1.1, 1.2, 1.4, 1.6, 1.8, 1.9, 1.7, 1.2,
      0.6);
  /**
   * 2026-10-01 00:30 BST is 2026-09-30T23:30:00Z: an October pledge whose UTC date is in September;
   * 23:45 BST on 30 September stays in September; 01:30 on 25 October falls in the hour the clocks
   * go back; 23:59 on 31 October (GMT again) is the last October minute.
   */
  private static final PinnedMoments MONTH_EDGES = PinnedMoments.of(
      LocalDateTime.of(2026, 9, 30, 23, 45),
      LocalDateTime.of(2026, 10, 1, 0, 30),
      LocalDateTime.of(2026, 10, 25, 1, 30),
      LocalDateTime.of(2026, 10, 31, 23, 59));

  private final long events;
  private final SplittableRandom random;
  private final ParticipantPool backers;
  private final int projectsPerMonth;
  private final StringBuilder row = new StringBuilder(256);
  private long nextPledge = 1;
  private boolean firstPledge = true;

  MatchedCrowdfundingExport(long events, AreaDirectory areas, SplittableRandom random) {
    this.events = events;
    this.random = random;
    this.backers = new ParticipantPool(random.nextLong(), Math.max(20, events * 2 / 3), areas::homeAreaOf);
    this.projectsPerMonth = (int) Math.max(3, Math.min(60, events / (SampleCalendar.MONTHS * 60L)));
  }

  @Override
  public SampleGrantee grantee() {
    return GRANTEE;
  }

  @Override
  public String description() {
    return "JSON array of pledges (`" + FILE + "`)";
  }

  @Override
  public String sourceEntries() {
    return """
          - name: %s
            connector: mapped
            grantee: %s
            options:
              files: %s
              format: json
              platform_kind: crowdfunding
              mapping:
                event_id: pledge_id
                occurred_at: pledged_at
                participant: backer_id
                area_code: backer_lsoa
                amount: amount_gbp
                event_type:
                  column: pledge_type
                  values: { crowd: pledge.made, council_match: match.pledged }
                attributes: [project_id, matched_by]
        """.formatted(SOURCE, GRANTEE.id(), FILE);
  }

  @Override
  public WrittenExport write(Path projectDir) {
    long[] perDay = SampleCalendar.spread(events, SEASONALITY::weight);
    List<LocalDate> days = SampleCalendar.days();
    Path file = SampleFile.write(projectDir.resolve(FILE), out -> {
      out.write('[');
      for (int d = 0; d < days.size(); d++) {
        writeDay(out, days.get(d), (int) perDay[d]);
      }
      out.write("\n]\n");
    });
    return new WrittenExport(List.of(file), Map.of(SOURCE, events));
  }

  private void writeDay(Writer out, LocalDate day, int pledges) throws IOException {
    int[] seconds = HOURS.sortedSecondsOfDay(random, pledges, MONTH_EDGES.secondsOn(day));
    for (int second : seconds) {
      row.setLength(0);
      row.append(firstPledge ? "\n  " : ",\n  ");
      firstPledge = false;
      appendPledge(day, second);
      out.append(row);
    }
  }

  private void appendPledge(LocalDate day, int second) {
    int monthIndex = SampleCalendar.monthIndex(day);
    int launchMonth = monthIndex > 0 && random.nextInt(10) < 3 ? monthIndex - 1 : monthIndex;
    int project = 1 + random.nextInt(projectsPerMonth);
    YearMonth launched = YearMonth.from(SampleCalendar.FIRST_DAY).plusMonths(launchMonth);
    boolean councilMatch = random.nextDouble() < COUNCIL_MATCH_SHARE;

    row.append("{\"pledge_id\":\"PLG-").append(nextPledge++).append('"');
    row.append(",\"project_id\":\"SH-").append(launched.getYear() % 100);
    if (launched.getMonthValue() < 10) {
      row.append('0');
    }
    row.append(launched.getMonthValue()).append('-').append(project).append('"');
    row.append(",\"pledged_at\":\"");
    TimestampText.appendUtc(row, day, second);
    row.append('"');
    if (councilMatch) {
      row.append(",\"backer_id\":null,\"amount_gbp\":");
      MoneyText.appendPounds(row, (250 + 50L * random.nextInt(96)) * 100);
      row.append(",\"pledge_type\":\"council_match\",\"backer_lsoa\":null,\"matched_by\":");
      JsonText.appendStringOrNull(row, COUNCILS[(launchMonth + project) % COUNCILS.length]);
    } else {
      long backer = backers.pick(random);
      row.append(",\"backer_id\":\"bk").append(100_000 + backer).append('"');
      row.append(",\"amount_gbp\":");
      long pounds = random.nextInt(10) == 0 ? 1 + random.nextInt(200) : CROWD_POUNDS.pick(random);
      MoneyText.appendPounds(row, pounds * 100);
      row.append(",\"pledge_type\":\"crowd\",\"backer_lsoa\":");
      JsonText.appendStringOrNull(row, random.nextDouble() < BACKER_AREA_KNOWN ? backers.homeArea(backer) : "");
      row.append(",\"matched_by\":null");
    }
    row.append('}');
  }
}
