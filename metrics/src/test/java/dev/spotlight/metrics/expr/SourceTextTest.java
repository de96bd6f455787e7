package dev.spotlight.metrics.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.Location;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void shiftsTheColumnOnTheFirstLine() {
    SourceText s = new SourceText("a = b", new Location("f.yaml", 12, 14));
    assertThat(s.at(0)).isEqualTo(new Location("f.yaml", 12, 14));
    assertThat(s.at(4)).isEqualTo(new Location("f.yaml", 12, 18));
    assertThat(s.at(5)).isEqualTo(new Location("f.yaml", 12, 19));
  }

  @Test
  void restartsTheColumnAfterEachNewline() {
    SourceText s = new SourceText("a\nbc\n\nd", new Location("f.yaml", 3, 10));
    assertThat(s.at(1)).isEqualTo(new Location("f.yaml", 3, 11));
    assertThat(s.at(2)).isEqualTo(new Location("f.yaml", 4, 1));
    assertThat(s.at(3)).isEqualTo(new Location("f.yaml", 4, 2));
    assertThat(s.at(5)).isEqualTo(new Location("f.yaml", 5, 1));
    assertThat(s.at(6)).isEqualTo(new Location("f.yaml", 6, 1));
  }

  @Test
  void keepsUnknownPartsUnknown() {
    assertThat(new SourceText("a\nb", new Location("f.yaml", 0, 0)).at(2))
        .isEqualTo(new Location("f.yaml", 0, 0));
    assertThat(new SourceText("a\nb", new Location("f.yaml", 5, 0)).at(2))
        .isEqualTo(new Location("f.yaml", 6, 0));
    assertThat(new SourceText("ab", new Location("f.yaml", 5, 0)).at(1))
        .isEqualTo(new Location("f.yaml", 5, 0));
  }

  @Test
  void excerptsEscapeControlCharactersAndCutLongText() {
    assertThat(SourceText.excerpt("a\tb\u0000")).isEqualTo("a\\u0009b\\u0000");
    assertThat(SourceText.excerpt("x".repeat(40))).isEqualTo("x".repeat(40));
    assertThat(SourceText.excerpt("x".repeat(41))).isEqualTo("x".repeat(40) + "...");
  }
}
