package dev.spotlight.cli.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fund's cost ledger ({@code costs/costs.csv}): grants to each grantee (quarterly, some on
 * quarters that straddle months, some annual), staff time, councils' match funding and donated
 * space, each over a period the report spreads by day.
 */
final class CostsFile {

  static final String SOURCE = "costs";
  static final String FILE = "costs/costs.csv";
  static final String HEADER = "cost_id,grantee,period_start,period_end,amount,currency,category,funder,reference";

  private static final String FUND = "ShareLab Fund";

  /** One line of the ledger. */
  private record Cost(String grantee, LocalDate start, LocalDate end, long pounds, String category, String funder) {}

  private final SplittableRandom random;

  CostsFile(SplittableRandom random) {
    this.random = random;
  }

  String sourceEntry() {
    return """
          - name: %s
            connector: mapped
            options:
              files: %s
              format: csv
              table: costs
              mapping:
                cost_id: cost_id
                grantee: grantee
                period_start: period_start
                period_end: period_end
                amount: amount
                currency: currency
                category: category
                funder: funder
                reference: reference
        """.formatted(SOURCE, FILE);
  }

  /** Writes the ledger and returns how many cost rows it holds. */
  long write(Path projectDir) {
    List<Cost> costs = ledger();
    SampleFile.write(projectDir.resolve(FILE), out -> {
      out.write(HEADER + "\n");
      int grants = 0;
      for (int i = 0; i < costs.size(); i++) {
        Cost cost = costs.get(i);
        String reference = cost.category().equals("grant") ? String.format("360G-SHARELAB-%03d", ++grants) : "";
        out.write(String.join(",", String.format("C%04d", i + 1), cost.grantee(), cost.start().toString(), cost.end().toString(),
            cost.pounds() + ".00", "GBP", cost.category(), cost.funder(), reference) + "\n");
      }
    });
    return costs.size();
  }

  private List<Cost> ledger() {
    List<Cost> costs = new ArrayList<>();
    String lending = LendingAppExport.GRANTEE.id();
    String repair = RepairCafeExport.GRANTEE.id();
    String crowdfund = MatchedCrowdfundingExport.GRANTEE.id();
    String streetfix = StreetReportExport.GRANTEE.id();
    String tools = ToolLibraryExport.GRANTEE.id();

    for (LocalDate start = LocalDate.of(2025, 10, 15); start.isBefore(LocalDate.of(2026, 11, 1)); start = start.plusMonths(3)) {
      costs.add(new Cost(lending, start, start.plusMonths(3).minusDays(1), about(18_000), "grant", FUND));
    }
    costs.add(new Cost(repair, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31), about(42_000), "grant", FUND));
    for (LocalDate quarter = LocalDate.of(2025, 10, 1); quarter.isBefore(LocalDate.of(2026, 11, 1)); quarter = quarter.plusMonths(3)) {
      LocalDate end = quarter.plusMonths(3).minusDays(1);
      costs.add(new Cost(repair, quarter, end, about(3_500), "in_kind", "Volunteers"));
      costs.add(new Cost(crowdfund, quarter, end, about(15_000), "grant", FUND));
      costs.add(new Cost(crowdfund, quarter, end, about(30_000), "match_public", "West Yorkshire councils"));
    }
    for (LocalDate month = LocalDate.of(2025, 10, 1); month.isBefore(LocalDate.of(2026, 11, 1)); month = month.plusMonths(1)) {
      costs.add(new Cost(crowdfund, month, month.plusMonths(1).minusDays(1), about(2_800), "staff", FUND));
    }
    costs.add(new Cost(streetfix, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30), about(60_000), "grant", FUND));
    costs.add(new Cost(streetfix, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 9, 30), about(64_000), "grant", FUND));
    costs.add(new Cost(tools, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 10, 31), 2_400, "grant", FUND));
    costs.add(new Cost(tools, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 1_200, "in_kind", "Marsden Parish Council"));
    return costs;
  }

  /** A budget line near {@code pounds}, to the nearest ten pounds. */
  private long about(long pounds) {
    return Math.round(pounds * (0.9 + 0.2 * random.nextDouble()) / 10) * 10;
  }
}
