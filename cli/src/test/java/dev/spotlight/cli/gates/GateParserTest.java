package dev.spotlight.cli.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateParserTest {

  @Test
  void aBareNameHasNoLimit() {
    Gate g = GateParser.parse("never-pulled");

    assertThat(g).isEqualTo(new Gate("never-pulled", GateKind.NEVER_PULLED, null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "skipped>2%           | skipped>2%          | SKIPPED           | 2    | PERCENT",
      "skipped>0.5%         | skipped>0.5%        | SKIPPED           | 0.5  | PERCENT",
      "' skipped > 10 '     | skipped>10          | SKIPPED           | 10   | COUNT",
      "suppressed>25%       | suppressed>25%      | SUPPRESSED        | 25   | PERCENT",
      "undefined>3          | undefined>3         | UNDEFINED         | 3    | COUNT",
      "excluded-currency>100| excluded-currency>100| EXCLUDED_CURRENCY | 100  | COUNT",
      "stale>35d            | stale>35d           | STALE             | 35   | DURATION",
      "stale>12h            | stale>12h           | STALE             | 12   | DURATION"})
  void aLimitIsACountAPercentageOrADuration(String text, String normal, GateKind kind, double value, Limit.Unit unit) {
    Gate g = GateParser.parse(text);

    assertThat(g.text()).isEqualTo(normal);
    assertThat(g.kind()).isEqualTo(kind);
    assertThat(g.limit().value()).isEqualTo(value);
    assertThat(g.limit().unit()).isEqualTo(unit);
  }

  @Test
  void durationsAreDaysOrHours() {
    assertThat(GateParser.parse("stale>35d").limit().duration()).isEqualTo(Duration.ofDays(35));
    assertThat(GateParser.parse("stale>12h").limit().duration()).isEqualTo(Duration.ofHours(12));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "skiped       | unknown quality gate 'skiped' in --fail-on skiped (did you mean 'skipped'?)",
      "supressed>5%| unknown quality gate 'supressed' in --fail-on supressed>5% (did you mean 'suppressed'?)",
      "bogus        | unknown quality gate 'bogus' in --fail-on bogus (expected one of: skipped, never-pulled, stale, empty, suppressed, undefined, excluded-currency)",
      "stale        | quality gate 'stale' needs a limit (e.g. --fail-on 'stale>35d')",
      "empty>3      | quality gate 'empty' takes no limit, in --fail-on empty>3 (write --fail-on empty)",
      "skipped>2x   | cannot read the limit '2x' in --fail-on skipped>2x (give a whole count or a percentage up to 100, e.g. skipped>10 or skipped>2%)",
      "skipped>=2%  | cannot read the limit '=2%' in --fail-on skipped>=2% (give a whole count or a percentage up to 100, e.g. skipped>10 or skipped>2%)",
      "skipped>     | cannot read the limit '' in --fail-on skipped> (give a whole count or a percentage up to 100, e.g. skipped>10 or skipped>2%)",
      "skipped>101% | quality gate 'skipped' cannot take the limit '101%' (give a whole count or a percentage up to 100, e.g. skipped>10 or skipped>2%)",
      "skipped>2.5  | quality gate 'skipped' cannot take the limit '2.5' (give a whole count or a percentage up to 100, e.g. skipped>10 or skipped>2%)",
      "skipped>3d   | quality gate 'skipped' cannot take the limit '3d' (give a whole count or a percentage up to 100, e.g. skipped>10 or skipped>2%)",
      "stale>35     | quality gate 'stale' cannot take the limit '35' (give whole days or hours, e.g. stale>35d or stale>12h)",
      "stale>1.5d   | quality gate 'stale' cannot take the limit '1.5d' (give whole days or hours, e.g. stale>35d or stale>12h)",
      "excluded-currency>5% | quality gate 'excluded-currency' cannot take the limit '5%' (give a whole count, e.g. excluded-currency>100)"})
  void badSyntaxIsAUsageErrorWithAHint(String text, String error) {
    assertThatThrownBy(() -> GateParser.parse(text))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.USAGE);
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).render()).isEqualTo(error);
        });
  }

  @Test
  void gatesOnAPeriodsResultsDoNotApplyToACommandWithoutOne() {
    assertThat(GateParser.parseAll(List.of("skipped", "never-pulled", "stale>1d"), "pull", false)).hasSize(3);

    for (String g : List.of("empty", "suppressed", "undefined>1", "excluded-currency")) {
      assertThatThrownBy(() -> GateParser.parseAll(List.of("skipped", g), "pull", false))
          .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.problems().get(0).render())
              .isEqualTo("quality gate '" + g + "' does not apply to pull: it judges a period's results (use it with compute, report or run)"));
    }
  }
}
