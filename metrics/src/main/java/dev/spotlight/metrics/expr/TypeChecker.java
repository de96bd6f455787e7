package dev.spotlight.metrics.expr;

import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.metrics.expr.Expr.BinaryOp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks an expression's names and types against a {@link ColumnScope}, returning the tree with ISO
 * date text compared to dates turned into date literals.
 */
public final class TypeChecker {

  /** A checked expression and the type of its value. */
  public record Typed(Expr expr, ValueType type) {}

  private final ColumnScope scope;

  private TypeChecker(ColumnScope scope) {
    this.scope = scope;
  }

  /**
   * The type of {@code expr} and the tree to render.
   *
   * @throws SpotlightException with {@link dev.spotlight.common.error.ExitKind#DEFINITION} at the
   *     offending node
   */
  public static Typed check(Expr expr, ColumnScope scope) {
    return new TypeChecker(scope).typed(expr);
  }

  /** Checks {@code expr} as the true/false condition of the YAML field {@code field}. */
  public static Typed checkBoolean(Expr expr, ColumnScope scope, String field) {
    return require(check(expr, scope), ValueType.BOOLEAN, field);
  }

  /** Checks {@code expr} as the numeric value of the YAML field {@code field}. */
  public static Typed checkNumeric(Expr expr, ColumnScope scope, String field) {
    return require(check(expr, scope), ValueType.NUMBER, field);
  }

  private static Typed require(Typed typed, ValueType wanted, String field) {
    if (typed.type() != wanted) {
      throw SpotlightException.definition(
          typed.expr().location(),
          "'" + field + "' must be " + describe(wanted) + ", not " + describe(typed.type()),
          null);
    }
    return typed;
  }

  private Typed typed(Expr expr) {
    if (expr instanceof Expr.Literal literal) {
      return new Typed(literal, literal.type());
    }
    if (expr instanceof Expr.ColumnRef column) {
      return column(column);
    }
    if (expr instanceof Expr.Unary unary) {
      return unary(unary);
    }
    if (expr instanceof Expr.Binary binary) {
      return binary(binary);
    }
    if (expr instanceof Expr.InList in) {
      return inList(in);
    }
    if (expr instanceof Expr.Between between) {
      return between(between);
    }
    if (expr instanceof Expr.IsNull isNull) {
      return new Typed(
          new Expr.IsNull(typed(isNull.value()).expr(), isNull.negated(), isNull.location()),
          ValueType.BOOLEAN);
    }
    if (expr instanceof Expr.FunctionCall call) {
      return call(call);
    }
    throw new IllegalArgumentException("unknown expression node " + expr);
  }

  private Typed inList(Expr.InList in) {
    List<Typed> values = new ArrayList<>();
    values.add(typed(in.value()));
    in.items().forEach(item -> values.add(typed(item)));
    List<Expr> checked = exprs(comparable(values, null));
    return new Typed(
        new Expr.InList(
            checked.get(0),
            List.copyOf(checked.subList(1, checked.size())),
            in.negated(),
            in.location()),
        ValueType.BOOLEAN);
  }

  private Typed between(Expr.Between between) {
    List<Typed> values =
        List.of(typed(between.value()), typed(between.low()), typed(between.high()));
    List<Expr> checked = exprs(comparable(values, null));
    return new Typed(
        new Expr.Between(
            checked.get(0), checked.get(1), checked.get(2), between.negated(), between.location()),
        ValueType.BOOLEAN);
  }

  private Typed column(Expr.ColumnRef column) {
    return scope
        .typeOf(column.name())
        .map(type -> new Typed(column, type))
        .orElseThrow(
            () ->
                SpotlightException.definition(
                    column.location(),
                    "unknown column '" + column.name() + "' in " + scope.description(),
                    DidYouMean.hint(column.name(), scope.names())));
  }

  private Typed unary(Expr.Unary unary) {
    return switch (unary.op()) {
      case NOT ->
          new Typed(
              new Expr.Unary(
                  unary.op(),
                  operand(typed(unary.operand()), "'not'", ValueType.BOOLEAN),
                  unary.location()),
              ValueType.BOOLEAN);
      case NEGATE ->
          new Typed(
              new Expr.Unary(
                  unary.op(),
                  operand(typed(unary.operand()), "'-'", ValueType.NUMBER),
                  unary.location()),
              ValueType.NUMBER);
    };
  }

