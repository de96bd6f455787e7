package dev.spotlight.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportFixtures;
import dev.spotlight.cli.render.chart.UnitPanel.Cell;
import dev.spotlight.cli.render.chart.UnitPanel.Interval;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class ChartSpecTest {

  private final ReportContent content = ReportFixtures.content();
  private final MetricLookup metrics = new MetricLookup(content.metrics());

  @Test
  void hiddenValuesDrawNoBarAndCarryTheirMarkAtTheirPlace() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.byGrantee(), metrics);

    assertThat(spec.title()).isEqualTo("By grantee, 2026-10");
    assertThat(spec.categoryLabel()).isEqualTo("Grantee");
    assertThat(spec.categories()).containsExactly("kirklees-sharing", "grantee-x", "grantee-y", ReportFixtures.FORMULA_NAME);
    assertThat(spec.panels()).extracting(UnitPanel::unitLabel).containsExactly("people", "GBP", "%");
    DefaultCategoryDataset people = spec.panels().get(0).dataset();
    assertThat(people.getColumnKeys()).containsExactlyElementsOf(spec.categories());
    assertThat(people.getRowKeys()).containsExactly("Participants");
    assertThat(people.getValue("Participants", "grantee-x")).isNull();
    assertThat(people.getValue("Participants", "grantee-y")).isEqualTo(0.0);
    assertThat(spec.panels().get(0).marks()).containsExactly(entry(new Cell("Participants", "grantee-x"), "<5"));
    assertThat(spec.panels().get(1).dataset().getValue("Grant spend", "grantee-x")).isEqualTo(1200.25);
    assertThat(spec.panels().get(1).marks()).isEmpty();
    DefaultCategoryDataset percent = spec.panels().get(2).dataset();
    assertThat(percent.getValue("Completion rate", "grantee-x")).isNull();
    assertThat(percent.getValue("Completion rate", "grantee-y")).isNull();
    assertThat(spec.panels().get(2).marks())
        .containsExactly(entry(new Cell("Completion rate", "grantee-x"), "<5"), entry(new Cell("Completion rate", "grantee-y"), "–"));
  }

  @Test
  void intervalsBecomeWhiskersAndTheFootnoteExplainsMarksAndWhiskers() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.byGrantee(), metrics);

    assertThat(spec.panels().get(2).bounds())
        .containsExactly(
            entry(new Cell("Completion rate", "kirklees-sharing"), new Interval(0.47, 0.55)),
            entry(new Cell("Completion rate", ReportFixtures.FORMULA_NAME), new Interval(0.21, 0.3)));
    assertThat(spec.panels().get(0).bounds()).isEmpty();
    assertThat(spec.footnote())
        .isEqualTo(
            "<5 suppressed: a count from 1 to 4, or a value built from one, is not shown to protect individuals."
                + " – undefined: no result is defined (e.g. a ratio over zero)."
                + " Whiskers show the interval (low to high) of values that have one.");
    assertThat(spec.source()).isEqualTo("Source: Spotlight 0.1.0-test, Kirklees Sharing (inputs and checksums in manifest.json)");
  }

  @Test
  void aTitledReportIsNamedInTheSourceLine() {
    ChartSpec spec = ChartSpec.of(content.withTitle("Board pack"), ReportFixtures.byGrantee(), metrics);

    assertThat(spec.source()).isEqualTo("Source: Spotlight 0.1.0-test, Kirklees Sharing, Board pack (inputs and checksums in manifest.json)");
  }

  @Test
  void metricsKeepTheirPaletteColourAcrossPanels() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.byGrantee(), metrics);

    assertThat(spec.panels())
        .flatExtracting(UnitPanel::colours)
        .containsExactly(OkabeItoPalette.BLUE, OkabeItoPalette.ORANGE, OkabeItoPalette.BLUISH_GREEN);
  }

  @Test
  void lineCategoriesAreInTimeOrderWithAGapAndAMarkForTheSuppressedMonth() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.trend(), metrics);

    assertThat(spec.title()).isEqualTo("Participants by month, 2025-11..2026-10");
    assertThat(spec.categories())
        .containsExactly(
            "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08",
            "2026-09", "2026-10");
    DefaultCategoryDataset people = spec.panels().get(0).dataset();
    assertThat(people.getValue("Participants", "2026-03")).isNull();
    assertThat(people.getValue("Participants", "2026-04")).isEqualTo(850.0);
    assertThat(spec.panels().get(0).marks()).containsExactly(entry(new Cell("Participants", "2026-03"), "<5"));
    // Only a <5 mark on this chart: the footnote explains that one and not –.
    assertThat(spec.footnote())
        .isEqualTo("<5 suppressed: a count from 1 to 4, or a value built from one, is not shown to protect individuals.");
  }

  @Test
  void emptySectionIsOnePanelWithItsNote() {
    ChartSpec spec = ChartSpec.of(content, ReportFixtures.emptySection(), metrics);

    assertThat(spec.panels()).hasSize(1);
    assertThat(spec.categories()).isEmpty();
    assertThat(spec.noDataMessage()).isEqualTo("No outcome data yet: the outcomes survey starts in 2027.");
    assertThat(spec.footnote()).isNull();
  }

  @Test
  void compareChartsCarryTheMedianOfEachOneMetricPanelsShownValues() {
    ChartSpec plain = ChartSpec.of(content, ReportFixtures.byGrantee(), metrics);
    ChartSpec compare = ChartSpec.of(content, ReportFixtures.byGrantee(), metrics, true);

    assertThat(plain.panels()).extracting(UnitPanel::median).containsOnlyNulls();
    // Participants shown: 812, 0, 422 (grantee-x suppressed) -> 422. Grant spend: 0, 1,200.25, 5,033.817, 9,000.5 -> mean of
    // the middle two = 3,117.0335. Completion: only 0.5123 and 0.25 shown, too few for a median line.
    assertThat(compare.panels().get(0).median()).isEqualTo(422.0);
    assertThat(compare.panels().get(1).median()).isCloseTo(3117.0335, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(compare.panels().get(2).median()).isNull();
  }

  @Test
  void dimensionNamesReadAsWordsOnTheAxis() {
    assertThat(ChartSpec.axisWords("deprivation_decile")).isEqualTo("Deprivation decile");
    assertThat(ChartSpec.axisWords("month")).isEqualTo("Month");
    assertThat(ChartSpec.axisWords(null)).isEmpty();
  }
}
