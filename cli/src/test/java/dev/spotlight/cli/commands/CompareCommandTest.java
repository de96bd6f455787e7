package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spotlight compare} on a four-grantee project, October 2026, with {@code min_cell: 3}:
 *
 * <pre>
 * grantee  people  loans  grant rows in October                       funding
 * alpha    6       6      £3,000 for 1-31 Oct                         3,000
 * beta     4       4      £4,000 for 17 Oct-15 Nov: 15 of 30 days     2,000   (+ £999 staff, not a grant)
 * gamma    4       2      £1,000 for 1-31 Oct                         1,000   (2 loans: suppressed)
 * delta    8       8      none (£500 staff only)                      —
 * </pre>
 */
class CompareCommandTest {

  @TempDir Path dir;
  InitProject p;

  @BeforeEach
  void project() throws IOException {
    p = InitProject.create(dir);
    p.edit(p.yaml(), "min_cell: 5", "min_cell: 3");
    p.edit(p.yaml(), "        event_id: id\n", "        event_id: id\n        grantee: org\n");
    p.edit(p.yaml(), "\nmetrics:\n", "\n  - name: costs\n    connector: mapped\n    options:\n      files: costs/costs.csv\n"
        + "      table: costs\n      mapping:\n        cost_id: cost_id\n        grantee: grantee\n        period_start: period_start\n"
        + "        period_end: period_end\n        amount: amount\n        currency: currency\n        category: category\n\nmetrics:\n");
    Files.writeString(p.metrics(), Files.readString(p.metrics()) + "  programme_cost:\n    label: Programme cost\n    type: sum\n"
        + "    table: costs\n    of: amount\n    unit: GBP\n");
    StringBuilder activity = new StringBuilder("id,happened_at,member_email,lsoa,kind,org\n");
    int id = 1;
    id = events(activity, id, "alpha", 6, 6);
    id = events(activity, id, "beta", 4, 4);
    id = events(activity, id, "gamma", 4, 2);
    events(activity, id, "delta", 8, 8);
    Files.writeString(p.export(), activity.toString());
    Files.createDirectories(dir.resolve("costs"));
    Files.writeString(dir.resolve("costs/costs.csv"), "cost_id,grantee,period_start,period_end,amount,currency,category\n"
        + "C1,alpha,2026-10-01,2026-10-31,3000.00,GBP,grant\n"
        + "C2,beta,2026-10-17,2026-11-15,4000.00,GBP,grant\n"
        + "C3,beta,2026-10-01,2026-10-31,999.00,GBP,staff\n"
        + "C4,gamma,2026-10-01,2026-10-31,1000.00,GBP,grant\n"
        + "C5,delta,2026-10-01,2026-10-31,500.00,GBP,staff\n");
    Cli.Result pull = Cli.run("pull", "-p", p.file());
    assertThat(pull.exit()).as(pull.toString()).isZero();
  }

  /** {@code people} distinct people of {@code org}, the first {@code loans} of them with a loan, the rest a request. */
  private static int events(StringBuilder csv, int id, String org, int people, int loans) {
    for (int i = 0; i < people; i++) {
      csv.append(id++).append(",2026-10-0").append(1 + i % 9).append(" 10:00,").append(org).append(i).append("@example.org,E01000001,")
          .append(i < loans ? "loan" : "request").append(',').append(org).append('\n');
    }
    return id;
  }

  @Test
  void csv() {
    Cli.Result r = Cli.run("compare", "-p", p.file(), "--period", "2026-10", "--metric", "participants", "--metric", "items_shared",
        "--metric", "programme_cost", "--format", "csv");
    assertThat(r.exit()).as(r.toString()).isZero();
    System.out.println(r);
  }

  @Test
  void table() {
    Cli.Result r = Cli.run("compare", "-p", p.file(), "--period", "2026-10");
    assertThat(r.exit()).as(r.toString()).isZero();
    System.out.println(r);
  }
}
