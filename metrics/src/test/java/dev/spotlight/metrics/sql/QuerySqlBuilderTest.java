package dev.spotlight.metrics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.TestCatalogs;
import dev.spotlight.metrics.model.MetricCatalog;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.plan.QueryPlanner;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuerySqlBuilderTest {

  private static final Period OCTOBER = GoldenQueries.OCTOBER;
  private static final LocalDate START = LocalDate.of(2026, 10, 1);
  private static final LocalDate END = LocalDate.of(2026, 10, 31);

  private static final MetricCatalog CATALOG = GoldenQueries.CATALOG;
  private static final List<String> SIX = GoldenQueries.SIX;
  private static final MoneyRules MONEY = GoldenQueries.MONEY;

  private static CompiledQuery compile(List<String> metrics, List<String> dims) {
    return compile(metrics, dims, MONEY, true);
  }

  private static CompiledQuery compile(List<String> metrics, List<String> dims, MoneyRules money, boolean hasAreas) {
    return new QuerySqlBuilder(DuckDbDialect.INSTANCE, money, hasAreas)
        .build(new QueryPlanner(CATALOG).plan(new MetricQuery(metrics, dims, OCTOBER)));
  }

  @Nested
  class Golden {

    /** Every golden query (GoldenQueries.SPECS, shared with Spark's parity suite) gives its file exactly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.spotlight.metrics.sql.GoldenQueries#specs")
    void everyGoldenQueryGivesItsFile(GoldenQueries.Spec spec) {
      CompiledQuery q = new QuerySqlBuilder(DuckDbDialect.INSTANCE, MONEY, true).build(new QueryPlanner(CATALOG).plan(spec.query()));
      GoldenSql.checkRoundTrip(q.sql());
      GoldenSql.assertMatches(spec.file(), q.sql());
      assertThat(q.dimensionColumns()).containsExactlyElementsOf(spec.by());
    }

    @Test
    void everyGoldenFileComesFromASpec() throws URISyntaxException {
      Path folder = Path.of(GoldenSql.class.getResource("/golden").toURI());
      assertThat(GoldenQueries.filesIn(folder)).isNotEmpty();
      assertThat(GoldenQueries.withoutSpec(folder)).as("golden files no GoldenQueries spec produces").isEmpty();
    }

    @Test
    void sixMetricsHaveOneAtomColumnEach() {
      assertThat(compile(SIX, List.of()).atomColumns()).containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6");
      assertThat(compile(SIX, List.of("grantee", "month")).atomColumns()).containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6");
    }

    /**
     * The parameters in the order their placeholders appear: activity money (project currency, then
     * each rate), the period of the activity base, the filters of the activity atoms, costs money,
     * the period three more times for the cost spreading, and the period bounds of the cost filter.
     */
    @Test
    void parametersFollowThePlaceholdersInOrder() {
      List<Object> expected = Arrays.asList(
          "GBP", "USD", 0.8,                     // activity amount: CASE WHEN currency ... 'USD' THEN amount * 0.8
          START, END,                            // activity: occurred_on BETWEEN start AND end
          "share.completed", "share.requested",  // a1 participants: event_type in (...)
          "share.completed", "share.requested",  // a3 deprived_share numerator: event_type in (...)
          3L,                                    //   and deprivation_decile <= 3
          "share.completed", "share.requested",  // a4 denominator: event_type in (...) and deprivation_decile is not null
          "GBP", "USD", 0.8,                     // costs amount
          START, END,                            // generate_series(greatest(start, ?), least(end, ?))
          END, START);                           // period_start <= end AND period_end >= start
      CompiledQuery none = compile(SIX, List.of());
      CompiledQuery byGranteeMonth = compile(SIX, List.of("grantee", "month"));
      assertThat(none.params()).containsExactlyElementsOf(expected);
      assertThat(byGranteeMonth.params()).containsExactlyElementsOf(expected);
      assertThat(placeholders(none.sql())).isEqualTo(expected.size());
      assertThat(placeholders(byGranteeMonth.sql())).isEqualTo(expected.size());
    }
  }

  private static long placeholders(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }

  @Nested
  class Literals {

    @Test
    void userStringsNeverAppearInTheSql() {
      for (List<String> dims : List.of(List.<String>of(), List.of("grantee", "month"))) {
        CompiledQuery q = compile(SIX, dims);
        assertThat(q.sql()).doesNotContain("share.completed", "share.requested", "GBP", "USD");
        assertThat(q.params()).contains("share.completed", "share.requested");
      }
    }

    @Test
    void anAttributeKeyIsAParameterToo() {
      CompiledQuery q = compile(List.of("channel_events"), List.of("attributes.category"));
      assertThat(q.sql()).doesNotContain("'category'", "'channel'", "'app'");
      assertThat(q.sql()).contains("a.\"attributes\"[CAST(? AS VARCHAR)] AS \"attributes.category\"");
      // the dimension's key comes before the filter's, as their placeholders do
      assertThat(q.params()).containsSubsequence("category", "channel", "app");
      assertThat(placeholders(q.sql())).isEqualTo(q.params().size());
    }

    @Test
    void aQuoteInAStringLiteralStaysInsideTheParameter() {
      MetricCatalog c = TestCatalogs.load("""
          version: 1
          metrics:
            odd:
              label: Odd
              type: count
              where: grantee = 'x'' or ''1''=''1'
          """);
      CompiledQuery q = new QuerySqlBuilder(DuckDbDialect.INSTANCE, MONEY, false)
          .build(new QueryPlanner(c).plan(new MetricQuery(List.of("odd"), List.of(), OCTOBER)));
      assertThat(q.sql()).doesNotContain("or '1'='1'").contains("(\"grantee\" = CAST(? AS VARCHAR))");
      assertThat(q.params()).contains("x' or '1'='1");
    }
  }

  @Nested
  class Money {

    @Test
    void withoutRatesOnlyTheProjectCurrencyAndNoCurrencyCount() {
      CompiledQuery q = compile(List.of("median_value"), List.of(), new MoneyRules("EUR", Map.of()), false);
      assertThat(q.sql()).contains("CASE WHEN \"currency\" IS NULL OR \"currency\" = CAST(? AS VARCHAR) THEN CAST(a.\"amount\" AS DOUBLE) END AS \"amount\"");
      assertThat(q.params()).containsExactly("EUR", START, END);
    }

    @Test
    void theSqlDoesNotDependOnTheOrderRatesWereGivenIn() {
      Map<String, BigDecimal> one = new LinkedHashMap<>();
      one.put("USD", new BigDecimal("0.79"));
      one.put("EUR", new BigDecimal("0.86"));
      one.put("CHF", new BigDecimal("0.9"));
      one.put("JPY", new BigDecimal("0.005"));
      one.put("SEK", new BigDecimal("0.07"));
      CompiledQuery q = compile(List.of("median_value"), List.of(), new MoneyRules("GBP", one), false);
      // rates are applied in currency-code order, so the same project always gives the same SQL
      assertThat(q.params()).containsExactly("GBP", "CHF", 0.9, "EUR", 0.86, "JPY", 0.005, "SEK", 0.07, "USD", 0.79, START, END);
    }
  }

  @Nested
  class Areas {

    @Test
    void areaColumnsAreOnlyJoinedWhenAQueryUsesThem() {
      assertThat(compile(List.of("events"), List.of("grantee")).sql()).doesNotContain("LEFT JOIN areas");
      assertThat(compile(List.of("events"), List.of("local_authority")).sql()).contains("LEFT JOIN areas ar ON ar.\"area_code\" = a.\"area_code\"");
      assertThat(compile(List.of("deprived_share"), List.of()).sql()).contains("LEFT JOIN areas");
    }

    @Test
    void areaColumnsWithoutAnAreasFileAreADefinitionError() {
      SpotlightException e = catchThrowableOfType(SpotlightException.class,
          () -> compile(List.of("deprived_share"), List.of(), MONEY, false));
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
      assertThat(e.problems().get(0).render())
          .isEqualTo("'deprivation_decile' comes from the areas table, but the project has no areas file (add areas: reference/areas.csv to spotlight.yaml)");
    }

    @Test
    void theAreaDimensionIsTheAreaCodeAndNeedsNoAreasFile() {
      CompiledQuery q = compile(List.of("events"), List.of("area"), MONEY, false);
      assertThat(q.sql()).contains("a.\"area_code\" AS \"area\"").doesNotContain("LEFT JOIN areas");
    }
  }
}
