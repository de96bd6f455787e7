package dev.spotlight.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A repair café network's records, shaped like the Open Repair Data Standard (v0.3) partner CSV plus
 * the visitor's number and home area: one row per item brought in, on the Saturday its group met.
 *
 * <p>Every row is a repair attempt and a Fixed row is also a fix, so two sources read the file: one
 * maps every row to {@code repair.attempted}, the other only Fixed rows to {@code repair.fixed}.
 * Both use the record id as event id; the different source names keep (source, event_id) unique.
 */
final class RepairCafeExport implements PlatformExport {

  static final SampleGrantee GRANTEE = new SampleGrantee("calder-repair-network", "Calder Valley Repair Café Network", "repair");
  static final String ATTEMPTS_SOURCE = "repair-attempts";
  static final String FIXES_SOURCE = "repair-fixes";
  static final String FILE = "exports/repair/OpenRepairData_v0.3_CalderRepair_202510_202610.csv";
  static final String HEADER = "id,data_provider,country,product_category,product_category_id,brand,product_age,"
      + "repair_status,repair_barrier_if_end_of_life,group_identifier,event_date,problem,lsoa,visitor_id";
  static final String FIXED = "Fixed";
  private static final String REPAIRABLE = "Repairable";
  private static final String END_OF_LIFE = "End of life";

  private record ProductCategory(String name, int ordsId, List<String> brands) {}

  private static final WeightedChoice<String> STATUSES = new WeightedChoice<String>()
      .add(0.52, FIXED)
      .add(0.20, REPAIRABLE)
      .add(0.22, END_OF_LIFE)
      .add(0.06, "Unknown");
  private static final WeightedChoice<ProductCategory> PRODUCTS = new WeightedChoice<ProductCategory>()
      .add(0.12, new ProductCategory("Small kitchen item", 29, List.of("Kenwood", "Russell Hobbs", "Morphy Richards")))
      .add(0.08, new ProductCategory("Kettle", 14, List.of("Russell Hobbs", "Breville", "Swan")))
      .add(0.07, new ProductCategory("Toaster", 31, List.of("Dualit", "Breville", "Swan")))
      .add(0.11, new ProductCategory("Vacuum", 34, List.of("Dyson", "Henry", "Vax", "Hoover")))
      .add(0.10, new ProductCategory("Lamp", 15, List.of("IKEA", "Habitat")))
      .add(0.08, new ProductCategory("Laptop", 16, List.of("Lenovo", "HP", "Dell", "Apple")))
      .add(0.06, new ProductCategory("Mobile", 19, List.of("Samsung", "Apple", "Motorola")))
      .add(0.06, new ProductCategory("Hi-Fi separates", 13, List.of("Technics", "Denon", "Sony")))
      .add(0.07, new ProductCategory("Portable radio", 23, List.of("Roberts", "Sony", "Goodmans")))
      .add(0.06, new ProductCategory("Sewing machine", 27, List.of("Singer", "Brother", "Janome")))
      .add(0.07, new ProductCategory("Power tool", 24, List.of("Bosch", "Black+Decker", "Makita")))
      .add(0.04, new ProductCategory("Hair dryer", 39, List.of("Remington", "BaByliss", "Philips")))
      .add(0.04, new ProductCategory("Toy", 32, List.of()))
      .add(0.04, new ProductCategory("Watch/clock", 35, List.of("Casio", "Seiko", "Timex")));
  private static final String[] PROBLEMS = {
    "Won't turn on",
    "Cuts out after a few minutes",
    "Loose wire in the plug",
    "Makes a \"grinding\" noise",
    "Cracked casing, still works",
    "Battery won't hold charge",
    "Switch broken",
    "Stopped working after a power cut",
    "Intermittent fault; works if you wiggle the cable",
    "Burning smell, then nothing",
    "Hinge snapped",
    "Cable frayed near the handle"
  };
  private static final String[] END_OF_LIFE_BARRIERS = {
    "Spare parts not available", "Spare parts too expensive", "No way to open the product",
    "Repair information not available", "Lack of equipment"
  };
  /** The group that meets on the first, second, ... fifth Saturday of a month. */
  private static final String[] GROUPS_BY_SATURDAY = {
    "Huddersfield Repair Café", "Halifax Fixers", "Hebden Bridge Repair Café", "Leeds Restart Party",
    "Dewsbury Fix-It Pop-up"
  };
  private static final double[] MONTHS = {1.00, 1.10, 0.80, 1.20, 1.10, 1.00, 0.95, 0.90, 0.85, 0.60, 0.90, 1.00, 1.05};

