package dev.spotlight.metrics.expr;

import static dev.spotlight.metrics.expr.Trees.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.expr.TypeChecker.Typed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeCheckerTest {

  private static final Location START = new Location("metrics.yaml", 7, 12);

  private static final ColumnScope ACTIVITY = MapScope.ACTIVITY;

  private static Typed check(String text) {
    return TypeChecker.check(ExprParser.parse(text, START), ACTIVITY);
  }

  private static ValueType typeOf(String text) {
    return check(text).type();
  }

  private static Problem error(String text) {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> check(text));
    assertThat(e).as("checking <%s> should fail", text).isNotNull();
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    return e.problems().get(0);
  }

  private static Location col(int offset) {
    return START.shifted(offset);
  }

  @Nested
  class Types {

    @ParameterizedTest(name = "{0} : {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            amount                                      | NUMBER
            participant                                 | STRING
            attributes.category                         | STRING
            occurred_on                                 | DATE
            occurred_at                                 | TIMESTAMP
            verified                                    | BOOLEAN
            null                                        | NULL
            1.5                                         | NUMBER
            'x'                                         | STRING
            true                                        | BOOLEAN
            date '2026-10-01'                           | DATE
            amount * quantity - 1 / 2                   | NUMBER
            -amount                                     | NUMBER
            -null                                       | NUMBER
            amount + null                               | NUMBER
            amount > 1 and verified or not verified     | BOOLEAN
            null and verified                           | BOOLEAN
            event_type = 'share.completed'              | BOOLEAN
            occurred_at >= occurred_on                  | BOOLEAN
            verified = true                             | BOOLEAN
            amount = null                               | BOOLEAN
            event_type in ('a', 'b', null)              | BOOLEAN
            amount not between 1 and quantity           | BOOLEAN
            participant is null                         | BOOLEAN
            (amount + 1) is not null                    | BOOLEAN
            coalesce(amount, 0)                         | NUMBER
            coalesce(null, participant, 'none')         | STRING
            coalesce(null, null)                        | NULL
            coalesce(occurred_on, occurred_at)          | TIMESTAMP
            coalesce(occurred_at, occurred_on)          | TIMESTAMP
            nullif(quantity, 0)                         | NUMBER
            nullif(event_type, '')                      | STRING
            abs(amount - quantity)                      | NUMBER
            round(amount)                               | NUMBER
            round(amount / quantity, 2)                 | NUMBER
            lower(event_type)                           | STRING
            upper(attributes.category)                  | STRING
            date_diff('day', occurred_on, occurred_at)  | NUMBER
            date_diff('month', occurred_on, '2026-12-31') | NUMBER
            date_diff('year', null, occurred_on)        | NUMBER
            """)
    void infersTheTypeOfEveryConstruct(String text, ValueType type) {
      assertThat(typeOf(text)).isEqualTo(type);
    }

    @Test
    void returnsTheSameTreeWhenNothingIsCoerced() {
      Expr parsed = ExprParser.parse("amount > 1 and event_type in ('a', 'b')", START);
      assertThat(TypeChecker.check(parsed, ACTIVITY).expr()).isEqualTo(parsed);
    }
  }

  @Nested
  class Columns {

    @Test
    void unknownColumnSuggestsTheClosestName() {
      Problem p = error("amount > 0 and partcipant = 'x'");
      assertThat(p.message()).isEqualTo("unknown column 'partcipant' in the activity table");
      assertThat(p.hint()).isEqualTo("did you mean 'participant'?");
      assertThat(p.location()).isEqualTo(col(15));
      assertThat(p.render())
          .isEqualTo(
              "metrics.yaml:7:27: unknown column 'partcipant' in the activity table"
                  + " (did you mean 'participant'?)");
    }

    @Test
    void columnNamesAreCaseSensitive() {
      Problem p = error("Participant is null");
      assertThat(p.message()).isEqualTo("unknown column 'Participant' in the activity table");
      assertThat(p.hint()).isEqualTo("did you mean 'participant'?");
    }

    @Test
    void unknownColumnWithoutACloseNameListsTheNames() {
      Problem p = error("zzzzzzzzzzzz = 1");
      assertThat(p.hint()).startsWith("expected one of: participant, event_type, amount");
    }

    @Test
    void unknownDottedName() {
      Problem p = error("attributes.categroy = 'x'");
      assertThat(p.message())
          .isEqualTo("unknown column 'attributes.categroy' in the activity table");
      assertThat(p.hint()).isEqualTo("did you mean 'attributes.category'?");
    }

    @Test
    void namesInsideFunctionsAndListsAreChecked() {
      assertThat(error("coalesce(amount, amont)").location()).isEqualTo(col(17));
      assertThat(error("event_type in ('a', evnt_type)").location()).isEqualTo(col(20));
      assertThat(error("amount between 0 and quantty").location()).isEqualTo(col(21));
      assertThat(error("not verifed").location()).isEqualTo(col(4));
      assertThat(error("partcipant is null").location()).isEqualTo(col(0));
    }
  }

  @Nested
  class Operators {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            event_type + 1                | 0  | '+' needs a number, not text
            1 - occurred_on               | 4  | '-' needs a number, not a date
            amount * verified             | 9  | '*' needs a number, not a true/false condition
            amount / 'x'                  | 9  | '/' needs a number, not text
            -participant                  | 1  | '-' needs a number, not text
            amount and verified           | 0  | 'and' needs a true/false condition, not a number
            verified or 'yes'             | 12 | 'or' needs a true/false condition, not text
            not amount                    | 4  | 'not' needs a true/false condition, not a number
            event_type = amount           | 13 | cannot compare text with a number
            occurred_on < 5               | 14 | cannot compare a date with a number
            verified = 1                  | 11 | cannot compare a true/false condition with a number
            occurred_at > participant     | 14 | cannot compare a timestamp with text
            event_type in ('a', 2)        | 20 | cannot compare text with a number
            amount not in (1, 'x')        | 18 | cannot compare a number with text
            amount between 1 and 'x'      | 21 | cannot compare a number with text
            'a' between amount and 2      | 12 | cannot compare text with a number
            """)
    void rejectsOperandsOfTheWrongType(String text, int offset, String message) {
      Problem p = error(text);
      assertThat(p.message()).isEqualTo(message);
      assertThat(p.location()).isEqualTo(col(offset));
    }

    @Test
    void hintsAtMisquotedNumbersAndText() {
      assertThat(error("deprivation_decile <= '3'").hint())
          .isEqualTo("write numbers without quotes");
      assertThat(error("event_type = 3").hint()).isEqualTo("write text in single quotes, e.g. '3'");
      assertThat(error("event_type = amount").hint()).isNull();
    }
  }

  @Nested
  class DateCoercion {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @Test
    void isoTextComparedWithADateBecomesADateLiteral() {
      Typed t = check("occurred_on >= '2026-10-01'");
      Expr.Binary cmp = (Expr.Binary) t.expr();
      assertThat(cmp.right()).isEqualTo(new Expr.Literal(OCT_1, ValueType.DATE, col(15)));
      assertThat(t.type()).isEqualTo(ValueType.BOOLEAN);
    }

    @Test
    void worksOnEitherSideAndWithTimestamps() {
      assertThat(show(check("'2026-10-01' <= occurred_at").expr()))
          .isEqualTo("(<= date:2026-10-01 occurred_at)");
    }

    @Test
    void appliesToInListsBetweenAndFunctions() {
      assertThat(show(check("occurred_on in ('2026-10-01', '2026-10-02')").expr()))
          .isEqualTo("(in occurred_on [date:2026-10-01 date:2026-10-02])");
      assertThat(show(check("occurred_at not between '2026-10-01' and date '2026-10-31'").expr()))
          .isEqualTo("(not-between occurred_at date:2026-10-01 date:2026-10-31)");
      assertThat(show(check("coalesce(occurred_on, '2026-01-01') < '2026-10-01'").expr()))
          .isEqualTo("(< (coalesce occurred_on date:2026-01-01) date:2026-10-01)");
      assertThat(show(check("date_diff('day', '2026-01-01', occurred_on) > 3").expr()))
          .isEqualTo("(> (date_diff 'day' date:2026-01-01 occurred_on) 3)");
    }

    @Test
    void textComparedWithTextStaysText() {
      assertThat(show(check("event_type = '2026-10-01'").expr()))
          .isEqualTo("(= event_type '2026-10-01')");
    }

    @Test
    void nonDateTextComparedWithADateIsAnError() {
      Problem p = error("occurred_on = 'yesterday'");
      assertThat(p.message()).isEqualTo("'yesterday' is not a valid date");
      assertThat(p.hint()).isEqualTo("write dates as 'YYYY-MM-DD'");
      assertThat(p.location()).isEqualTo(col(14));
      assertThat(error("occurred_on in ('2026-10-01', '2026-13-01')").location())
          .isEqualTo(col(30));
    }
  }

  @Nested
  class Functions {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        textBlock =
            """
            abs(event_type)                       | 4  | abs needs a number, not text
            round(occurred_on)                    | 6  | round needs a number, not a date
            lower(amount)                         | 6  | lower needs text, not a number
            upper(verified)                       | 6  | upper needs text, not a true/false condition
            coalesce(event_type, 0)               | 21 | the arguments of coalesce must have one type, not text and a number
            coalesce(null, amount, 'x')           | 23 | the arguments of coalesce must have one type, not a number and text
            nullif(amount, 'x')                   | 15 | the arguments of nullif must have one type, not a number and text
            date_diff('day', amount, occurred_on) | 17 | date_diff needs a date or a timestamp, not a number
            date_diff('day', occurred_on, 'soon') | 30 | 'soon' is not a valid date
            date_diff('dya', occurred_on, occurred_on) | 10 | unknown date_diff unit 'dya'
            date_diff(event_type, occurred_on, occurred_on) | 10 | the first argument of date_diff must be a unit in quotes
            date_diff(1, occurred_on, occurred_on) | 10 | the first argument of date_diff must be a unit in quotes
            date_diff('Day', occurred_on, occurred_on) | 10 | unknown date_diff unit 'Day'
            round(amount, quantity)               | 14 | the second argument of round must be a whole number of decimal places from 0 to 18
            round(amount, 1.5)                    | 14 | the second argument of round must be a whole number of decimal places from 0 to 18
            round(amount, 19)                     | 14 | the second argument of round must be a whole number of decimal places from 0 to 18
            """)
    void checksArgumentTypes(String text, int offset, String message) {
      Problem p = error(text);
      assertThat(p.message()).isEqualTo(message);
      assertThat(p.location()).isEqualTo(col(offset));
    }

    @Test
    void unknownDateDiffUnitSuggestsAUnit() {
      assertThat(error("date_diff('dya', occurred_on, occurred_on)").hint())
          .isEqualTo("did you mean 'day'?");
      assertThat(error("date_diff('Day', occurred_on, occurred_on)").hint())
          .isEqualTo("did you mean 'day'?");
    }

    @Test
    void roundAcceptsEighteenPlaces() {
      assertThat(typeOf("round(amount, 18)")).isEqualTo(ValueType.NUMBER);
      assertThat(typeOf("round(amount, 0)")).isEqualTo(ValueType.NUMBER);
    }

    @Test
    void handBuiltCallsAreCheckedToo() {
      Expr unknown = new Expr.FunctionCall("read_csv", List.of(), col(3));
      SpotlightException e =
          catchThrowableOfType(
              SpotlightException.class, () -> TypeChecker.check(unknown, ACTIVITY));
      assertThat(e.problems().get(0).message()).isEqualTo("unknown function 'read_csv'");
      assertThat(e.problems().get(0).location()).isEqualTo(col(3));

      Expr wrongArity = new Expr.FunctionCall("abs", List.of(), col(3));
      e =
          catchThrowableOfType(
              SpotlightException.class, () -> TypeChecker.check(wrongArity, ACTIVITY));
      assertThat(e.problems().get(0).message()).isEqualTo("abs takes 1 argument, not 0");
    }
  }

  @Nested
  class Fields {

    @Test
    void whereMustBeACondition() {
      Expr e = ExprParser.parse("amount + 1", START);
      SpotlightException ex =
          catchThrowableOfType(
              SpotlightException.class, () -> TypeChecker.checkBoolean(e, ACTIVITY, "where"));
      assertThat(ex.kind()).isEqualTo(ExitKind.DEFINITION);
      assertThat(ex.problems().get(0).message())
          .isEqualTo("'where' must be a true/false condition, not a number");
      assertThat(ex.problems().get(0).location()).isEqualTo(col(7));
    }

    @Test
    void whereRejectsANullLiteral() {
      Expr e = ExprParser.parse("null", START);
      SpotlightException ex =
          catchThrowableOfType(
              SpotlightException.class, () -> TypeChecker.checkBoolean(e, ACTIVITY, "where"));
      assertThat(ex.problems().get(0).message())
          .isEqualTo("'where' must be a true/false condition, not null");
    }

    @Test
    void ofMustBeANumberWhenNumeric() {
      Expr e = ExprParser.parse("event_type", START);
      SpotlightException ex =
          catchThrowableOfType(
              SpotlightException.class, () -> TypeChecker.checkNumeric(e, ACTIVITY, "of"));
      assertThat(ex.problems().get(0).message()).isEqualTo("'of' must be a number, not text");
      assertThat(ex.problems().get(0).location()).isEqualTo(col(0));
    }

    @Test
    void returnsTheCoercedTreeWhenTheFieldTypeMatches() {
      Typed where =
          TypeChecker.checkBoolean(
              ExprParser.parse("occurred_on = '2026-10-01'", START), ACTIVITY, "where");
      assertThat(show(where.expr())).isEqualTo("(= occurred_on date:2026-10-01)");
      assertThat(where.type()).isEqualTo(ValueType.BOOLEAN);
      Typed of =
          TypeChecker.checkNumeric(ExprParser.parse("amount / quantity", START), ACTIVITY, "of");
      assertThat(of.type()).isEqualTo(ValueType.NUMBER);
    }
  }
}
