package dev.spotlight.metrics.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.metrics.expr.BuiltinFunction;
import dev.spotlight.metrics.sql.SqlType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Spark SQL is spelled; the numbers it gives are the parity tests' business. */
class SparkDialectTest {

  private final SparkDialect dialect = SparkDialect.INSTANCE;

  private static long markers(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }

  @Test
  void identifiersAreBackquotedAndCannotBreakOut() {
    assertThat(dialect.quoteIdentifier("grantee")).isEqualTo("`grantee`");
    assertThat(dialect.quoteIdentifier("attributes.channel")).isEqualTo("`attributes.channel`");
    assertThat(dialect.quoteIdentifier("x` FROM t; DROP TABLE y; --")).isEqualTo("`x`` FROM t; DROP TABLE y; --`");
    assertThatThrownBy(() -> dialect.quoteIdentifier("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dialect.quoteIdentifier("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typeNamesAreSparks() {
    assertThat(dialect.typeName(SqlType.STRING)).isEqualTo("STRING");
    assertThat(dialect.typeName(SqlType.INTEGER)).isEqualTo("INT");
    assertThat(dialect.typeName(SqlType.BIGINT)).isEqualTo("BIGINT");
  }

  @Test
  void everyDateDiffUnitWritesEachOperandOnceAndInOrder() {
    for (String unit : BuiltinFunction.DATE_DIFF_UNITS) {
      String sql = dialect.dateDiff(unit, "CAST(? AS DATE)", "`occurred_at`");
      assertThat(markers(sql)).as(unit).isEqualTo(1);
      assertThat(sql.indexOf('?')).as(unit).isLessThan(sql.indexOf("`occurred_at`"));
    }
    assertThatThrownBy(() -> dialect.dateDiff("fortnight'); DROP", "a", "b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundWritesItsPlacesOnceAfterTheValue() {
    String sql = dialect.round("(`quantity` + CAST(? AS DOUBLE))", "CAST(? AS INT)");
    assertThat(markers(sql)).isEqualTo(2);
    assertThat(sql.indexOf("`quantity`")).isLessThan(sql.indexOf("CAST(? AS INT)"));
    assertThat(dialect.round("`quantity`", null)).isEqualTo("ROUND(`quantity`)");
  }

  @Test
  void calendarBucketsAndTheOtherPieces() {
    assertThat(dialect.timeBucket("month", "d")).isEqualTo("date_format(d, 'yyyy-MM')");
    assertThat(dialect.timeBucket("week", "d")).contains("YEAROFWEEK", "weekofyear(d)");
    assertThatThrownBy(() -> dialect.timeBucket("decade", "d")).isInstanceOf(IllegalArgumentException.class);
    assertThat(dialect.percentile("x", 0.9)).isEqualTo("percentile(x, CAST(0.9 AS DOUBLE))");
    assertThat(dialect.mapValue("a.`attributes`", "CAST(? AS STRING)")).isEqualTo("a.`attributes`[CAST(? AS STRING)]");
    String days = dialect.daySeries("greatest(c.`period_start`, CAST(? AS DATE))", "least(c.`period_end`, CAST(? AS DATE))");
    assertThat(markers(days)).isEqualTo(2);
    assertThat(days).startsWith("explode(").contains("sequence(");
  }

  @Test
  void placeholdersBecomeNamedParametersInTextOrderOutsideQuotes() {
    NamedParameters.Bound b = NamedParameters.bind("SELECT CAST(? AS STRING), '?', `a?b`, ? FROM t", java.util.List.of("x", 2L));
    assertThat(b.sql()).isEqualTo("SELECT CAST(:p1 AS STRING), '?', `a?b`, :p2 FROM t");
    assertThat(b.args()).isEqualTo(Map.of("p1", "x", "p2", 2L));
    assertThatThrownBy(() -> NamedParameters.bind("SELECT ?", java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NamedParameters.bind("SELECT 1", java.util.List.of("x"))).isInstanceOf(IllegalArgumentException.class);
  }
}
