package dev.spotlight.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.result.MetricStatus;
import org.junit.jupiter.api.Test;

class SectionTableTest {

  @Test
  void keepsTheResultsOrderAndFindsEachCell() {
    SectionTable table = SectionTable.of(ReportFixtures.byGrantee());

    assertThat(table.groups()).containsExactly("kirklees-sharing", "grantee-x", "grantee-y", ReportFixtures.FORMULA_NAME);
    assertThat(table.cell("grantee-x", "participants").status()).isEqualTo(MetricStatus.SUPPRESSED);
    assertThat(table.cell("kirklees-sharing", "grant_spend").value()).isEqualTo(9000.5);
    assertThat(table.cell("nobody", "grant_spend")).isNull();
    assertThat(table.hasBounds("completion_rate")).isTrue();
    assertThat(table.hasBounds("participants")).isFalse();
  }

  @Test
  void sortsTheTimeAxisOfALineSection() {
    SectionTable table = SectionTable.of(ReportFixtures.trend());

    assertThat(table.groups()).first().isEqualTo("2025-11");
    assertThat(table.groups()).last().isEqualTo("2026-10");
    assertThat(table.groups()).isSorted().hasSize(12);
  }

  @Test
  void anEmptySectionHasNoGroups() {
    assertThat(SectionTable.of(ReportFixtures.emptySection()).isEmpty()).isTrue();
  }
}
