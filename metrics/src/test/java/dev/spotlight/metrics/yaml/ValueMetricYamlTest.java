package dev.spotlight.metrics.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.error.Location;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.proxy.Proxy;
import dev.spotlight.metrics.proxy.ProxyCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking {@code type: value}: outcomes is a metric reference, proxy names a proxy, and each gets a gross companion. */
class ValueMetricYamlTest {

  @TempDir
  Path dir;

  private MetricYamlFixture fixture;

  private static final ProxyCatalog PROXIES = new ProxyCatalog("proxies.yaml", List.of(
      new Proxy("item_reuse", 12.5, "GBP", 1, "item", 2024, 1, 0.2, 0, 0, 0, 0, "example", null, new Location("proxies.yaml", 3, 14))));

  @BeforeEach
  void setUp() {
    fixture = new MetricYamlFixture(dir);
  }

  private static final String SHARES = """
      version: 1
      metrics:
        shares:
          label: Shares
          type: count
      """;

  private List<String> problems(ProxyCatalog proxies, String yaml) {
    return fixture.load(proxies, fixture.write("metrics.yaml", yaml)).lines(dir);
  }

  @Test
  void aValueMetricAndItsGrossCompanion() {
    MetricYamlFixture.Loaded loaded = fixture.load(PROXIES, fixture.write("metrics.yaml", SHARES + """
          reuse_value:
            label: Value of reuse
            description: What items shared are worth.
            type: value
            outcomes: { metric: shares, where: grantee = 'g1' }
            proxy: item_reuse
        """));
    assertThat(loaded.problems().list()).isEmpty();
    assertThat(loaded.catalog().ids()).containsExactly("shares", "reuse_value", "reuse_value_gross");
    MetricBody.SocialValue net = (MetricBody.SocialValue) loaded.catalog().get("reuse_value", null).body();
    MetricBody.SocialValue gross = (MetricBody.SocialValue) loaded.catalog().get("reuse_value_gross", null).body();
    assertThat(net.gross()).isFalse();
    assertThat(gross.gross()).isTrue();
    // 12.50 × (1 − 0.2) = 10 net; 12.50 gross
    assertThat(net.perUnit()).isEqualTo(10.0);
    assertThat(gross.perUnit()).isEqualTo(12.5);
    assertThat(net.outcomes().where()).isNotNull();
    assertThat(loaded.catalog().get("reuse_value", null).description()).isEqualTo("What items shared are worth. Valued with the proxy "
        + "item_reuse: 12.5 GBP per item (2024 prices), 1 year, deadweight 0.2, attribution 0, displacement 0, drop-off 0, discount rate 0; "
        + "source: example.");
    assertThat(loaded.catalog().get("reuse_value_gross", null).description()).startsWith(
        "Before deadweight, attribution and displacement. What items shared are worth. Valued with the proxy item_reuse:");
    assertThat(loaded.catalog().get("reuse_value", null).unit()).isEqualTo("GBP");
  }

  @Test
  void anUnknownProxyIsReportedAtTheProxyKeyWithTheClosestName() {
    assertThat(problems(PROXIES, SHARES + """
          reuse_value:
            label: Value of reuse
            type: value
            outcomes: shares
            proxy: item_resue
        """)).containsExactly("metrics.yaml:10:12: unknown proxy 'item_resue' (did you mean 'item_reuse'?)");
  }

  @Test
  void aProjectWithoutProxiesFileSaysSo() {
    assertThat(problems(ProxyCatalog.none(), SHARES + """
          reuse_value:
            label: Value of reuse
            type: value
            outcomes: shares
            proxy: item_reuse
        """)).containsExactly("metrics.yaml:10:12: unknown proxy 'item_reuse': the project names no proxies file "
            + "(add proxies: reference/proxies.yaml to spotlight.yaml)");
  }

  @Test
  void anUnknownOutcomesMetricIsReported() {
    assertThat(problems(PROXIES, SHARES + """
          reuse_value:
            label: Value of reuse
            type: value
            outcomes: shraes
            proxy: item_reuse
        """)).containsExactly("metrics.yaml:9:15: unknown metric 'shraes' (did you mean 'shares'?)");
  }

  @Test
  void bothFieldsAreRequiredAndWhereDoesNotApply() {
    assertThat(problems(PROXIES, SHARES + """
          reuse_value:
            label: Value of reuse
            type: value
            proxy: item_reuse
            where: grantee = 'g1'
        """)).containsExactly(
            "metrics.yaml:10:5: 'where' does not apply to a value metric (a value metric has no where of its own; filter its outcomes with { metric: id, where: ... })",
            "metrics.yaml:7:5: missing required key 'outcomes' in value metric 'reuse_value'");
  }

  @Test
  void aMetricCalledLikeTheCompanionIsADuplicate() {
    assertThat(problems(PROXIES, SHARES + """
          reuse_value:
            label: Value of reuse
            type: value
            outcomes: shares
            proxy: item_reuse
          reuse_value_gross:
            label: Mine
            type: count
        """)).containsExactly("metrics.yaml:11:3: metric 'reuse_value_gross' is already defined at metrics.yaml:6:3 "
            + "(metric ids must be unique across all metric files; a value metric's gross value is ID_gross)");
  }

  @Test
  void aCycleThroughOutcomesIsReported() {
    assertThat(problems(PROXIES, """
        version: 1
        metrics:
          v:
            label: V
            type: value
            outcomes: v
            proxy: item_reuse
        """)).contains("metrics.yaml:3:3: metric 'v' refers to itself through v -> v (break the cycle)");
  }
}
