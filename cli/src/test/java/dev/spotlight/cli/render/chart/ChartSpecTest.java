package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.jfree.data.category.DefaultCategoryDataset;

class ChartSpecTest {

  private final ReportContent content = ReportFixtures.content();
  private final MetricLookup metrics = new MetricLookup(content.metrics());

  @Test
  void barCategoriesCarryTheMarkOfHiddenValuesWhichDrawNoBar() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.byGrantee(), metrics);

    assertThat(spec.title()).isEqualTo("By grantee (people, GBP, %), 2026-10");
    assertThat(spec.categoryLabel()).isEqualTo("Grantee");
    assertThat(spec.categories()).containsExactly("kirklees-sharing", "grantee-x (<5)", "grantee-y (–)", ReportFixtures.FORMULA_NAME);
    assertThat(spec.panels()).extracting(UnitPanel::unitLabel).containsExactly("people", "GBP", "%");
    DefaultCategoryDataset people = spec.panels().get(0).dataset();
    assertThat(people.getColumnKeys()).containsExactlyElementsOf(spec.categories());
    assertThat(people.getRowKeys()).containsExactly("Participants");
    assertThat(people.getValue("Participants", "grantee-x (<5)")).isNull();
    assertThat(people.getValue("Participants", "grantee-y (–)")).isEqualTo(0.0);
    assertThat(spec.panels().get(1).dataset().getValue("Grant spend", "grantee-x (<5)")).isEqualTo(1200.25);
    assertThat(spec.panels().get(2).dataset().getValue("Completion rate", "grantee-y (–)")).isNull();
    assertThat(spec.footnote()).startsWith("<5 suppressed: a count from 1 to 4");
    assertThat(spec.source()).isEqualTo("Source: Spotlight, Kirklees Sharing");
  }

  @Test
  void metricsKeepTheirPaletteColourAcrossPanels() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.byGrantee(), metrics);

    assertThat(spec.panels())
        .flatExtracting(UnitPanel::colours)
        .containsExactly(OkabeItoPalette.BLUE, OkabeItoPalette.ORANGE, OkabeItoPalette.BLUISH_GREEN);
  }

  @Test
  void lineCategoriesAreInTimeOrderWithAGapForTheSuppressedMonth() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.trend(), metrics);

    assertThat(spec.title()).isEqualTo("Participants by month (people, %), 2025-11..2026-10");
    assertThat(spec.categories())
        .containsExactly(
            "2025-11", "2025-12", "2026-01", "2026-02", "2026-03 (<5)", "2026-04", "2026-05", "2026-06", "2026-07",
            "2026-08", "2026-09", "2026-10");
    DefaultCategoryDataset people = spec.panels().get(0).dataset();
    assertThat(people.getValue("Participants", "2026-03 (<5)")).isNull();
    assertThat(people.getValue("Participants", "2026-04")).isEqualTo(850.0);
  }

  @Test
  void emptySectionIsOnePanelWithItsNote() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.emptySection(), metrics);

    assertThat(spec.panels()).hasSize(1);
    assertThat(spec.categories()).isEmpty();
    assertThat(spec.noDataMessage()).isEqualTo("No outcome data yet: the outcomes survey starts in 2027.");
    assertThat(spec.footnote()).isNull();
  }
}
