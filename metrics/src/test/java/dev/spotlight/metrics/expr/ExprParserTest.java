package dev.spotlight.metrics.expr;

import static dev.spotlight.metrics.expr.Trees.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.SpotlightException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExprParserTest {

  private static final Location START = new Location("metrics.yaml", 12, 14);

  private static Expr parse(String text) {
    return ExprParser.parse(text, START);
  }

  private static Problem error(String text) {
    SpotlightException e =
        catchThrowableOfType(SpotlightException.class, () -> ExprParser.parse(text, START));
    assertThat(e).as("parsing <%s> should fail", text).isNotNull();
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  /** The location of the character at {@code offset} of a one-line expression. */
  private static Location col(int offset) {
    return new Location("metrics.yaml", 12, 14 + offset);
  }

  @Nested
  class Precedence {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            a or b and c                   | (or a (and b c))
            a and b or c and d             | (or (and a b) (and c d))
            a or b or c                    | (or (or a b) c)
            not a and b                    | (and (not a) b)
            not a = b                      | (not (= a b))
            not not a                      | (not (not a))
            a = 1 or b = 2 and c = 3       | (or (= a 1) (and (= b 2) (= c 3)))
            a + 1 > b * 2 and c            | (and (> (+ a 1) (* b 2)) c)
            a + b * c                      | (+ a (* b c))
            a * b + c                      | (+ (* a b) c)
            a - b - c                      | (- (- a b) c)
            a / b / c                      | (/ (/ a b) c)
            a - b + c                      | (+ (- a b) c)
            (a + b) * c                    | (* (+ a b) c)
            a * (b - c) / d                | (/ (* a (- b c)) d)
            -a * b                         | (* (neg a) b)
            - -a                           | (neg (neg a))
            a - -b                         | (- a (neg b))
            -(a + b)                       | (neg (+ a b))
            a between 1 and 2 and b        | (and (between a 1 2) b)
            a between b + 1 and c * 2      | (between a (+ b 1) (* c 2))
            a not between 1 and 2          | (not-between a 1 2)
            not a between 1 and 2          | (not (between a 1 2))
            x in (1, 2) or y is not null   | (or (in x [1 2]) (is-not-null y))
            x not in ('a') and y is null   | (and (not-in x ['a']) (is-null y))
            not x in (1)                   | (not (in x [1]))
            x + 1 in (y * 2, 3)            | (in (+ x 1) [(* y 2) 3])
            a + b is null                  | (is-null (+ a b))
            ((a))                          | a
            """)
    void bindsOperatorsInTheDocumentedOrder(String text, String tree) {
      assertThat(show(parse(text))).isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            a = b  | =
            a != b | <>
            a <> b | <>
            a < b  | <
            a <= b | <=
            a > b  | >
            a >= b | >=
            """)
    void readsEveryComparison(String text, String op) {
      assertThat(show(parse(text))).isEqualTo("(" + op + " a b)");
    }
  }

  @Nested
  class Literals {

    @Test
    void wholeNumbersAreLongsAndDecimalsAreDoubles() {
      assertThat(parse("42")).isEqualTo(new Expr.Literal(42L, ValueType.NUMBER, col(0)));
      assertThat(parse("0.25")).isEqualTo(new Expr.Literal(0.25, ValueType.NUMBER, col(0)));
      assertThat(parse("9223372036854775807"))
          .isEqualTo(new Expr.Literal(Long.MAX_VALUE, ValueType.NUMBER, col(0)));
    }

    @Test
    void stringsUnescapeDoubledQuotes() {
      assertThat(parse("'it''s'")).isEqualTo(new Expr.Literal("it's", ValueType.STRING, col(0)));
      assertThat(parse("''")).isEqualTo(new Expr.Literal("", ValueType.STRING, col(0)));
      assertThat(parse("''''")).isEqualTo(new Expr.Literal("'", ValueType.STRING, col(0)));
    }

    @Test
    void booleansNullAndDatesIgnoreKeywordCase() {
      assertThat(parse("TRUE")).isEqualTo(new Expr.Literal(true, ValueType.BOOLEAN, col(0)));
      assertThat(parse("false")).isEqualTo(new Expr.Literal(false, ValueType.BOOLEAN, col(0)));
      assertThat(parse("Null")).isEqualTo(new Expr.Literal(null, ValueType.NULL, col(0)));
      assertThat(parse("date '2026-10-01'"))
          .isEqualTo(new Expr.Literal(LocalDate.of(2026, 10, 1), ValueType.DATE, col(0)));
      assertThat(parse("DATE '2024-02-29'"))
          .isEqualTo(new Expr.Literal(LocalDate.of(2024, 2, 29), ValueType.DATE, col(0)));
    }
  }

  @Nested
  class Names {

    @Test
    void columnNamesKeepTheirCase() {
      assertThat(parse("Participant")).isEqualTo(new Expr.ColumnRef("Participant", col(0)));
    }

    @Test
    void dottedNamesAreOneColumnReference() {
      assertThat(parse("attributes.category = 'food'"))
          .isEqualTo(
              new Expr.Binary(
                  Expr.BinaryOp.EQ,
                  new Expr.ColumnRef("attributes.category", col(0)),
                  new Expr.Literal("food", ValueType.STRING, col(22)),
                  col(20)));
    }

    @Test
    void keywordsInsideDottedNamesAreNames() {
      assertThat(parse("attributes.select"))
          .isEqualTo(new Expr.ColumnRef("attributes.select", col(0)));
    }

    @Test
    void dateIsAColumnUnlessAStringFollows() {
      assertThat(show(parse("date = date '2026-01-02'"))).isEqualTo("(= date date:2026-01-02)");
    }

    @Test
    void keywordsIgnoreCase() {
      assertThat(show(parse("a AND NOT b Or c IS NOT NULL")))
          .isEqualTo("(or (and a (not b)) (is-not-null c))");
      assertThat(show(parse("x NOT IN (1) aNd y Between 1 AND 2")))
          .isEqualTo("(and (not-in x [1]) (between y 1 2))");
    }
  }

  @Nested
  class Functions {

    @Test
    void functionNamesIgnoreCaseAndAreStoredInLowerCase() {
      assertThat(parse("COALESCE(a, 0)"))
          .isEqualTo(
              new Expr.FunctionCall(
                  "coalesce",
                  List.of(
                      new Expr.ColumnRef("a", col(9)),
                      new Expr.Literal(0L, ValueType.NUMBER, col(12))),
                  col(0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            coalesce(a, b, 0)                     | (coalesce a b 0)
            nullif(a, 0)                          | (nullif a 0)
            abs(a - b)                            | (abs (- a b))
            round(a)                              | (round a)
            round(a / b, 2)                       | (round (/ a b) 2)
            lower(a)                              | (lower a)
            Upper(a)                              | (upper a)
            date_diff('day', start, end)          | (date_diff 'day' start end)
            abs(round(a, 1)) + 1                  | (+ (abs (round a 1)) 1)
            coalesce(a > 1, b in (1, 2))          | (coalesce (> a 1) (in b [1 2]))
            """)
    void parsesEveryWhitelistedFunction(String text, String tree) {
      assertThat(show(parse(text))).isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            abs()            | abs takes 1 argument, not 0
            abs(a, b)        | abs takes 1 argument, not 2
            round(a, 1, 2)   | round takes 1 or 2 arguments, not 3
            coalesce(a)      | coalesce takes at least 2 arguments, not 1
            nullif(a)        | nullif takes 2 arguments, not 1
            date_diff('day') | date_diff takes 3 arguments, not 1
            """)
    void checksArgumentCounts(String text, String message) {
      Problem p = error(text);
      assertThat(p.message()).isEqualTo(message);
      assertThat(p.location()).isEqualTo(col(0));
    }

    @Test
    void unknownFunctionSuggestsTheClosestName() {
      Problem p = error("coalese(a, 0)");
      assertThat(p.message()).isEqualTo("unknown function 'coalese'");
      assertThat(p.hint()).isEqualTo("did you mean 'coalesce'?");
      assertThat(p.location()).isEqualTo(col(0));
    }

    @Test
    void unknownFunctionWithoutACloseNameListsTheFunctions() {
      Problem p = error("a + cout(x)");
      assertThat(p.message()).isEqualTo("unknown function 'cout'");
      assertThat(p.hint())
          .isEqualTo("the functions are coalesce, nullif, abs, round, lower, upper, date_diff");
      assertThat(p.location()).isEqualTo(col(4));
    }

    @Test
    void aggregatesPointAtTheMetricType() {
      Problem p = error("SUM(amount)");
      assertThat(p.message()).isEqualTo("unknown function 'SUM'");
      assertThat(p.hint()).contains("type: sum");
    }
  }

  @Nested
  class Locations {

    @Test
    void everyNodeIsLocatedFromTheStartOfTheText() {
      Expr.Binary plus = (Expr.Binary) parse("a + abs(b)");
      assertThat(plus.location()).isEqualTo(col(2));
      assertThat(plus.left().location()).isEqualTo(col(0));
      Expr.FunctionCall call = (Expr.FunctionCall) plus.right();
      assertThat(call.location()).isEqualTo(col(4));
      assertThat(call.args().get(0).location()).isEqualTo(col(8));
    }

    @Test
    void multiLineTextAdvancesTheLineAndRestartsTheColumn() {
      Expr.Binary or = (Expr.Binary) parse("a = 1\n  and b\r\n\tor c");
      assertThat(or.op()).isEqualTo(Expr.BinaryOp.OR);
      assertThat(or.location()).isEqualTo(new Location("metrics.yaml", 14, 2));
      assertThat(or.right().location()).isEqualTo(new Location("metrics.yaml", 14, 5));
      Expr.Binary inner = (Expr.Binary) or.left();
      assertThat(inner.location()).isEqualTo(new Location("metrics.yaml", 13, 3));
      assertThat(inner.right().location()).isEqualTo(new Location("metrics.yaml", 13, 7));
      assertThat(inner.left().location()).isEqualTo(col(2));
    }

    @Test
    void errorsOnLaterLinesPointAtTheirLine() {
      Problem p = error("a = 1\n  and b = 'open");
      assertThat(p.message()).isEqualTo("unclosed string literal");
      assertThat(p.location()).isEqualTo(new Location("metrics.yaml", 13, 11));
    }

    @Test
    void anUnknownStartStaysUnknown() {
      Location file = new Location("metrics.yaml", 0, 0);
      assertThat(ExprParser.parse("a + b", file).location()).isEqualTo(file);
    }
  }

  @Nested
  class Errors {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "\n"})
    void emptyText(String text) {
      Problem p = error(text);
      assertThat(p.message()).isEqualTo("the expression is empty");
      assertThat(p.location()).isEqualTo(col(0));
    }

    @Test
    void endOfExpressionAfterAnOperator() {
      Problem p = error("amount +");
      assertThat(p.message()).isEqualTo("unexpected end of expression");
      assertThat(p.hint()).isEqualTo("expected a value, a column or a function call after '+'");
      assertThat(p.location()).isEqualTo(col(8));
      assertThat(p.render()).startsWith("metrics.yaml:12:22: unexpected end of expression (");
    }

    @Test
    void unclosedString() {
      Problem p = error("event_type = 'share");
      assertThat(p.message()).isEqualTo("unclosed string literal");
      assertThat(p.location()).isEqualTo(col(13));
    }

    @Test
    void unclosedParenthesis() {
      Problem p = error("(a = 1 or b = 2");
      assertThat(p.message()).isEqualTo("expected ')'");
      assertThat(p.location()).isEqualTo(col(15));
    }

    @Test
    void unclosedFunctionCall() {
      Problem p = error("abs(a b");
      assertThat(p.message()).isEqualTo("expected ')'");
      assertThat(p.hint()).isEqualTo("separate the arguments of abs with ','");
      assertThat(p.location()).isEqualTo(col(6));
    }

    @Test
    void strayClosingParenthesis() {
      Problem p = error("a = 1)");
      assertThat(p.message()).isEqualTo("unexpected ')'");
      assertThat(p.hint()).isEqualTo("there is no '(' for it to close");
      assertThat(p.location()).isEqualTo(col(5));
    }

    @Test
    void tokensAfterTheEnd() {
      Problem p = error("a = 1 b");
      assertThat(p.message()).isEqualTo("unexpected 'b'");
      assertThat(p.location()).isEqualTo(col(6));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            a -- note         | 2  | comments are not allowed in expressions
            a /* note */      | 2  | comments are not allowed in expressions
            a = 1 ; b         | 6  | semicolons are not allowed in expressions
            "a" = 1           | 0  | double quotes are not allowed in expressions
            a == 1            | 2  | '==' is not an operator
            a ! b             | 2  | unexpected character '!'
            a @ b             | 2  | unexpected character '@'
            a = .5            | 4  | unexpected character '.'
            a = 12abc         | 4  | malformed number '12abc'
            a = 1.            | 4  | malformed number '1.'
            a = 1.2.3         | 4  | malformed number '1.2.3'
            a = 99999999999999999999 | 4 | number '99999999999999999999' is too large for a whole number
            attributes. = 1   | 10 | expected a name after '.'
            a = = 1           | 4  | unexpected '='
            a < b < c         | 6  | conditions cannot be chained
            a is null = b     | 10 | conditions cannot be chained
            a is true         | 5  | expected 'null' after 'is'
            a not like 'x'    | 6  | expected 'in' or 'between' after 'not'
            a in ()           | 6  | an 'in' list needs at least one value
            a in 1            | 5  | expected '(' after 'in'
            a in (1, 2        | 10 | expected ')'
            a in (1, )        | 9  | unexpected ')'
            a between 1 2     | 12 | expected 'and' in 'between'
            date '2026-02-30' | 5  | '2026-02-30' is not a valid date
            date '01/10/2026' | 5  | '01/10/2026' is not a valid date
            a and             | 5  | unexpected end of expression
            not               | 3  | unexpected end of expression
            """)
    void reportsWhatAndWhere(String text, int offset, String message) {
      Problem p = error(text);
      assertThat(p.message()).isEqualTo(message);
      assertThat(p.location()).isEqualTo(col(offset));
    }

    @Test
    void doubleQuotesSuggestSingleQuotes() {
      assertThat(error("event_type = \"share\"").hint())
          .startsWith("use single quotes for strings");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
      String deep =
          "(".repeat(ExprParser.MAX_DEPTH + 1) + "a" + ")".repeat(ExprParser.MAX_DEPTH + 1);
      assertThat(error(deep).message()).isEqualTo("the expression is nested too deeply");
      String shallow =
          "(".repeat(ExprParser.MAX_DEPTH - 1) + "a" + ")".repeat(ExprParser.MAX_DEPTH - 1);
      assertThat(parse(shallow)).isEqualTo(new Expr.ColumnRef("a", col(ExprParser.MAX_DEPTH - 1)));
    }

    @Test
    void longChainsCountAsNesting() {
      assertThat(error("a" + " + a".repeat(ExprParser.MAX_DEPTH)).message())
          .isEqualTo("the expression is nested too deeply");
      assertThat(error("- ".repeat(ExprParser.MAX_DEPTH) + "a").message())
          .isEqualTo("the expression is nested too deeply");
      assertThat(error("not ".repeat(ExprParser.MAX_DEPTH) + "a").message())
          .isEqualTo("the expression is nested too deeply");
    }

    @Test
    void messagesStayOnOneLine() {
      Problem p = error("date 'a\nb'");
      assertThat(p.message()).isEqualTo("'a\\u000ab' is not a valid date");
    }
  }

  /** Attempts to smuggle SQL through an expression; each must fail before any SQL exists. */
  @Nested
  class Injection {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            1; drop table activity                  | 1  | semicolons are not allowed in expressions
            event_type = 'x' -- comment             | 17 | comments are not allowed in expressions
            event_type = 'x' /* comment */          | 17 | comments are not allowed in expressions
            participant) or (1=1                    | 11 | unexpected ')'
            (select 1)                              | 1  | subqueries are not allowed in expressions
            participant in (SELECT id FROM people)  | 16 | subqueries are not allowed in expressions
            "col" = 1                               | 0  | double quotes are not allowed in expressions
            read_csv('/etc/passwd')                 | 0  | unknown function 'read_csv'
            pg_catalog.version()                    | 0  | unknown function 'pg_catalog.version'
            a = 'x' or 1 = 1 union all b            | 17 | unexpected 'union'
            `col` = 1                               | 0  | unexpected character '`'
            a = 1e10                                | 4  | malformed number '1e10'
            a = 0x1F                                | 4  | malformed number '0x1F'
            """)
    void isRejectedAtParseTime(String text, int offset, String message) {
      Problem p = error(text);
      assertThat(p.message()).isEqualTo(message);
      assertThat(p.location()).isEqualTo(col(offset));
    }

    @Test
    void quotesAndSemicolonsInsideStringsAreJustText() {
      Expr e = parse("event_type = 'x''; drop table t; --'");
      assertThat(((Expr.Binary) e).right())
          .isEqualTo(new Expr.Literal("x'; drop table t; --", ValueType.STRING, col(13)));
    }
  }
}
