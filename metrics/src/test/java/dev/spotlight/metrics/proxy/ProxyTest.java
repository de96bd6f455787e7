package dev.spotlight.metrics.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.common.error.Location;
import org.junit.jupiter.api.Test;

/** The arithmetic of one proxy, checked against the worked example in docs/proxies.md. */
class ProxyTest {

  private static Proxy proxy(double value, double rate, int years, double deadweight, double attribution, double displacement,
      double dropOff, double discountRate) {
    return new Proxy("item_reuse", value, "GBP", rate, "item", 2024, years, deadweight, attribution, displacement, dropOff, discountRate,
        "test", null, Location.NONE);
  }

  @Test
  void oneYearIsTheValueTimesWhatIsLeftAfterTheThreeDeductions() {
    // 12.50 × (1 − 0.2) × (1 − 0.1) × (1 − 0.05) = 12.50 × 0.684 = 8.55
    Proxy p = proxy(12.50, 1, 1, 0.2, 0.1, 0.05, 0.1, 0.035);
    assertThat(p.grossPerUnit()).isCloseTo(12.50, within(1e-12));
    assertThat(p.netShare()).isCloseTo(0.684, within(1e-12));
    assertThat(p.netPerUnit()).isCloseTo(8.55, within(1e-12));
  }

  @Test
  void threeYearsDropOffAndAreDiscountedFromTheSecondYear() {
    // docs/proxies.md, 40 items: year 1 net 40 × 12.50 × 0.684 = 342.00;
    // year 2 = 342 × 0.9 / 1.035 = 297.391304; year 3 = 342 × 0.81 / 1.071225 = 258.601134;
    // net 897.992438, per item 22.449811. Gross: 500 + 434.782609 + 378.071834 = 1312.854442, per item 32.821361
    Proxy p = proxy(12.50, 1, 3, 0.2, 0.1, 0.05, 0.1, 0.035);
    assertThat(40 * p.netPerUnit()).isCloseTo(897.992438, within(1e-6));
    assertThat(40 * p.grossPerUnit()).isCloseTo(1312.854442, within(1e-6));
  }

  @Test
  void anotherCurrencyIsConvertedAtTheGivenRate() {
    // 10 USD at 0.79 GBP per USD = 7.90 GBP, no deductions
    assertThat(proxy(10, 0.79, 1, 0, 0, 0, 0, 0).netPerUnit()).isCloseTo(7.90, within(1e-12));
  }

  @Test
  void fullDeadweightLeavesNothing() {
    assertThat(proxy(12.50, 1, 5, 1, 0, 0, 0, 0).netPerUnit()).isEqualTo(0.0);
  }

  @Test
  void theSummaryNamesEveryFigureAndTheSource() {
    Proxy p = new Proxy("listing", 10, "USD", 0.79, null, null, 3, 0.2, 0.1, 0.05, 0.1, 0.035, "Example survey", "CC-BY-4.0", Location.NONE);
    assertThat(p.summary()).isEqualTo("proxy listing: 10 USD, converted at 0.79 per USD, 3 years, deadweight 0.2, attribution 0.1, "
        + "displacement 0.05, drop-off 0.1, discount rate 0.035; source: Example survey (CC-BY-4.0)");
  }
}
