package dev.spotlight.metrics.sql;

import dev.spotlight.metrics.expr.BuiltinFunction;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.ValueType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Renders a checked expression as SQL for one dialect. Literals become bound parameters, names
 * become whatever the caller's catalogue maps them to, and every operation is parenthesised.
 */
public final class ExprSqlRenderer {

  private final SqlDialect dialect;
  private final Function<String, String> columnSql;

  /**
   * @param columnSql maps a column or dimension name to its SQL, e.g. {@code "participant"} or
   *     {@code "attributes"['category']}
   */
  public ExprSqlRenderer(SqlDialect dialect, Function<String, String> columnSql) {
    this.dialect = Objects.requireNonNull(dialect);
    this.columnSql = Objects.requireNonNull(columnSql);
  }

  /**
   * The SQL for {@code expr}; the values of its {@code ?} placeholders are appended to {@code
   * params}.
   */
  public String render(Expr expr, List<Object> params) {
    if (expr instanceof Expr.Literal literal) {
      return literal(literal, params);
    }
    if (expr instanceof Expr.ColumnRef column) {
      String sql = columnSql.apply(column.name());
      if (sql == null) {
        throw new IllegalArgumentException("no SQL for column '" + column.name() + "'");
      }
      return sql;
    }
    if (expr instanceof Expr.Unary unary) {
      String operand = render(unary.operand(), params);
      return switch (unary.op()) {
        case NOT -> "(NOT " + operand + ")";
        case NEGATE -> "(-" + operand + ")";
      };
    }
    if (expr instanceof Expr.Binary binary) {
      String left = render(binary.left(), params);
      String right = render(binary.right(), params);
      return switch (binary.op()) {
        // DuckDB yields Infinity and Spark throws on division by zero; both must give null.
        case DIV -> "(" + left + " / NULLIF(" + right + ", 0))";
        default -> "(" + left + " " + binary.op().sql() + " " + right + ")";
      };
    }
    if (expr instanceof Expr.InList in) {
      String value = render(in.value(), params);
      return "("
          + value
          + (in.negated() ? " NOT IN (" : " IN (")
          + renderAll(in.items(), params)
          + "))";
    }
    if (expr instanceof Expr.Between between) {
      String value = render(between.value(), params);
      String low = render(between.low(), params);
      String high = render(between.high(), params);
      return "("
          + value
          + (between.negated() ? " NOT BETWEEN " : " BETWEEN ")
          + low
          + " AND "
          + high
          + ")";
    }
    if (expr instanceof Expr.IsNull isNull) {
      String value = render(isNull.value(), params);
      return "(" + value + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
    }
    if (expr instanceof Expr.FunctionCall call) {
      return call(call, params);
    }
    throw new IllegalArgumentException("unknown expression node " + expr);
  }

  private String call(Expr.FunctionCall call, List<Object> params) {
    BuiltinFunction function =
        BuiltinFunction.lookup(call.name())
            .orElseThrow(
                () -> new IllegalArgumentException("not a function: '" + call.name() + "'"));
    List<Expr> args = call.args();
    if (!function.acceptsArgumentCount(args.size())) {
      throw new IllegalArgumentException(call.name() + " takes " + function.arity());
    }
    return switch (function) {
      case DATE_DIFF -> {
        String unit = literalValue(args.get(0), String.class, "date_diff unit");
        String start = render(args.get(1), params);
        String end = render(args.get(2), params);
        yield dialect.dateDiff(unit, start, end);
      }
      case ROUND -> {
        String value = render(args.get(0), params);
        if (args.size() == 1) {
          yield dialect.round(value, null);
        }
        // Engines take the number of places as a 32-bit integer, so BIGINT would not bind.
        params.add(Math.toIntExact(literalValue(args.get(1), Long.class, "round places")));
        yield dialect.round(value, parameter(SqlType.INTEGER));
      }
      default -> function.name() + "(" + renderAll(args, params) + ")";
    };
  }

  private String renderAll(List<Expr> exprs, List<Object> params) {
    List<String> rendered = new ArrayList<>();
    for (Expr e : exprs) {
      rendered.add(render(e, params));
    }
    return String.join(", ", rendered);
  }

  private String literal(Expr.Literal literal, List<Object> params) {
    if (literal.type() == ValueType.NULL) {
      if (literal.value() != null) {
        throw new IllegalArgumentException("a null literal with a value: " + literal);
      }
      return "NULL";
    }
    SqlType type =
        switch (literal.type()) {
          case STRING -> checkValue(literal, String.class, SqlType.STRING);
          case NUMBER ->
              literal.value() instanceof Long
                  ? SqlType.BIGINT
                  : checkValue(literal, Double.class, SqlType.DOUBLE);
          case BOOLEAN -> checkValue(literal, Boolean.class, SqlType.BOOLEAN);
          case DATE -> checkValue(literal, LocalDate.class, SqlType.DATE);
          case TIMESTAMP, NULL ->
              throw new IllegalArgumentException(
                  "the expression language has no literals of type " + literal.type());
        };
    params.add(literal.value());
    return parameter(type);
  }

  private String parameter(SqlType type) {
    return "CAST(? AS " + dialect.typeName(type) + ")";
  }

  private static SqlType checkValue(Expr.Literal literal, Class<?> expected, SqlType type) {
    if (!expected.isInstance(literal.value())) {
      throw new IllegalArgumentException("literal value does not match its type: " + literal);
    }
    return type;
  }

  private static <T> T literalValue(Expr expr, Class<T> type, String what) {
    if (expr instanceof Expr.Literal literal && type.isInstance(literal.value())) {
      return type.cast(literal.value());
    }
    throw new IllegalArgumentException("the " + what + " must be a literal: " + expr);
  }
}
