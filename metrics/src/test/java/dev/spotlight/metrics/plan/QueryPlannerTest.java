package dev.spotlight.metrics.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.TestCatalogs;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.MetricRef;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.sql.DuckDbDialect;
import dev.spotlight.metrics.sql.ExprSqlRenderer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryPlannerTest {

  private static final Period OCTOBER = Periods.month(YearMonth.of(2026, 10));

  private static final MetricCatalog CATALOG = TestCatalogs.load("""
      version: 1
      metrics:
        participants:
          label: People
          type: count_distinct
          of: participant
          where: participant is not null
        shares:
          label: Shares
          type: count
          where: event_type = 'share.completed'
        programme_cost:
          label: Cost
          type: sum
          table: costs
          of: amount
        cost_per_share:
          label: Cost per share
          type: ratio
          numerator: programme_cost
          denominator: shares
        deprived_share:
          label: Deprived share
          type: ratio
          numerator: { metric: participants, where: deprivation_decile <= 3 }
          denominator: { metric: participants, where: deprivation_decile is not null }
          interval: wilson
        kirklees_cost_per_share:
          label: Cost per share in Kirklees
          type: ratio
          numerator: { metric: cost_per_share, where: grantee = 'kirklees' }
          denominator: { metric: cost_per_share, where: grantee = 'kirklees' }
        typical_value:
          label: Typical value
          type: median
          of: amount
      """);

  private static QueryPlan plan(List<String> metrics, List<String> dims) {
    return new QueryPlanner(CATALOG).plan(new MetricQuery(metrics, dims, OCTOBER));
  }

  private static Expr where(String metric) {
    return ((MetricBody.Aggregate) CATALOG.get(metric, Location.NONE).body()).where();
  }

  private static MetricRef ref(String metric, boolean numerator) {
    MetricBody.Ratio r = (MetricBody.Ratio) CATALOG.get(metric, Location.NONE).body();
    return numerator ? r.numerator() : r.denominator();
  }

  /** A filter as SQL with its parameters, to show what it means in a readable way. */
  private static String sql(Expr e) {
    List<Object> params = new ArrayList<>();
    String s = new ExprSqlRenderer(DuckDbDialect.INSTANCE, DuckDbDialect.INSTANCE::quoteIdentifier).render(e, params);
    return s + " " + params;
  }

  @Test
  void anAggregateBecomesOneAtomWithItsOwnWhere() {
    QueryPlan p = plan(List.of("shares"), List.of());
    assertThat(p.atoms()).hasSize(1);
    Atom a = p.atoms().get(0);
    assertThat(a.alias()).isEqualTo("a0");
    assertThat(a.table()).isEqualTo(CanonicalTable.ACTIVITY);
    assertThat(a.function()).isEqualTo(AggregateFunction.COUNT);
    assertThat(a.of()).isNull();
    assertThat(a.filters()).containsExactly(where("shares"));
    assertThat(sql(a.filters().get(0))).isEqualTo("(\"event_type\" = CAST(? AS VARCHAR)) [share.completed]");
    assertThat(p.metrics()).hasSize(1);
    assertThat(p.metrics().get(0).value()).isEqualTo(new ValueTree.Of(a));
    assertThat(p.tables()).containsExactly(CanonicalTable.ACTIVITY);
  }

  @Test
  void anAggregateWithoutWhereHasNoFilters() {
    Atom a = plan(List.of("programme_cost"), List.of()).atoms().get(0);
    assertThat(a.filters()).isEmpty();
    assertThat(a.table()).isEqualTo(CanonicalTable.COSTS);
    assertThat(a.function()).isEqualTo(AggregateFunction.SUM);
  }

  @Test
  void aRatioIsAQuotientOfItsTwoReferences() {
    QueryPlan p = plan(List.of("cost_per_share"), List.of());
    assertThat(p.atoms()).extracting(Atom::alias).containsExactly("a0", "a1");
    assertThat(p.atoms()).extracting(Atom::table).containsExactly(CanonicalTable.COSTS, CanonicalTable.ACTIVITY);
    assertThat(p.metrics().get(0).value())
        .isEqualTo(new ValueTree.Quotient(new ValueTree.Of(p.atoms().get(0)), new ValueTree.Of(p.atoms().get(1))));
    assertThat(p.tables()).containsExactlyInAnyOrder(CanonicalTable.ACTIVITY, CanonicalTable.COSTS);
  }

  @Test
  void aFilteredReferencePushesItsWhereIntoTheAtomAfterTheMetricsOwnWhere() {
    QueryPlan p = plan(List.of("deprived_share"), List.of());
    Atom numerator = p.atoms().get(0);
    Atom denominator = p.atoms().get(1);
    assertThat(numerator.function()).isEqualTo(AggregateFunction.COUNT_DISTINCT);
    assertThat(numerator.filters()).containsExactly(where("participants"), ref("deprived_share", true).where());
    assertThat(denominator.filters()).containsExactly(where("participants"), ref("deprived_share", false).where());
    assertThat(sql(numerator.filters().get(1))).isEqualTo("(\"deprivation_decile\" <= CAST(? AS BIGINT)) [3]");
    assertThat(sql(denominator.filters().get(1))).isEqualTo("(\"deprivation_decile\" IS NOT NULL) []");
  }

  @Test
  void aFilteredReferenceToARatioPushesItsWhereIntoEveryAtomBelow() {
    QueryPlan p = plan(List.of("kirklees_cost_per_share"), List.of());
    // (cost / shares) / (cost / shares): four atoms, each narrowed to the grantee
    assertThat(p.atoms()).hasSize(4);
    Expr kirkleesNum = ref("kirklees_cost_per_share", true).where();
    Expr kirkleesDen = ref("kirklees_cost_per_share", false).where();
    assertThat(p.atoms().get(0).filters()).containsExactly(kirkleesNum);
    assertThat(p.atoms().get(1).filters()).containsExactly(where("shares"), kirkleesNum);
    assertThat(p.atoms().get(2).filters()).containsExactly(kirkleesDen);
    assertThat(p.atoms().get(3).filters()).containsExactly(where("shares"), kirkleesDen);
    assertThat(sql(kirkleesNum)).isEqualTo("(\"grantee\" = CAST(? AS VARCHAR)) [kirklees]");
  }

  @Test
  void filtersDoNotLeakBetweenMetricsOrIntoTheReferencedMetricItself() {
    QueryPlan p = plan(List.of("deprived_share", "participants"), List.of());
    assertThat(p.atoms()).hasSize(3);
    assertThat(p.atoms().get(2).filters()).containsExactly(where("participants"));
    assertThat(CATALOG.get("participants", Location.NONE).body()).isInstanceOf(MetricBody.Aggregate.class);
  }

  @Test
  void atomsAreNumberedAcrossAllRequestedMetrics() {
    QueryPlan p = plan(List.of("shares", "cost_per_share", "typical_value"), List.of("grantee"));
    assertThat(p.atoms()).extracting(Atom::alias).containsExactly("a0", "a1", "a2", "a3");
    assertThat(p.metrics()).extracting(mp -> mp.metric().id()).containsExactly("shares", "cost_per_share", "typical_value");
    assertThat(p.dimensions()).containsExactly("grantee");
    assertThat(p.period()).isEqualTo(OCTOBER);
  }

  @Test
  void onlyCountAtomsDecideSuppression() {
    QueryPlan p = plan(List.of("cost_per_share", "typical_value", "deprived_share"), List.of());
    assertThat(p.metrics().get(0).countAtoms()).extracting(Atom::function).containsExactly(AggregateFunction.COUNT);
    assertThat(p.metrics().get(1).countAtoms()).isEmpty();
    assertThat(p.metrics().get(2).countAtoms()).extracting(Atom::alias).containsExactly("a3", "a4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"area", "deprivation_decile", "local_authority", "event_type", "platform_kind", "outcome", "attributes.category"})
  void splittingACostsMetricByADimensionCostsLackIsADefinitionError(String dim) {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> plan(List.of("programme_cost"), List.of(dim)));
    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems().get(0).message())
        .isEqualTo("metric 'programme_cost' reads the costs table, which cannot be split by '" + dim + "'");
    assertThat(e.problems().get(0).location()).isEqualTo(CATALOG.get("programme_cost", Location.NONE).location());
  }

  @Test
  void aRatioBuiltOnACostsMetricCannotBeSplitByAreaEither() {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> plan(List.of("cost_per_share"), List.of("grantee", "deprivation_decile")));
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems().get(0).message()).contains("'programme_cost' reads the costs table", "'deprivation_decile'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grantee", "source", "day", "week", "month", "quarter", "year"})
  void costsMetricsSplitByGranteeSourceAndCalendar(String dim) {
    assertThatCode(() -> plan(List.of("cost_per_share"), List.of(dim))).doesNotThrowAnyException();
  }

  @Test
  void activityMetricsSplitByEveryDimension() {
    List<String> all = new ArrayList<>(TableScope.DIMENSIONS);
    all.add("attributes.category");
    for (String dim : all) {
      assertThatCode(() -> plan(List.of("deprived_share"), List.of(dim))).as(dim).doesNotThrowAnyException();
    }
  }

  @Test
  void anUnknownDimensionIsADefinitionErrorWithTheClosestName() {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> plan(List.of("shares"), List.of("grantees")));
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems().get(0).render()).isEqualTo("unknown dimension 'grantees' (did you mean 'grantee'?)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"participant", "amount", "attributes", "attributes.", "Month", "grantee; drop table activity"})
  void columnsThatAreNotDimensionsAreDefinitionErrors(String dim) {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> plan(List.of("shares"), List.of(dim)));
    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems().get(0).message()).isEqualTo("unknown dimension '" + dim + "'");
  }

  @Test
  void anUnknownDimensionIsReportedEvenForCostsOnlyQueries() {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> plan(List.of("programme_cost"), List.of("areas")));
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
  }
}
