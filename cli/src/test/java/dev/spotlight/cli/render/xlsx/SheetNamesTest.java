package dev.spotlight.cli.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SheetNamesTest {

  @Test
  void replacesCharactersExcelRefusesAndCutsTo31() {
    SheetNames names = new SheetNames();

    assertThat(names.unique("Reach: [all]/grantees*?\\")).isEqualTo("Reach- -all--grantees---");
    assertThat(names.unique("A section title that is far too long for a tab")).isEqualTo("A section title that is far too").hasSize(31);
  }

  @Test
  void dropsCommasThatWouldBreakChartReferences() {
    assertThat(new SheetNames().unique("People per 1,000 residents")).isEqualTo("People per 1000 residents");
  }

  @Test
  void numbersNamesAlreadyTakenIgnoringCase() {
    SheetNames names = new SheetNames("Summary", "Method");

    assertThat(names.unique("summary")).isEqualTo("summary (2)");
    assertThat(names.unique("Method")).isEqualTo("Method (2)");
    assertThat(names.unique("Method")).isEqualTo("Method (3)");
    assertThat(names.unique("History")).isEqualTo("History (2)");
    assertThat(names.unique("A section title that is far too long")).isEqualTo("A section title that is far too");
    assertThat(names.unique("A section title that is far too short")).isEqualTo("A section title that is far (2)").hasSize(31);
    assertThat(names.unique("  ")).isEqualTo("Section");
  }
}
