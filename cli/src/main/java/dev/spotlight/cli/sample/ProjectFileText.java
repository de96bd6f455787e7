package dev.spotlight.cli.sample;

import java.util.List;

/** The text of the sample's {@code spotlight.yaml}: project settings, grantees and the sources that read each export. */
final class ProjectFileText {

  static final String FILE = "spotlight.yaml";

  private ProjectFileText() {}

  static String render(List<PlatformExport> exports, CostsFile costs, long events, long seed) {
    StringBuilder text = new StringBuilder();
    text.append("# A synthetic sample project written by `spotlight sample --events ").append(events)
        .append(" --seed ").append(seed).append("`.\n");
    text.append("# Every person, place and amount in it is made up.\n");
    text.append("""
        name: ShareLab Fund portfolio
        timezone: Europe/London
        currency: GBP

        privacy: { min_cell: 5 }

        areas: %s

        grantees:
        """.formatted(AreaDirectory.RELATIVE_PATH));
    for (PlatformExport export : exports) {
      text.append("  - id: ").append(export.grantee().id()).append('\n');
      text.append("    name: ").append(export.grantee().name()).append('\n');
    }
    text.append("\nsources:\n");
    for (PlatformExport export : exports) {
      text.append(export.sourceEntries());
    }
    text.append(costs.sourceEntry());
    text.append("""

        metrics: [%s]

        report: { template: monthly-impact }
        """.formatted(MetricsFileText.FILE));
    return text.toString();
  }
}
