package dev.spotlight.connectors.threesixtygiving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantFieldTest {

  @Test
  void flatTitlesMatchTrimmedWithoutCaseSpacingOrTheFirstItemsIndex() {
    assertThat(GrantField.ofTitle("Amount Awarded   ")).isEqualTo(GrantField.AMOUNT);
    assertThat(GrantField.ofTitle("recipient org : identifier")).isEqualTo(GrantField.RECIPIENT_ID);
    assertThat(GrantField.ofTitle("Recipient Org:0:Identifier")).isEqualTo(GrantField.RECIPIENT_ID);
    assertThat(GrantField.ofTitle("Beneficiary Location:0:Geographic Code")).isEqualTo(GrantField.GEO_CODE);
    assertThat(GrantField.ofTitle("Beneficiary Location:Geographic Code Type")).isEqualTo(GrantField.GEO_TYPE);
    assertThat(GrantField.ofTitle("Planned Dates:Duration  (months)")).isEqualTo(GrantField.DURATION);
  }

  @Test
  void laterItemsAndOtherColumnsMatchNothing() {
    assertThat(GrantField.ofTitle("Beneficiary Location:1:Geographic Code")).isNull();
    assertThat(GrantField.ofTitle("Grant number")).isNull();
    assertThat(GrantField.ofTitle("Description")).as("free text is never read").isNull();
  }
}