  private final long events;
  private final SplittableRandom random;
  private final ParticipantPool visitors;
  private final StringBuilder row = new StringBuilder(256);
  private long nextRecord = 1;
  private long attempts;
  private long fixes;

  RepairCafeExport(long events, AreaDirectory areas, SplittableRandom random) {
    this.events = events;
    this.random = random;
    this.visitors = new ParticipantPool(random.nextLong(), Math.max(20, events / 2), areas::homeAreaOf);
  }

  @Override
  public SampleGrantee grantee() {
    return GRANTEE;
  }

  @Override
  public String description() {
    return "Open Repair Data Standard CSV (`" + FILE + "`)";
  }

  @Override
  public String sourceEntries() {
    return """
          - name: %1$s
            connector: mapped
            grantee: %3$s
            options:
              files: %4$s
              format: csv
              platform_kind: repair
              mapping:
                event_id: id
                occurred_at: event_date
                participant: visitor_id
                area_code: lsoa
                event_type: { value: repair.attempted }
                attributes: [product_category, repair_status, group_identifier]
          - name: %2$s
            connector: mapped
            grantee: %3$s
            options:
              files: %4$s
              format: csv
              platform_kind: repair
              mapping:
                event_id: id
                occurred_at: event_date
                participant: visitor_id
                area_code: lsoa
                event_type:
                  column: repair_status
                  values: { Fixed: repair.fixed }
                  otherwise: skip
                attributes: [product_category, group_identifier]
        """.formatted(ATTEMPTS_SOURCE, FIXES_SOURCE, GRANTEE.id(), FILE);
  }

  @Override
  public WrittenExport write(Path projectDir) {
    long[] perDay = SampleCalendar.spread(events, RepairCafeExport::weight);
    List<LocalDate> days = SampleCalendar.days();
    Path file = SampleFile.write(projectDir.resolve(FILE), out -> {
      out.write(HEADER + "\n");
      for (int d = 0; d < days.size(); d++) {
        writeDay(out, days.get(d), perDay[d]);
      }
    });
    Map<String, Long> eventsBySource = new LinkedHashMap<>();
    eventsBySource.put(ATTEMPTS_SOURCE, attempts);
    eventsBySource.put(FIXES_SOURCE, fixes);
    return new WrittenExport(List.of(file), eventsBySource);
  }

  /** Groups meet on Saturdays only; fifth Saturdays are a smaller pop-up. */
  private static double weight(LocalDate day) {
    if (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
      return 0;
    }
    return MONTHS[SampleCalendar.monthIndex(day)] * (saturdayOfMonth(day) == 5 ? 0.6 : 1.0);
  }

  private static int saturdayOfMonth(LocalDate saturday) {
    return (saturday.getDayOfMonth() - 1) / 7 + 1;
  }

  /** Writes records until they make {@code eventsToday} events: one per record, two for a Fixed one. */
  private void writeDay(Writer out, LocalDate day, long eventsToday) throws IOException {
    String group = GROUPS_BY_SATURDAY[saturdayOfMonth(day) - 1];
    for (long made = 0; made < eventsToday; ) {
      String status = STATUSES.pick(random);
      if (status.equals(FIXED) && made + 2 > eventsToday) {
        status = REPAIRABLE;
      }
      boolean fixed = status.equals(FIXED);
      made += fixed ? 2 : 1;
      attempts++;
      fixes += fixed ? 1 : 0;
      row.setLength(0);
      appendRecord(day, group, status);
      out.append(row);
    }
  }

  private void appendRecord(LocalDate day, String group, String status) {
    ProductCategory product = PRODUCTS.pick(random);
    long visitor = visitors.pick(random);
    boolean brandKnown = !product.brands().isEmpty() && random.nextInt(10) < 7;
    boolean ageKnown = random.nextInt(10) < 6;

    row.append("calderrepair_").append(nextRecord++);
    row.append(',').append(GRANTEE.name()).append(",GBR,");
    row.append(product.name()).append(',').append(product.ordsId()).append(',');
    if (brandKnown) {
      row.append(product.brands().get(random.nextInt(product.brands().size())));
    }
    row.append(',');
    if (ageKnown) {
      row.append(1 + random.nextInt(25));
    }
    row.append(',').append(status).append(',');
    if (status.equals(END_OF_LIFE)) {
      row.append(END_OF_LIFE_BARRIERS[random.nextInt(END_OF_LIFE_BARRIERS.length)]);
    }
    row.append(',').append(group).append(',');
    TimestampText.appendIsoDate(row, day);
    row.append(',');
    CsvText.appendField(row, PROBLEMS[random.nextInt(PROBLEMS.length)], ',');
    row.append(',').append(visitors.homeArea(visitor));
    row.append(",V").append(10_001 + visitor).append('\n');
  }
}
