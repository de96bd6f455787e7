package dev.spotlight.cli.render;

import dev.spotlight.cli.render.ReportContent.DataQuality;
import dev.spotlight.cli.render.ReportContent.InputFile;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.ReportContent.SourceQuality;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small hand-built report: a count, a money and a percent metric; a section by grantee, a trend by month and an empty section. */
public final class ReportFixtures {

  public static final Period OCTOBER = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "2026-10");
  public static final Period SEPTEMBER = new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), "2026-09");
  public static final Period YEAR = new Period(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31), "2025-11..2026-10");

  public static final String PARTICIPANTS_SQL =
      "SELECT grantee, count(DISTINCT person_id) AS value\nFROM activity\nWHERE occurred_on BETWEEN ? AND ?\nGROUP BY grantee";

  /** A grantee name an attacker might choose; it must stay text in the workbook. */
  public static final String FORMULA_NAME = "=HYPERLINK(\"x\")";

  public static final MetricInfo PARTICIPANTS =
      new MetricInfo(
          "participants",
          "Participants",
          "People who took part at least once.",
          "people",
          "count_distinct",
          "id: participants\ntype: count_distinct\nof: person_id\nfrom: activity\n",
          PARTICIPANTS_SQL);
  public static final MetricInfo GRANT_SPEND =
      new MetricInfo(
          "grant_spend",
          "Grant spend",
          "Money paid to grantees.",
          "GBP",
          "sum",
          "id: grant_spend\ntype: sum\nof: amount\nfrom: costs\n",
          "SELECT grantee, sum(amount) AS value FROM costs GROUP BY grantee");
  public static final MetricInfo COMPLETION =
      new MetricInfo(
          "completion_rate",
          "Completion rate",
          "Share of participants who completed.",
          "percent",
          "ratio",
          "id: completion_rate\ntype: ratio\nnumerator: completers\ndenominator: participants\n",
          "SELECT grantee, completers / NULLIF(participants, 0) AS value FROM ratio_inputs");

  private ReportFixtures() {}

  public static ReportContent content() {
    return new ReportContent(
        "Kirklees Sharing",
        "GBP",
        Map.of("USD", new java.math.BigDecimal("0.79")),
        Map.of(),
        5,
        0,
        "duckdb",
        "0.1.0-test",
        OCTOBER,
        SEPTEMBER,
        List.of(PARTICIPANTS, GRANT_SPEND, COMPLETION),
        new ResultTable(
            OCTOBER,
            List.of(),
            List.of(
                ok("participants", "2026-10", Map.of(), 1234),
                ok("grant_spend", "2026-10", Map.of(), 15234.567),
                ok("completion_rate", "2026-10", Map.of(), 0.4567))),
        new ResultTable(
            SEPTEMBER,
            List.of(),
            List.of(
                ok("participants", "2026-09", Map.of(), 1000),
                ok("grant_spend", "2026-09", Map.of(), 14000.25),
                ok("completion_rate", "2026-09", Map.of(), 0.5))),
        List.of(byGrantee(), trend(), emptySection()),
        new DataQuality(
            List.of(
                new SourceQuality("fixmystreet-kirklees", "open311", 1200, 1180, 20, List.of("missing date: 12", "unknown status: 8")),
                new SourceQuality("grants", "giving360", 40, 40, 0, List.of())),
            3,
            1,
            List.of("Grant amounts in USD were converted at 0.79.")),
        List.of(
            new InputFile("exports/fixmystreet.json", "a".repeat(64), 1200),
            new InputFile("exports/grants.xlsx", "b".repeat(64), 40)));
  }

  public static SectionContent byGrantee() {
    List<ResultRow> rows =
        List.of(
            ok("participants", "2026-10", grantee("kirklees-sharing"), 812),
            ok("grant_spend", "2026-10", grantee("kirklees-sharing"), 9000.5),
            withBounds("completion_rate", grantee("kirklees-sharing"), 0.5123, 0.47, 0.55),
            status("participants", grantee("grantee-x"), MetricStatus.SUPPRESSED),
            ok("grant_spend", "2026-10", grantee("grantee-x"), 1200.25),
            status("completion_rate", grantee("grantee-x"), MetricStatus.SUPPRESSED),
            ok("participants", "2026-10", grantee("grantee-y"), 0),
            ok("grant_spend", "2026-10", grantee("grantee-y"), 0),
            status("completion_rate", grantee("grantee-y"), MetricStatus.UNDEFINED),
            ok("participants", "2026-10", grantee(FORMULA_NAME), 422),
            ok("grant_spend", "2026-10", grantee(FORMULA_NAME), 5033.817),
            withBounds("completion_rate", grantee(FORMULA_NAME), 0.25, 0.21, 0.3));
    return new SectionContent(
        "by-grantee",
        "By grantee",
        "grantee",
        "bar",
        List.of("participants", "grant_spend", "completion_rate"),
        new ResultTable(OCTOBER, List.of("grantee"), rows),
        null);
  }

  /** Twelve months of participants and completion; March is suppressed and must be a gap. */
  public static SectionContent trend() {
    List<ResultRow> rows = new ArrayList<>();
    YearMonth month = YearMonth.of(2025, 11);
    for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
      Map<String, String> dims = Map.of("month", month.toString());
      if (month.equals(YearMonth.of(2026, 3))) {
        rows.add(status("participants", dims, MetricStatus.SUPPRESSED));
      } else {
        rows.add(ok("participants", month.toString(), dims, 600 + 50 * i));
      }
      rows.add(ok("completion_rate", month.toString(), dims, 0.3 + 0.02 * i));
    }
    // The engine's order is not the time order; the line chart sorts months.
    rows.add(0, rows.remove(rows.size() - 1));
    return new SectionContent(
        "trend/monthly",
        "Participants by month",
        "month",
        "line",
        List.of("participants", "completion_rate"),
        new ResultTable(YEAR, List.of("month"), rows),
        "Twelve months to the end of the period.");
  }

  public static SectionContent emptySection() {
    return new SectionContent(
        "outcomes",
        "Outcomes: [pilot]/phase*1?",
        "grantee",
        "none",
        List.of("participants"),
        new ResultTable(OCTOBER, List.of("grantee"), List.of()),
        "No outcome data yet: the outcomes survey starts in 2027.");
  }

  private static Map<String, String> grantee(String name) {
    return Map.of("grantee", name);
  }

  private static ResultRow ok(String metric, String period, Map<String, String> dims, double value) {
    return new ResultRow(metric, period, dims, value, null, null, MetricStatus.OK);
  }

  private static ResultRow withBounds(String metric, Map<String, String> dims, double value, double low, double high) {
    return new ResultRow(metric, "2026-10", dims, value, low, high, MetricStatus.OK);
  }

  private static ResultRow status(String metric, Map<String, String> dims, MetricStatus status) {
    return new ResultRow(metric, "2026-10", dims, null, null, null, status);
  }
}
