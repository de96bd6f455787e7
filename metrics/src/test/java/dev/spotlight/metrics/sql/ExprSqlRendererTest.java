package dev.spotlight.metrics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.Location;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.ExprParser;
import dev.spotlight.metrics.expr.MapScope;
import dev.spotlight.metrics.expr.TypeChecker;
import dev.spotlight.metrics.expr.ValueType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprSqlRendererTest {

  private static final Location START = new Location("metrics.yaml", 3, 12);

  /** Catalogue names to SQL, as the compiler will map them. */
  private static final Function<String, String> COLUMNS =
      name ->
          name.startsWith("attributes.")
              ? DuckDbDialect.INSTANCE.quoteIdentifier("attributes")
                  + "['"
                  + name.substring("attributes.".length())
                  + "']"
              : DuckDbDialect.INSTANCE.quoteIdentifier(name);

  private static final ExprSqlRenderer RENDERER =
      new ExprSqlRenderer(DuckDbDialect.INSTANCE, COLUMNS);

  /** SQL and parameters of one rendering. */
  private record Rendered(String sql, List<Object> params) {}

  /** Parses, checks and renders, as the metric compiler does. */
  private static Rendered render(String text) {
    Expr checked = TypeChecker.check(ExprParser.parse(text, START), MapScope.ACTIVITY).expr();
    List<Object> params = new ArrayList<>();
    String sql = RENDERER.render(checked, params);
    return new Rendered(sql, params);
  }

  @Nested
  class Shapes {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            amount                               | "amount"
            attributes.category                  | "attributes"['category']
            amount + quantity * 2                | ("amount" + ("quantity" * CAST(? AS BIGINT)))
            (amount + quantity) * 2              | (("amount" + "quantity") * CAST(? AS BIGINT))
            amount - quantity - 1                | (("amount" - "quantity") - CAST(? AS BIGINT))
            amount / quantity                    | ("amount" / NULLIF("quantity", 0))
            amount / quantity / 2                | (("amount" / NULLIF("quantity", 0)) / NULLIF(CAST(? AS BIGINT), 0))
            -amount                              | (-"amount")
            - -amount                            | (-(-"amount"))
            amount - -1                          | ("amount" - (-CAST(? AS BIGINT)))
            amount != 1.5                        | ("amount" <> CAST(? AS DOUBLE))
            amount <> 1                          | ("amount" <> CAST(? AS BIGINT))
            amount <= 1 or amount >= 2           | (("amount" <= CAST(? AS BIGINT)) OR ("amount" >= CAST(? AS BIGINT)))
            amount < 1 and amount > 0            | (("amount" < CAST(? AS BIGINT)) AND ("amount" > CAST(? AS BIGINT)))
            not verified and verified = true     | ((NOT "verified") AND ("verified" = CAST(? AS BOOLEAN)))
            event_type = 'a'                     | ("event_type" = CAST(? AS VARCHAR))
            event_type in ('a', 'b')             | ("event_type" IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR)))
            event_type not in ('a')              | ("event_type" NOT IN (CAST(? AS VARCHAR)))
            amount between 1 and 2               | ("amount" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT))
            amount not between 1 and 2           | ("amount" NOT BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT))
            participant is null                  | ("participant" IS NULL)
            participant is not null              | ("participant" IS NOT NULL)
            coalesce(amount, null)               | COALESCE("amount", NULL)
            nullif(event_type, '')               | NULLIF("event_type", CAST(? AS VARCHAR))
            abs(amount)                          | ABS("amount")
            round(amount)                        | ROUND("amount")
            round(amount, 2)                     | ROUND("amount", CAST(? AS INTEGER))
            lower(event_type)                    | LOWER("event_type")
            upper(attributes.category)           | UPPER("attributes"['category'])
            date_diff('week', occurred_on, occurred_at) | DATE_DIFF('week', "occurred_on", "occurred_at")
            occurred_on >= date '2026-10-01'     | ("occurred_on" >= CAST(? AS DATE))
            occurred_on >= '2026-10-01'          | ("occurred_on" >= CAST(? AS DATE))
            """)
    void rendersEveryConstruct(String text, String sql) {
      assertThat(render(text).sql()).isEqualTo(sql);
    }
  }

  @Nested
  class Parameters {

    @Test
    void literalsAreBoundInTheOrderTheyAppear() {
      Rendered r =
          render(
              "event_type = 'a' and amount in (1, 2.5) and occurred_on between"
                  + " date '2026-10-01' and '2026-10-31' or verified = false");
      assertThat(r.params())
          .containsExactly(
              "a", 1L, 2.5, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), false);
      assertThat(r.sql().chars().filter(c -> c == '?').count()).isEqualTo(r.params().size());
    }

    @Test
    void functionArgumentsAreBoundInOrder() {
      Rendered r =
          render("date_diff('day', '2026-01-01', coalesce(occurred_on, '2026-12-31')) > 3");
      assertThat(r.sql())
          .isEqualTo(
              "(DATE_DIFF('day', CAST(? AS DATE), COALESCE(\"occurred_on\", CAST(? AS DATE)))"
                  + " > CAST(? AS BIGINT))");
      assertThat(r.params())
          .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 3L);
    }

    @Test
    void roundPlacesAreBoundAsIntegers() {
      assertThat(render("round(amount, 2)").params()).containsExactly(2);
    }

    @Test
    void nullIsWrittenNotBound() {
      Rendered r = render("coalesce(amount, null) = null");
      assertThat(r.sql()).isEqualTo("(COALESCE(\"amount\", NULL) = NULL)");
      assertThat(r.params()).isEmpty();
    }

    @Test
    void appendsToExistingParameters() {
      List<Object> params = new ArrayList<>(List.of("earlier"));
      RENDERER.render(ExprParser.parse("'x'", START), params);
      assertThat(params).containsExactly("earlier", "x");
    }
  }

  @Nested
  class Injection {

    @Test
    void quotesAndSemicolonsInTextOnlyReachTheParameters() {
      Rendered r = render("event_type = 'x''; drop table t; --' or participant = '\" or 1=1 /*'");
      assertThat(r.sql())
          .isEqualTo(
              "((\"event_type\" = CAST(? AS VARCHAR)) OR (\"participant\" = CAST(? AS VARCHAR)))");
      assertThat(r.params()).containsExactly("x'; drop table t; --", "\" or 1=1 /*");
    }

    @Test
    void handBuiltTreesCannotSmuggleFunctionNames() {
      Expr call =
          new Expr.FunctionCall(
              "read_csv", List.of(new Expr.Literal("/etc/passwd", ValueType.STRING, START)), START);
      assertThatThrownBy(() -> RENDERER.render(call, new ArrayList<>()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("read_csv");
    }

    @Test
    void handBuiltTreesCannotSmuggleDateDiffUnits() {
      Expr unit = new Expr.Literal("day', x, y); drop table t; --", ValueType.STRING, START);
      Expr col = new Expr.ColumnRef("occurred_on", START);
      Expr call = new Expr.FunctionCall("date_diff", List.of(unit, col, col), START);
      assertThatThrownBy(() -> RENDERER.render(call, new ArrayList<>()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a date_diff unit");
    }

    @Test
    void handBuiltTreesCannotPassANonLiteralUnit() {
      Expr col = new Expr.ColumnRef("occurred_on", START);
      Expr call = new Expr.FunctionCall("date_diff", List.of(col, col, col), START);
      assertThatThrownBy(() -> RENDERER.render(call, new ArrayList<>()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalsMustHoldValuesOfTheirType() {
      Expr wrong = new Expr.Literal("1; drop table t", ValueType.NUMBER, START);
      assertThatThrownBy(() -> RENDERER.render(wrong, new ArrayList<>()))
          .isInstanceOf(IllegalArgumentException.class);
      Expr nullWithValue = new Expr.Literal("x", ValueType.NULL, START);
      assertThatThrownBy(() -> RENDERER.render(nullWithValue, new ArrayList<>()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesOutsideTheCatalogueAreRefused() {
      ExprSqlRenderer strict = new ExprSqlRenderer(DuckDbDialect.INSTANCE, name -> null);
      assertThatThrownBy(() -> strict.render(new Expr.ColumnRef("nope", START), new ArrayList<>()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope");
    }

    @Test
    void namesComeOnlyFromTheColumnMapping() {
      ExprSqlRenderer mapped =
          new ExprSqlRenderer(DuckDbDialect.INSTANCE, name -> "t.c" + name.length());
      assertThat(mapped.render(ExprParser.parse("abc = 1", START), new ArrayList<>()))
          .isEqualTo("(t.c3 = CAST(? AS BIGINT))");
    }
  }

  /** Runs rendered SQL with its parameters on an in-memory DuckDB to prove they fit together. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OnDuckDb {

    private Connection connection;

    @BeforeAll
    void createTable() throws SQLException {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = connection.createStatement()) {
        s.execute(
            """
            CREATE TABLE t AS SELECT * FROM (VALUES
              (1, 'share.completed', 'p1', 10.00::DECIMAL(18,2), 2.0, DATE '2026-10-01',
               TIMESTAMPTZ '2026-10-01 09:00:00+00', MAP {'category': 'food'}, true),
              (2, 'SHARE.COMPLETED', 'p2', 7.50::DECIMAL(18,2), 0.0, DATE '2026-10-05',
               TIMESTAMPTZ '2026-10-05 18:30:00+00', MAP {'category': 'tools'}, false),
              (3, 'share.requested', NULL, NULL, 3.0, DATE '2026-10-20',
               TIMESTAMPTZ '2026-10-20 12:00:00+00', MAP {'category': 'food'}, NULL),
              (4, 'x''; drop table t; --', 'p4', 1.00::DECIMAL(18,2), 1.0, DATE '2026-11-02',
               TIMESTAMPTZ '2026-11-02 00:00:00+00', MAP {'category': 'books'}, true)
            ) AS v(id, event_type, participant, amount, quantity, occurred_on, occurred_at,
                   attributes, verified)
            """);
      }
    }

    @AfterAll
    void close() throws SQLException {
      connection.close();
    }

    private List<Integer> ids(String where) throws SQLException {
      Rendered r = render(where);
      List<Integer> ids = new ArrayList<>();
      try (PreparedStatement ps =
          connection.prepareStatement("SELECT id FROM t WHERE " + r.sql() + " ORDER BY id")) {
        bind(ps, r.params());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getInt(1));
          }
        }
      }
      return ids;
    }

    private Object value(String expr, int id) throws SQLException {
      Rendered r = render(expr);
      try (PreparedStatement ps =
          connection.prepareStatement("SELECT " + r.sql() + " FROM t WHERE id = ?")) {
        bind(ps, r.params());
        ps.setInt(r.params().size() + 1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getObject(1);
        }
      }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            event_type = 'share.completed'                          | 1
            lower(event_type) = 'share.completed'                   | 1,2
            upper(event_type) in ('SHARE.COMPLETED', 'X')           | 1,2
            event_type != 'share.completed'                         | 2,3,4
            participant is null                                     | 3
            participant is not null and amount > 5                  | 1,2
            amount / quantity > 1                                   | 1
            amount / quantity is null                               | 2,3
            coalesce(amount, 0) between 0 and 8                     | 2,3,4
            amount not between 2 and 8                              | 1,4
            not verified                                            | 2
            verified = true or verified is null                     | 1,3,4
            occurred_on >= '2026-10-05'                             | 2,3,4
            occurred_on between date '2026-10-02' and '2026-10-31'  | 2,3
            occurred_at < '2026-10-05'                              | 1
            occurred_on in ('2026-10-01', '2026-11-02')             | 1,4
            date_diff('day', occurred_on, '2026-10-31') > 10        | 1,2,3
            date_diff('month', occurred_on, '2026-11-30') = 1       | 1,2,3
            attributes.category = 'food'                            | 1,3
            round(amount / 3, 2) = 3.33                             | 1
            abs(-amount) = 7.5                                      | 2
            -amount < -5                                            | 1,2
            nullif(event_type, 'share.requested') is null           | 3
            quantity * 2 + 1 = 5                                    | 1
            """)
    void selectsTheExpectedRows(String where, String expected) throws SQLException {
      List<Integer> want = Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
      assertThat(ids(where)).isEqualTo(want);
    }

    @Test
    void textThatLooksLikeSqlIsComparedAsData() throws SQLException {
      assertThat(ids("event_type = 'x''; drop table t; --'")).containsExactly(4);
      assertThat(ids("event_type = 'x'' or ''1''=''1'")).isEmpty();
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
      }
    }

    @Test
    void computesValues() throws SQLException {
      assertThat(value("date_diff('day', occurred_on, '2026-10-31')", 1)).isEqualTo(30L);
      assertThat(value("date_diff('month', occurred_on, '2027-01-15')", 4)).isEqualTo(2L);
      assertThat(value("amount / quantity", 2)).isNull();
      assertThat(value("round(amount / 3, 1)", 1)).isEqualTo(3.3);
      assertThat(value("coalesce(participant, 'unknown')", 3)).isEqualTo("unknown");
      assertThat(value("upper(attributes.category)", 4)).isEqualTo("BOOKS");
    }
  }
}