  private Typed binary(Expr.Binary binary) {
    Typed left = typed(binary.left());
    Typed right = typed(binary.right());
    BinaryOp op = binary.op();
    String name = "'" + op.sql().toLowerCase(Locale.ROOT) + "'";
    return switch (op) {
      case ADD, SUB, MUL, DIV ->
          new Typed(
              new Expr.Binary(
                  op,
                  operand(left, name, ValueType.NUMBER),
                  operand(right, name, ValueType.NUMBER),
                  binary.location()),
              ValueType.NUMBER);
      case AND, OR ->
          new Typed(
              new Expr.Binary(
                  op,
                  operand(left, name, ValueType.BOOLEAN),
                  operand(right, name, ValueType.BOOLEAN),
                  binary.location()),
              ValueType.BOOLEAN);
      case EQ, NE, LT, LE, GT, GE -> {
        List<Expr> checked = exprs(comparable(List.of(left, right), null));
        yield new Typed(
            new Expr.Binary(op, checked.get(0), checked.get(1), binary.location()),
            ValueType.BOOLEAN);
      }
    };
  }

  private Typed call(Expr.FunctionCall call) {
    BuiltinFunction function =
        BuiltinFunction.lookup(call.name())
            .orElseThrow(
                () ->
                    SpotlightException.definition(
                        call.location(), "unknown function '" + call.name() + "'", null));
    if (!function.acceptsArgumentCount(call.args().size())) {
      throw SpotlightException.definition(
          call.location(),
          function.functionName() + " takes " + function.arity() + ", not " + call.args().size(),
          null);
    }
    String name = function.functionName();
    List<Typed> args = call.args().stream().map(this::typed).toList();
    return switch (function) {
      case COALESCE, NULLIF -> {
        List<Typed> checked = comparable(args, name);
        yield result(call, exprs(checked), commonType(checked));
      }
      case ABS ->
          result(call, List.of(operand(args.get(0), name, ValueType.NUMBER)), ValueType.NUMBER);
      case ROUND -> {
        List<Expr> checked = new ArrayList<>();
        checked.add(operand(args.get(0), name, ValueType.NUMBER));
        if (args.size() == 2) {
          checked.add(roundPlaces(args.get(1).expr()));
        }
        yield result(call, checked, ValueType.NUMBER);
      }
      case LOWER, UPPER ->
          result(call, List.of(operand(args.get(0), name, ValueType.STRING)), ValueType.STRING);
      case DATE_DIFF ->
          result(
              call,
              List.of(
                  dateDiffUnit(args.get(0).expr()),
                  temporalOperand(args.get(1), name),
                  temporalOperand(args.get(2), name)),
              ValueType.NUMBER);
    };
  }

  private static Typed result(Expr.FunctionCall call, List<Expr> args, ValueType type) {
    return new Typed(new Expr.FunctionCall(call.name(), args, call.location()), type);
  }

  private static Expr roundPlaces(Expr places) {
    if (places instanceof Expr.Literal literal
        && literal.value() instanceof Long n
        && n <= BuiltinFunction.MAX_ROUND_PLACES) {
      return literal;
    }
    throw SpotlightException.definition(
        places.location(),
        "the second argument of round must be a whole number of decimal places from 0 to "
            + BuiltinFunction.MAX_ROUND_PLACES,
        "e.g. round(x, 2)");
  }

  private static Expr dateDiffUnit(Expr unit) {
    if (!(unit instanceof Expr.Literal literal && literal.value() instanceof String text)) {
      throw SpotlightException.definition(
          unit.location(),
          "the first argument of date_diff must be a unit in quotes",
          "e.g. date_diff('day', start, end); units: "
              + String.join(", ", BuiltinFunction.DATE_DIFF_UNITS));
    }
    if (!BuiltinFunction.DATE_DIFF_UNITS.contains(text)) {
      throw SpotlightException.definition(
          unit.location(),
          "unknown date_diff unit '" + SourceText.excerpt(text) + "'",
          DidYouMean.hint(text, BuiltinFunction.DATE_DIFF_UNITS));
    }
    return literal;
  }

