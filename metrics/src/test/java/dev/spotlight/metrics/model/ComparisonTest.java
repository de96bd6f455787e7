package dev.spotlight.metrics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static Period p(String text) {
    return Periods.parse(text, LocalDate.of(2026, 11, 17));
  }

  @Test
  void samePeriodLastYearKeepsTheKindOfPeriod() {
    assertThat(Comparison.SAME_PERIOD_LAST_YEAR.apply(p("2026-10"))).isEqualTo(p("2025-10"));
    assertThat(Comparison.SAME_PERIOD_LAST_YEAR.apply(p("2026-Q1"))).isEqualTo(p("2025-Q1"));
    assertThat(Comparison.SAME_PERIOD_LAST_YEAR.apply(p("2026"))).isEqualTo(p("2025"));
    assertThat(Comparison.SAME_PERIOD_LAST_YEAR.apply(p("2026-10-05"))).isEqualTo(p("2025-10-05"));
    assertThat(Comparison.SAME_PERIOD_LAST_YEAR.apply(p("2026-04-01..2026-09-30"))).isEqualTo(p("2025-04-01..2025-09-30"));
    // a leap day has no match a year later or earlier: 28 February
    assertThat(Comparison.SAME_PERIOD_LAST_YEAR.apply(p("2024-02-01..2024-02-29"))).isEqualTo(p("2023-02-01..2023-02-28"));
    assertThat(Comparison.SAME_PERIOD_LAST_YEAR.apply(p("2024-02")).label()).isEqualTo("2023-02");
  }

  @Test
  void previousPeriodIsThePeriodBefore() {
    assertThat(Comparison.PREVIOUS_PERIOD.apply(p("2026-01"))).isEqualTo(p("2025-12"));
    // shifts compose in order
    assertThat(Comparison.apply(List.of(Comparison.PREVIOUS_PERIOD, Comparison.SAME_PERIOD_LAST_YEAR), p("2026-10"))).isEqualTo(p("2025-09"));
    assertThat(Comparison.apply(List.of(), p("2026-10"))).isEqualTo(p("2026-10"));
  }
}
