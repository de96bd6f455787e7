package dev.spotlight.metrics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DuckDbDialectTest {

  private final SqlDialect dialect = DuckDbDialect.INSTANCE;

  @Test
  void isNamed() {
    assertThat(dialect.name()).isEqualTo("duckdb");
  }

  @Test
  void quotesIdentifiersAndDoublesEmbeddedQuotes() {
    assertThat(dialect.quoteIdentifier("participant")).isEqualTo("\"participant\"");
    assertThat(dialect.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(dialect.quoteIdentifier("x\"; drop table t; --"))
        .isEqualTo("\"x\"\"; drop table t; --\"");
  }

  @Test
  void quotedIdentifiersNameTheColumnOnDuckDb() throws SQLException {
    String name = "odd \"name\"; --";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + dialect.quoteIdentifier(name)
                    + " FROM (SELECT 42 AS "
                    + dialect.quoteIdentifier(name)
                    + ")")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(42);
      assertThat(rs.getMetaData().getColumnName(1)).isEqualTo(name);
    }
  }

  @Test
  void refusesIdentifiersThatCannotBeQuoted() {
    assertThatThrownBy(() -> dialect.quoteIdentifier(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dialect.quoteIdentifier("a\0b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void spellsParameterTypes() {
    assertThat(dialect.typeName(SqlType.STRING)).isEqualTo("VARCHAR");
    assertThat(dialect.typeName(SqlType.BIGINT)).isEqualTo("BIGINT");
    assertThat(dialect.typeName(SqlType.INTEGER)).isEqualTo("INTEGER");
    assertThat(dialect.typeName(SqlType.DOUBLE)).isEqualTo("DOUBLE");
    assertThat(dialect.typeName(SqlType.BOOLEAN)).isEqualTo("BOOLEAN");
    assertThat(dialect.typeName(SqlType.DATE)).isEqualTo("DATE");
  }

  @ParameterizedTest
  @EnumSource(SqlType.class)
  void everyTypeNameIsACastDuckDbAccepts(SqlType type) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(NULL AS " + dialect.typeName(type) + ")")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void rendersDateDiffWithAWhitelistedUnit() {
    assertThat(dialect.dateDiff("quarter", "\"a\"", "CAST(? AS DATE)"))
        .isEqualTo("DATE_DIFF('quarter', \"a\", CAST(? AS DATE))");
  }

  @Test
  void refusesAnyOtherUnit() {
    assertThatThrownBy(() -> dialect.dateDiff("day'); drop table t; --", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dialect.dateDiff("DAY", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dialect.dateDiff("millennium", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
