package dev.spotlight.metrics.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.Problems;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyFileLoaderTest {

  private static final ProxyFileLoader GBP = new ProxyFileLoader("GBP", Map.of("USD", new BigDecimal("0.79")));

  private static final String GOOD = """
      version: 1
      proxies:
        - outcome: item_reuse
          value: 12.50
          currency: GBP
          per: item reused
          base_year: 2024
          years: 3
          deadweight: 0.2
          attribution: 0.1
          displacement: 0.05
          drop_off: 0.1
          discount_rate: 0.035
          source: Example valuation, table 4
          licence: CC-BY-4.0
        - outcome: street_defect_fixed
          value: 40
          currency: USD
          source: Example survey
      """;

  private static List<String> problems(String yaml) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    GBP.parse("proxies.yaml", yaml, problems);
    return problems.list().stream().map(Problem::render).toList();
  }

  private static String one(String fields) {
    return """
        version: 1
        proxies:
          - outcome: item_reuse
            value: 12.50
            currency: GBP
            source: Example
        """ + fields.indent(4);
  }

  @Test
  void readsEveryFieldWithDefaultsForTheOptionalOnes() {
    Problems problems = new Problems(ExitKind.DEFINITION);
    ProxyCatalog c = GBP.parse("proxies.yaml", GOOD, problems);
    assertThat(problems.list()).isEmpty();
    Proxy reuse = c.get("item_reuse", Location.NONE);
    assertThat(reuse).isEqualTo(new Proxy("item_reuse", 12.50, "GBP", 1, "item reused", 2024, 3, 0.2, 0.1, 0.05, 0.1, 0.035,
        "Example valuation, table 4", "CC-BY-4.0", new Location("proxies.yaml", 3, 14)));
    Proxy fixed = c.get("street_defect_fixed", Location.NONE);
    assertThat(fixed.years()).isEqualTo(1);
    assertThat(fixed.rate()).isEqualTo(0.79);
    assertThat(fixed.deadweight() + fixed.attribution() + fixed.displacement() + fixed.dropOff() + fixed.discountRate()).isZero();
    assertThat(fixed.baseYear()).isNull();
  }

  @Test
  void aCurrencyWithoutAnFxRateIsAnErrorNotAConversion() {
    assertThat(problems(GOOD.replace("currency: USD", "currency: EUR"))).containsExactly(
        "proxies.yaml:18:15: proxy 'street_defect_fixed' is in EUR but the project reports in GBP and fx: has no EUR rate "
            + "(add fx: { EUR: RATE } to spotlight.yaml (GBP per EUR); values are never converted silently)");
  }

  @Test
  void fractionsOutsideZeroToOneAreErrors() {
    assertThat(problems(one("deadweight: 20"))).containsExactly(
        "proxies.yaml:7:17: deadweight must be a fraction from 0 to 1, not 20 (write 25% as 0.25)");
    assertThat(problems(one("attribution: -0.1"))).containsExactly(
        "proxies.yaml:7:18: attribution must be a fraction from 0 to 1, not -0.1 (write 25% as 0.25)");
    assertThat(problems(one("displacement: 1.5"))).hasSize(1);
    assertThat(problems(one("drop_off: 2"))).hasSize(1);
    assertThat(problems(one("discount_rate: 3.5"))).containsExactly(
        "proxies.yaml:7:20: discount_rate must be a fraction from 0 to 1, not 3.5 (write 25% as 0.25)");
  }

  @Test
  void yearsBelowOneIsAnError() {
    assertThat(problems(one("years: 0"))).containsExactly(
        "proxies.yaml:7:12: years must be a whole number from 1 to 100 (1 for a value that lasts one year)");
    assertThat(problems(one("years: 1.5"))).containsExactly("proxies.yaml:7:12: years must be a whole number, not a number '1.5'");
  }

  @Test
  void unknownKeysMissingFieldsAndDuplicatesAreReportedTogether() {
    assertThat(problems("""
        version: 1
        proxies:
          - outcome: item_reuse
            value: 12.50
            currency: GBP
            source: Example
            deadwieght: 0.2
          - outcome: item_reuse
            value: 3
            currency: GBP
            source: Again
          - outcome: repaired
            value: 3
            currency: GBP
        """)).containsExactly(
        "proxies.yaml:7:5: unknown key 'deadwieght' in a proxy (did you mean 'deadweight'?)",
        "proxies.yaml:8:14: outcome 'item_reuse' already has a proxy at proxies.yaml:3:14 (one proxy per outcome)",
        "proxies.yaml:12:5: missing required key 'source' in proxy 'repaired'");
  }

  @Test
  void aNegativeValueOrABadCurrencyCodeIsAnError() {
    assertThat(problems(one("").replace("value: 12.50", "value: -3"))).containsExactly(
        "proxies.yaml:4:12: value must be a number of at least 0 (value a disbenefit with its own value metric and subtract it in a derived metric)");
    assertThat(problems(one("").replace("currency: GBP", "currency: pounds"))).containsExactly(
        "proxies.yaml:5:15: currency 'pounds' is not an ISO 4217 code (e.g. GBP, EUR, USD)");
  }

  @Test
  void aFileWithoutVersionOrListSaysWhatItNeeds() {
    assertThat(problems("version: 1\n")).containsExactly(
        "proxies.yaml:1:1: a proxies file needs 'proxies:' (a list of proxies, each with outcome, value, currency and source)");
    assertThat(problems("proxies: {}\n")).containsExactly(
        "proxies.yaml:1:1: proxies files need 'version: 1'", "proxies.yaml:1:10: 'proxies' must be a list, not a mapping");
  }

  @Test
  void aMissingFileIsReportedWhereTheProjectNamesIt(@TempDir Path dir) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    Path file = dir.resolve("nope.yaml");
    GBP.load(file, new Location("spotlight.yaml", 9, 10), problems);
    assertThat(problems.list()).extracting(Problem::render).containsExactly(
        "spotlight.yaml:9:10: proxies file not found: " + file + " (check proxies: in spotlight.yaml)");
  }

  @Test
  void anUnknownProxySuggestsTheClosestOne() {
    ProxyCatalog c = GBP.parse("proxies.yaml", GOOD, new Problems(ExitKind.DEFINITION));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.get("item_resue", new Location("m.yaml", 4, 12)))
        .hasMessageContaining("unknown proxy 'item_resue'");
  }
}