  /** The operand's tree, provided it is of the {@code wanted} type or the null literal. */
  private static Expr operand(Typed operand, String operation, ValueType wanted) {
    if (operand.type() != wanted && operand.type() != ValueType.NULL) {
      throw mismatch(operand, operation, describe(wanted));
    }
    return operand.expr();
  }

  /** The operand's tree, provided it is a date, a timestamp, ISO date text or the null literal. */
  private static Expr temporalOperand(Typed operand, String operation) {
    Typed value = asDate(operand);
    if (!isTemporal(value.type()) && value.type() != ValueType.NULL) {
      throw mismatch(value, operation, "a date or a timestamp");
    }
    return value.expr();
  }

  private static SpotlightException mismatch(Typed operand, String operation, String wanted) {
    return SpotlightException.definition(
        operand.expr().location(),
        operation + " needs " + wanted + ", not " + describe(operand.type()),
        null);
  }

  /**
   * Checks that the values can be compared with one another (or mixed, in {@code function}), first
   * turning ISO date text into dates when any of them is a date or timestamp.
   */
  private static List<Typed> comparable(List<Typed> values, String function) {
    boolean temporal = values.stream().anyMatch(v -> isTemporal(v.type()));
    List<Typed> coerced = temporal ? values.stream().map(TypeChecker::asDate).toList() : values;
    Typed anchor = null;
    for (Typed value : coerced) {
      if (value.type() == ValueType.NULL) {
        continue;
      }
      if (anchor == null) {
        anchor = value;
      } else if (!compatible(anchor.type(), value.type())) {
        String message =
            function == null
                ? "cannot compare " + describe(anchor.type()) + " with " + describe(value.type())
                : "the arguments of "
                    + function
                    + " must have one type, not "
                    + describe(anchor.type())
                    + " and "
                    + describe(value.type());
        throw SpotlightException.definition(
            value.expr().location(), message, quotingHint(anchor.type(), value));
      }
    }
    return coerced;
  }

  /** A hint for the common slip of quoting a number, or of not quoting text. */
  private static String quotingHint(ValueType expected, Typed value) {
    if (value.expr() instanceof Expr.Literal literal) {
      if (expected == ValueType.NUMBER && value.type() == ValueType.STRING) {
        return "write numbers without quotes";
      }
      if (expected == ValueType.STRING && value.type() == ValueType.NUMBER) {
        return "write text in single quotes, e.g. '" + literal.value() + "'";
      }
    }
    return null;
  }

  /** Text that is an ISO date becomes a date literal; anything else is returned as is. */
  private static Typed asDate(Typed value) {
    if (!(value.expr() instanceof Expr.Literal literal && literal.value() instanceof String text)) {
      return value;
    }
    try {
      return new Typed(
          new Expr.Literal(LocalDate.parse(text), ValueType.DATE, literal.location()),
          ValueType.DATE);
    } catch (DateTimeParseException e) {
      throw SpotlightException.definition(
          literal.location(),
          "'" + SourceText.excerpt(text) + "' is not a valid date",
          "write dates as 'YYYY-MM-DD'");
    }
  }

  private static ValueType commonType(List<Typed> values) {
    ValueType common = ValueType.NULL;
    for (Typed value : values) {
      if (value.type() == ValueType.TIMESTAMP || common == ValueType.NULL) {
        common = value.type();
      }
    }
    return common;
  }

  private static boolean compatible(ValueType a, ValueType b) {
    return a == b || (isTemporal(a) && isTemporal(b));
  }

  private static boolean isTemporal(ValueType type) {
    return type == ValueType.DATE || type == ValueType.TIMESTAMP;
  }

  private static List<Expr> exprs(List<Typed> typed) {
    return typed.stream().map(Typed::expr).toList();
  }

  /** How a type is named in messages. */
  private static String describe(ValueType type) {
    return switch (type) {
      case STRING -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "a true/false condition";
      case DATE -> "a date";
      case TIMESTAMP -> "a timestamp";
      case NULL -> "null";
    };
  }
}
