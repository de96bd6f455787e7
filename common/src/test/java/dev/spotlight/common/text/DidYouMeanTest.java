package dev.spotlight.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  private static final List<String> KEYS = List.of("timezone", "currency", "store", "reports", "sources");

  @Test
  void suggestsTheClosestNameWithinAFewEdits() {
    assertThat(DidYouMean.closest("timezon", KEYS)).hasValue("timezone");
    assertThat(DidYouMean.closest("Sources", KEYS)).hasValue("sources");
    assertThat(DidYouMean.hint("curency", KEYS)).isEqualTo("did you mean 'currency'?");
  }

  @Test
  void listsTheValidNamesWhenNothingIsClose() {
    assertThat(DidYouMean.closest("xyz", KEYS)).isEmpty();
    assertThat(DidYouMean.hint("xyz", KEYS)).isEqualTo("expected one of: timezone, currency, store, reports, sources");
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    assertThat(DidYouMean.distance("same", "same")).isZero();
  }
}
