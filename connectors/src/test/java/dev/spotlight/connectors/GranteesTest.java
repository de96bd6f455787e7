package dev.spotlight.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GranteesTest {

  @Test
  void orgIdsAreComparedTrimmedAndWithoutCase() {
    Grantees g = Grantees.of(Map.of(" GB-CHC-1234567 ", "kirklees-sharing", "360G-Local-7", "local"));
    assertThat(g.granteeOf("gb-chc-1234567")).isEqualTo("kirklees-sharing");
    assertThat(g.granteeOf("360g-local-7  ")).isEqualTo("local");
    assertThat(g.granteeOf("GB-CHC-7654321")).isNull();
    assertThat(g.granteeOf(null)).isNull();
    assertThat(Grantees.NONE.isEmpty()).isTrue();
  }

  @Test
  void theSqlMappingAgreesWithTheJavaOne() throws Exception {
    Grantees g = Grantees.of(Map.of("GB-CHC-1", "a", "it's-2", "b"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      assertThat(ConnectorFixture.rows(s, "SELECT x, " + g.sql("x") + " FROM (VALUES (' gb-chc-1'), ('IT''S-2'), ('other'), (NULL)) t(x) ORDER BY x"))
          .containsExactly(" gb-chc-1|a", "IT'S-2|b", "other|null", "null|null");
      assertThat(ConnectorFixture.rows(s, "SELECT " + Grantees.NONE.sql("'x'"))).containsExactly("null");
    }
  }
}
