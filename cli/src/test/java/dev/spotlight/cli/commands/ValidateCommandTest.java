package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path dir;

  @Test
  void reportsProjectFileMetricAndTemplateProblemsTogether() {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "timezone: Europe/London", "timezon: Europe/London");
    p.edit(p.yaml(), "template: monthly-impact", "template: monthly-impakt");
    p.edit(p.metrics(), "of: participant", "of: partcipant");
    Cli.Result r = Cli.run("validate", "-p", p.file());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(3).allMatch(l -> l.startsWith("spotlight: error: "));
    assertThat(r.err()).contains("unknown key 'timezon'").contains("unknown column 'partcipant'").contains("unknown template 'monthly-impakt'");
  }

  @Test
  void aNamedPseudonymKeyVariableThatIsUnsetFailsValidation() {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "privacy:", "privacy:\n  pseudonym_key_env: MY_KEY");
    Cli.Result r = Cli.run(Map.of(), "validate", "-p", p.file());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("pseudonym key variable 'MY_KEY' is not set");
    assertThat(Cli.run(Map.of("MY_KEY", "secret"), "validate", "-p", p.file()).exit()).isZero();
  }

  @Test
  void anUnsetKeyOrTokenVariableOfALiveSourceFailsValidation() throws Exception {
    Path yaml = dir.resolve("spotlight.yaml");
    java.nio.file.Files.writeString(yaml, "name: Live\ntimezone: Europe/London\nsources:\n"
        + "  - name: city\n    connector: open311\n    grantee: council\n    options:\n      url: https://city.example/open311/v2\n"
        + "      api_key_env: CITY_KEY\n"
        + "  - name: air\n    connector: smartcitizen\n    grantee: council\n    options:\n      devices: [1616]\n"
        + "      token_env: SC_TOKEN\n"
        + "metrics:\n  - catalog: core\n");
    // line 9 column 20 is CITY_KEY, line 15 column 18 is SC_TOKEN
    Cli.assertFailed(Cli.run(Map.of(), "validate", "-p", yaml.toString()), 3,
        yaml + ":9:20: api_key_env: environment variable 'CITY_KEY' is not set (export CITY_KEY=<the key>)",
        yaml + ":15:18: token_env: environment variable 'SC_TOKEN' is not set (export SC_TOKEN=<the key>)");
    Cli.assertFailed(Cli.run(Map.of("CITY_KEY", "k"), "validate", "-p", yaml.toString()), 3,
        yaml + ":15:18: token_env: environment variable 'SC_TOKEN' is not set (export SC_TOKEN=<the key>)");
    Cli.Result ok = Cli.run(Map.of("CITY_KEY", "k", "SC_TOKEN", "t"), "validate", "-p", yaml.toString());
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).doesNotContain("k\n").startsWith("ok: Live");
  }

  private static final String VALUE_METRIC = """
        items_shared_value:
          label: Social value of items shared
          type: value
          outcomes: items_shared
          proxy: item_reuse
      """;

  private static void writeProxies(InitProject p, String currency, String deadweight) throws java.io.IOException {
    java.nio.file.Files.writeString(p.dir().resolve("reference/proxies.yaml"), """
        version: 1
        proxies:
          - outcome: item_reuse
            value: 12.50
            currency: %s
            deadweight: %s
            source: A worked example
        """.formatted(currency, deadweight));
    p.edit(p.yaml(), "areas: reference/areas.csv", "areas: reference/areas.csv\nproxies: reference/proxies.yaml");
    java.nio.file.Files.writeString(p.metrics(), java.nio.file.Files.readString(p.metrics()) + VALUE_METRIC);
  }

  @Test
  void aGoodProxiesFileValidatesAndTheValueMetricCountsWithItsGrossCompanion() throws Exception {
    InitProject p = InitProject.create(dir);
    writeProxies(p, "GBP", "0.2");
    Cli.Result r = Cli.run("validate", "-p", p.file());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("5 metrics");
  }

  @Test
  void proxiesFileProblemsAreCheckedByValidateWithTheirLocation() throws Exception {
    InitProject p = InitProject.create(dir);
    writeProxies(p, "USD", "0");
    Cli.Result r = Cli.run("validate", "-p", p.file());
    assertThat(r.exit()).isEqualTo(3);
    String proxies = p.dir().resolve("reference/proxies.yaml").toString();
    assertThat(r.errLines()).containsExactly(
        "spotlight: error: " + proxies + ":5:15: proxy 'item_reuse' is in USD but the project reports in GBP and fx: has no USD rate "
            + "(add fx: { USD: RATE } to spotlight.yaml (GBP per USD); values are never converted silently)");
  }

  @Test
  void aFractionOutsideZeroToOneIsReportedOnceAtItsLine() throws Exception {
    InitProject p = InitProject.create(dir);
    writeProxies(p, "GBP", "20");
    Cli.Result r = Cli.run("validate", "-p", p.file());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.errLines()).containsExactly("spotlight: error: " + p.dir().resolve("reference/proxies.yaml")
        + ":6:17: deadweight must be a fraction from 0 to 1, not 20 (write 25% as 0.25)");
  }

  @Test
  void anUnknownProxyIsReportedInTheMetricFile() throws Exception {
    InitProject p = InitProject.create(dir);
    writeProxies(p, "GBP", "0");
    p.edit(p.metrics(), "proxy: item_reuse", "proxy: item_reused");
    Cli.Result r = Cli.run("validate", "-p", p.file());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.errLines()).containsExactly("spotlight: error: " + p.metrics() + ":26:12: unknown proxy 'item_reused' (did you mean 'item_reuse'?)");
  }

  @Test
  void anFxRateMakesAProxyInAnotherCurrencyValid() throws Exception {
    InitProject p = InitProject.create(dir);
    writeProxies(p, "USD", "0");
    p.edit(p.yaml(), "currency: GBP", "currency: GBP\nfx: { USD: 0.79 }");
    assertThat(Cli.run("validate", "-p", p.file()).exit()).isZero();
  }
}
