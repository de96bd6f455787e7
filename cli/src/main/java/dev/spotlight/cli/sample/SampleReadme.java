package dev.spotlight.cli.sample;

import java.util.List;
import java.util.Map;

/** The text of the sample project's README.md: what the folder is, what each export holds, and how to run it. */
final class SampleReadme {

  static final String FILE = "README.md";

  private SampleReadme() {}

  static String render(List<PlatformExport> exports, Map<String, Long> eventsBySource, long costRows, long events,
      long seed) {
    StringBuilder text = new StringBuilder();
    text.append("""
        # ShareLab Fund portfolio — synthetic sample project

        A made-up funder portfolio for trying Spotlight: five grantees, each with an activity export in
        its own platform's shape, a cost ledger, a small-area reference file and a metric file. Every
        person, place code and amount is synthetic; nothing here describes real people.

        Written by `spotlight sample --events %d --seed %d`; the same command always writes the same
        bytes. Activity runs from 1 October 2025 to 31 October 2026 (Europe/London).

        | grantee | platform | export |
        |---|---|---|
        """.formatted(events, seed));
    for (PlatformExport export : exports) {
      text.append("| ").append(export.grantee().name()).append(" | ").append(export.grantee().platformKind())
          .append(" | ").append(export.description()).append(" |\n");
    }
    text.append("""

        Events each source of `spotlight.yaml` reads:

        | source | events |
        |---|---:|
        """);
    eventsBySource.forEach((source, count) -> text.append("| ").append(source).append(" | ").append(count).append(" |\n"));
    text.append("| costs (table: costs) | ").append(costRows).append(" cost rows |\n");
    text.append("""

        Things worth knowing:

        - The repair file and the street-report file are each read by two sources: every repair record
          is a `repair.attempted`, a Fixed one is also a `repair.fixed`; every report is a
          `report.created`, a fixed one is also a `report.fixed` at its `updated` time.
        - A lending-app loan is one row whatever its status; `status_changed_at` is when it was returned
          (or requested, while it is still a request). Cancelled loans are skipped by the mapping.
        - Marsden Tool Library is tiny on purpose: a handful of members a month, so its people counts
          fall under the small-number threshold (`min_cell: 5`) and show as suppressed.
        - About 35% of people live in areas of deprivation deciles 1–3; a few records carry an area code
          the areas file does not list, or no area at all.
        - A few events sit right at month edges in local time, e.g. a pledge at `2026-09-30T23:30:00Z`,
          which is 00:30 on 1 October in London and so belongs to October.

        Run it:

            spotlight run -p spotlight.yaml --period 2026-10
        """);
    return text.toString();
  }
}
