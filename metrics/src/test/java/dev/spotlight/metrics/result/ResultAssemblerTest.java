package dev.spotlight.metrics.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spotlight.metrics.TestCatalogs;
import dev.spotlight.metrics.engine.AtomTable;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.plan.Atom;
import dev.spotlight.metrics.plan.QueryPlan;
import dev.spotlight.metrics.plan.QueryPlanner;
import dev.spotlight.metrics.privacy.DisclosureRules;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Assembly from atom values given by hand, without an engine. */
class ResultAssemblerTest {

  private static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        shares:
          label: Shares
          type: count
          where: event_type = 'share.completed'
        events:
          label: Events
          type: count
        value:
          label: Value
          type: sum
          of: amount
        share_rate:
          label: Share of events that are shares
          type: ratio
          numerator: shares
          denominator: events
          interval: wilson
        value_per_event:
          label: Value per event
          type: ratio
          numerator: value
          denominator: events
          interval: wilson
      """);

  private static final List<String> METRICS = List.of("shares", "value", "share_rate", "value_per_event");

  /** Atoms: a0 shares, a1 value, a2 shares, a3 events, a4 value, a5 events. */
  private static QueryPlan plan(List<String> dims) {
    QueryPlan p = new QueryPlanner(CATALOG).plan(new MetricQuery(METRICS, dims, Periods.month(YearMonth.of(2026, 10))));
    assertThat(p.atoms()).extracting(Atom::alias).containsExactly("a0", "a1", "a2", "a3", "a4", "a5");
    return p;
  }

  private static AtomTable.Row group(List<String> dims, Double shares, Double value, Double events) {
    return new AtomTable.Row(dims, Arrays.asList(shares, value, shares, events, value, events));
  }

  private static AtomTable atoms(List<String> dims, AtomTable.Row... rows) {
    return new AtomTable(dims, List.of("a0", "a1", "a2", "a3", "a4", "a5"), List.of(rows));
  }

  private static ResultRow find(ResultTable t, String metric, String grantee) {
    return t.rows().stream().filter(r -> r.metric().equals(metric) && java.util.Objects.equals(r.dims().get("grantee"), grantee))
        .findFirst().orElseThrow();
  }

  @Test
  void rowsAreMetricMajorWithEachGroupsDimensions() {
    List<String> dims = List.of("grantee");
    ResultTable t = new ResultAssembler(DisclosureRules.OFF).assemble(plan(dims),
        atoms(dims, group(List.of("a"), 6.0, 10.0, 20.0), group(Arrays.asList((String) null), 0.0, 0.0, 0.0)));
    assertThat(t.rows()).extracting(ResultRow::metric).containsExactly(
        "shares", "shares", "value", "value", "share_rate", "share_rate", "value_per_event", "value_per_event");
    assertThat(t.rows()).extracting(r -> r.dims().get("grantee")).containsExactly("a", null, "a", null, "a", null, "a", null);
    assertThat(t.rows()).allSatisfy(r -> assertThat(r.period()).isEqualTo("2026-10"));
    assertThat(t.dimensions()).containsExactly("grantee");
  }

  @Test
  void valuesRatiosAndWilsonBounds() {
    List<String> dims = List.of("grantee");
    ResultTable t = new ResultAssembler(DisclosureRules.OFF).assemble(plan(dims), atoms(dims, group(List.of("a"), 6.0, 10.0, 20.0)));
    assertThat(find(t, "shares", "a").value()).isEqualTo(6.0);
    assertThat(find(t, "value", "a").value()).isEqualTo(10.0);
    ResultRow rate = find(t, "share_rate", "a");
    assertThat(rate.value()).isEqualTo(0.3);
    // x = 6, n = 20, z² = 3.841459: centre = (6 + 1.920729) / 23.841459 = 0.332225,
    // half = 1.959964 / 23.841459 × √(6 × 14 / 20 + 0.960365) = 0.082208 × √5.160365 = 0.082208 × 2.271644 = 0.186748,
    // so [0.145477, 0.518973]
    assertThat(rate.low()).isCloseTo(0.145477, within(1e-5));
    assertThat(rate.high()).isCloseTo(0.518973, within(1e-5));
    assertThat(rate.status()).isEqualTo(MetricStatus.OK);
  }

  @Test
  void aWilsonIntervalOnAQuotientThatIsNotAProportionHasNoBounds() {
    // 30 value over 20 events is 1.5: a value, but not a proportion
    List<String> dims = List.of("grantee");
    ResultTable t = new ResultAssembler(DisclosureRules.OFF).assemble(plan(dims), atoms(dims, group(List.of("a"), 6.0, 30.0, 20.0)));
    ResultRow r = find(t, "value_per_event", "a");
    assertThat(r.value()).isEqualTo(1.5);
    assertThat(r.status()).isEqualTo(MetricStatus.OK);
    assertThat(r.low()).isNull();
    assertThat(r.high()).isNull();
  }

  @Test
  void suppressionComesBeforeAnyValueIsWorkedOut() {
    List<String> dims = List.of("grantee");
    ResultTable t = new ResultAssembler(new DisclosureRules(5, 0)).assemble(plan(dims),
        atoms(dims, group(List.of("a"), 3.0, 10.0, 0.0), group(List.of("b"), 0.0, 10.0, 0.0), group(List.of("c"), 6.0, 10.0, 4.0)));
    // a: 3 shares suppressed; the ratio over 0 events would be undefined, but suppression wins
    assertThat(find(t, "shares", "a").status()).isEqualTo(MetricStatus.SUPPRESSED);
    assertThat(find(t, "share_rate", "a").status()).isEqualTo(MetricStatus.SUPPRESSED);
    // b: 0 shares over 0 events: 0 is not suppressed, so undefined
    assertThat(find(t, "shares", "b").status()).isEqualTo(MetricStatus.OK);
    assertThat(find(t, "share_rate", "b").status()).isEqualTo(MetricStatus.UNDEFINED);
    // value over 0 events: no count below 5 is involved (0 is not), so undefined
    assertThat(find(t, "value_per_event", "b").status()).isEqualTo(MetricStatus.UNDEFINED);
    // c: 4 events in the denominator suppress both ratios; sums are never suppressed
    assertThat(find(t, "share_rate", "c").status()).isEqualTo(MetricStatus.SUPPRESSED);
    assertThat(find(t, "value_per_event", "c").status()).isEqualTo(MetricStatus.SUPPRESSED);
    assertThat(find(t, "value", "c").value()).isEqualTo(10.0);
  }

  @Test
  void aNullAggregateIsUndefined() {
    List<String> dims = List.of("grantee");
    ResultTable t = new ResultAssembler(DisclosureRules.OFF).assemble(plan(dims), atoms(dims, group(List.of("a"), 6.0, null, 20.0)));
    assertThat(find(t, "value", "a").status()).isEqualTo(MetricStatus.UNDEFINED);
    assertThat(find(t, "value_per_event", "a").status()).isEqualTo(MetricStatus.UNDEFINED);
    assertThat(find(t, "share_rate", "a").status()).isEqualTo(MetricStatus.OK);
  }

  @Test
  void roundingTouchesCountsButNotRatiosOrSums() {
    List<String> dims = List.of("grantee");
    ResultTable t = new ResultAssembler(new DisclosureRules(0, 5)).assemble(plan(dims), atoms(dims, group(List.of("a"), 6.0, 12.0, 13.0)));
    assertThat(find(t, "shares", "a").value()).isEqualTo(5.0);
    assertThat(find(t, "value", "a").value()).isEqualTo(12.0);
    assertThat(find(t, "share_rate", "a").value()).isEqualTo(6.0 / 13);
  }

  @Nested
  class PoissonBounds {

    private final MetricCatalog counts = TestCatalogs.load("""
        version: 1
        metrics:
          shares:
            label: Shares
            type: count
            interval: poisson
        """);

    private ResultRow shares(DisclosureRules rules, double count) {
      QueryPlan p = new QueryPlanner(counts).plan(new MetricQuery(List.of("shares"), List.of(), Periods.month(YearMonth.of(2026, 10))));
      return new ResultAssembler(rules).assemble(p, new AtomTable(List.of(), List.of("a0"), List.of(new AtomTable.Row(List.of(), List.of(count)))))
          .rows().get(0);
    }

    @Test
    void aSmallCountGetsTheExactLimits() {
      // published exact 95% limits for 6: [2.2019, 13.059]
      ResultRow r = shares(DisclosureRules.OFF, 6);
      assertThat(r.low()).isCloseTo(2.2019, within(1e-4));
      assertThat(r.high()).isCloseTo(13.059, within(1e-3));
    }

    @Test
    void zeroStartsAtZero() {
      ResultRow r = shares(DisclosureRules.OFF, 0);
      assertThat(r.low()).isEqualTo(0.0);
      assertThat(r.high()).isCloseTo(3.689, within(1e-3));
    }

    @Test
    void aSuppressedCountHasNoBounds() {
      ResultRow r = shares(new DisclosureRules(5, 0), 3);
      assertThat(r.status()).isEqualTo(MetricStatus.SUPPRESSED);
      assertThat(r.value()).isNull();
      assertThat(r.low()).isNull();
      assertThat(r.high()).isNull();
    }

    @Test
    void boundsAreThoseOfTheRoundedCountSoTheyCannotGiveTheRawOneAway() {
      // 23 rounds to 25 (base 5); Byar for 25: 25 × (1 − 1/225 − z/15)³ = 16.1743, 26 × (1 − 1/234 + z/(3√26))³ = 36.9065
      ResultRow r = shares(new DisclosureRules(5, 5), 23);
      assertThat(r.value()).isEqualTo(25.0);
      assertThat(r.low()).isCloseTo(16.1743, within(1e-4));
      assertThat(r.high()).isCloseTo(36.9065, within(1e-4));
    }
  }
}
