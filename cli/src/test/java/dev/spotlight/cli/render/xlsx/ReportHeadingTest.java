package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.render.ReportFixtures;
import dev.spotlight.metrics.model.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportHeadingTest {

  @Test
  void headingIsTitleProjectAndMonthByName() {
    assertThat(ReportHeading.of(ReportFixtures.content().withTitle("Board pack"))).isEqualTo("Board pack — Kirklees Sharing, October 2026");
  }

  @Test
  void aCalendarMonthIsNamedAndAnyOtherPeriodKeepsItsLabel() {
    assertThat(ReportHeading.name(new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), "2024-02"))).isEqualTo("February 2024");
    assertThat(ReportHeading.name(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "2026-Q4"))).isEqualTo("2026-Q4");
    assertThat(ReportHeading.name(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), "custom"))).isEqualTo("custom");
  }
}
