package dev.spotlight.metrics.expr;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.metrics.expr.Expr.BinaryOp;
import dev.spotlight.metrics.expr.Expr.UnaryOp;
import dev.spotlight.metrics.expr.Token.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Parses expression text into an {@link Expr} tree; every node and every error carries its location
 * in the definition file.
 *
 * <p>Precedence, loosest first: {@code or}, {@code and}, {@code not}, comparisons with {@code in},
 * {@code between} and {@code is null}, {@code + -}, {@code * /}, unary minus.
 */
public final class ExprParser {

  /**
   * Deep enough for any real definition, shallow enough that the checker and renderer, which
   * recurse over the tree, never exhaust the stack.
   */
  static final int MAX_DEPTH = 100;

  private static final Set<String> AGGREGATES =
      Set.of("count", "sum", "avg", "min", "max", "median", "percentile", "quantile");

  private final SourceText source;
  private final Lexer lexer;
  private Token next;
  private Token previous;
  private int depth;

  private ExprParser(SourceText source) {
    this.source = source;
    this.lexer = new Lexer(source);
  }

  /**
   * Parses {@code text}, whose first character sits at {@code start} in its file.
   *
   * @throws SpotlightException with {@link dev.spotlight.common.error.ExitKind#DEFINITION}
   */
  public static Expr parse(String text, Location start) {
    ExprParser parser =
        new ExprParser(new SourceText(Objects.requireNonNull(text), Objects.requireNonNull(start)));
    return parser.whole();
  }

  /**
   * Parses {@code text}, whose character at each offset sits at {@code locate.apply(offset)} in its
   * file (for text that is not written verbatim there: quoted, escaped or spread over lines).
   *
   * @throws SpotlightException with {@link dev.spotlight.common.error.ExitKind#DEFINITION}
   */
  public static Expr parse(String text, IntFunction<Location> locate) {
    ExprParser parser =
        new ExprParser(new SourceText(Objects.requireNonNull(text), locate.apply(0), locate));
    return parser.whole();
  }

  private Expr whole() {
    if (peek().kind() == Kind.EOF) {
      throw source.error(0, "the expression is empty", null);
    }
    Expr result = expression();
    Token extra = peek();
    if (extra.kind() == Kind.RPAREN) {
      throw error(extra, "unexpected ')'", "there is no '(' for it to close");
    }
    if (extra.kind() != Kind.EOF) {
      throw error(
          extra,
          "unexpected " + extra.describe(),
          "expected an operator such as 'and', '=' or '+', or the end of the expression");
    }
    return result;
  }

  private Expr expression() {
    int saved = depth;
    nest(peek());
    Expr result = or();
    depth = saved;
    return result;
  }

  private Expr or() {
    int saved = depth;
    Expr left = and();
    while (peek().kind() == Kind.OR) {
      Token op = advance();
      nest(op);
      left = new Expr.Binary(BinaryOp.OR, left, and(), at(op));
    }
    depth = saved;
    return left;
  }

  private Expr and() {
    int saved = depth;
    Expr left = not();
    while (peek().kind() == Kind.AND) {
      Token op = advance();
      nest(op);
      left = new Expr.Binary(BinaryOp.AND, left, not(), at(op));
    }
    depth = saved;
    return left;
  }

  private Expr not() {
    if (peek().kind() != Kind.NOT) {
      return predicate();
    }
    int saved = depth;
    Token op = advance();
    nest(op);
    Expr result = new Expr.Unary(UnaryOp.NOT, not(), at(op));
    depth = saved;
    return result;
  }

  private Expr predicate() {
    Expr left = additive();
    Token op = peek();
    Expr result;
    BinaryOp comparison = comparisonOp(op.kind());
    if (comparison != null) {
      advance();
      result = new Expr.Binary(comparison, left, additive(), at(op));
    } else if (op.kind() == Kind.IN) {
      advance();
      result = inList(left, false, op);
    } else if (op.kind() == Kind.BETWEEN) {
      advance();
      result = between(left, false, op);
    } else if (op.kind() == Kind.NOT) {
      advance();
      Token keyword = advance();
      if (keyword.kind() == Kind.IN) {
        result = inList(left, true, op);
      } else if (keyword.kind() == Kind.BETWEEN) {
        result = between(left, true, op);
      } else {
        throw error(keyword, "expected 'in' or 'between' after 'not'", null);
      }
    } else if (op.kind() == Kind.IS) {
      advance();
      boolean negated = peek().kind() == Kind.NOT;
      if (negated) {
        advance();
      }
      expect(Kind.NULL, "expected 'null' after 'is'", "only 'is null' and 'is not null' exist");
      result = new Expr.IsNull(left, negated, at(op));
    } else {
      return left;
    }
    Token after = peek();
    if (comparisonOp(after.kind()) != null
        || after.kind() == Kind.IN
        || after.kind() == Kind.BETWEEN
        || after.kind() == Kind.IS) {
      throw error(
          after, "conditions cannot be chained", "join them with 'and', e.g. a < b and b < c");
    }
    return result;
  }

  private Expr inList(Expr value, boolean negated, Token op) {
    expect(Kind.LPAREN, "expected '(' after 'in'", "write a list such as in ('a', 'b')");
    if (peek().kind() == Kind.RPAREN) {
      throw error(peek(), "an 'in' list needs at least one value", null);
    }
    List<Expr> items = new ArrayList<>();
    do {
      items.add(expression());
    } while (accept(Kind.COMMA));
    expect(Kind.RPAREN, "expected ')'", "separate the values of an 'in' list with ','");
    return new Expr.InList(value, List.copyOf(items), negated, at(op));
  }

  private Expr between(Expr value, boolean negated, Token op) {
    Expr low = additive();
    expect(Kind.AND, "expected 'and' in 'between'", "write x between low and high");
    Expr high = additive();
    return new Expr.Between(value, low, high, negated, at(op));
  }

  private Expr additive() {
    int saved = depth;
    Expr left = multiplicative();
    while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
      Token op = advance();
      nest(op);
      BinaryOp binary = op.kind() == Kind.PLUS ? BinaryOp.ADD : BinaryOp.SUB;
      left = new Expr.Binary(binary, left, multiplicative(), at(op));
    }
    depth = saved;
    return left;
  }

  private Expr multiplicative() {
    int saved = depth;
    Expr left = unary();
    while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH) {
      Token op = advance();
      nest(op);
      BinaryOp binary = op.kind() == Kind.STAR ? BinaryOp.MUL : BinaryOp.DIV;
      left = new Expr.Binary(binary, left, unary(), at(op));
    }
    depth = saved;
    return left;
  }

  private Expr unary() {
    if (peek().kind() != Kind.MINUS) {
      return primary();
    }
    int saved = depth;
    Token op = advance();
    nest(op);
    Expr result = new Expr.Unary(UnaryOp.NEGATE, unary(), at(op));
    depth = saved;
    return result;
  }

  private Expr primary() {
    Token token = peek();
    switch (token.kind()) {
      case INTEGER, DECIMAL -> {
        advance();
        return new Expr.Literal(token.value(), ValueType.NUMBER, at(token));
      }
      case STRING -> {
        advance();
        return new Expr.Literal(token.value(), ValueType.STRING, at(token));
      }
      case TRUE, FALSE -> {
        advance();
        return new Expr.Literal(token.kind() == Kind.TRUE, ValueType.BOOLEAN, at(token));
      }
      case NULL -> {
        advance();
        return new Expr.Literal(null, ValueType.NULL, at(token));
      }
      case LPAREN -> {
        advance();
        Expr inner = expression();
        expect(Kind.RPAREN, "expected ')'", "every '(' needs a matching ')'");
        return inner;
      }
      case IDENT -> {
        return name();
      }
      default -> throw missingValue(token);
    }
  }

  private Expr name() {
    Token name = advance();
    if (name.text().equalsIgnoreCase("date") && peek().kind() == Kind.STRING) {
      return dateLiteral(name, advance());
    }
    if (peek().kind() == Kind.LPAREN) {
      return call(name);
    }
    return new Expr.ColumnRef(name.text(), at(name));
  }

  private Expr dateLiteral(Token keyword, Token text) {
    try {
      LocalDate date = LocalDate.parse((String) text.value());
      return new Expr.Literal(date, ValueType.DATE, at(keyword));
    } catch (DateTimeParseException e) {
      throw error(
          text,
          SourceText.excerpt(text.text()) + " is not a valid date",
          "write dates as date 'YYYY-MM-DD'");
    }
  }

  private Expr call(Token name) {
    BuiltinFunction function =
        BuiltinFunction.lookup(name.text()).orElseThrow(() -> unknownFunction(name));
    int saved = depth;
    Token open = advance();
    nest(open);
    List<Expr> args = new ArrayList<>();
    if (peek().kind() != Kind.RPAREN) {
      do {
        args.add(expression());
      } while (accept(Kind.COMMA));
    }
    expect(
        Kind.RPAREN,
        "expected ')'",
        "separate the arguments of " + function.functionName() + " with ','");
    depth = saved;
    if (!function.acceptsArgumentCount(args.size())) {
      throw error(
          name,
          function.functionName() + " takes " + function.arity() + ", not " + args.size(),
          null);
    }
    return new Expr.FunctionCall(function.functionName(), List.copyOf(args), at(name));
  }

  private SpotlightException unknownFunction(Token name) {
    String lower = name.text().toLowerCase(Locale.ROOT);
    String hint =
        AGGREGATES.contains(lower)
            ? "aggregates are chosen with the metric's type, e.g. type: sum with of: amount"
            : DidYouMean.closest(name.text(), BuiltinFunction.names())
                .map(c -> "did you mean '" + c + "'?")
                .orElse("the functions are " + String.join(", ", BuiltinFunction.names()));
    return error(name, "unknown function '" + SourceText.excerpt(name.text()) + "'", hint);
  }

  private SpotlightException missingValue(Token token) {
    String hint =
        previous == null
            ? "expected a value, a column or a function call"
            : "expected a value, a column or a function call after " + previous.describe();
    if (token.kind() == Kind.EOF) {
      return error(token, "unexpected end of expression", hint);
    }
    return error(token, "unexpected " + token.describe(), hint);
  }

  private static BinaryOp comparisonOp(Kind kind) {
    return switch (kind) {
      case EQ -> BinaryOp.EQ;
      case NE -> BinaryOp.NE;
      case LT -> BinaryOp.LT;
      case LE -> BinaryOp.LE;
      case GT -> BinaryOp.GT;
      case GE -> BinaryOp.GE;
      default -> null;
    };
  }

  private void nest(Token token) {
    if (++depth > MAX_DEPTH) {
      throw error(
          token,
          "the expression is nested too deeply",
          "split it into simpler metrics; at most " + MAX_DEPTH + " levels are allowed");
    }
  }

  private Token peek() {
    if (next == null) {
      next = lexer.next();
    }
    return next;
  }

  private Token advance() {
    previous = peek();
    next = null;
    return previous;
  }

  private boolean accept(Kind kind) {
    if (peek().kind() != kind) {
      return false;
    }
    advance();
    return true;
  }

  private void expect(Kind kind, String message, String hint) {
    Token token = peek();
    if (token.kind() != kind) {
      throw error(token, message, hint);
    }
    advance();
  }

  private Location at(Token token) {
    return source.at(token.offset());
  }

  private SpotlightException error(Token token, String message, String hint) {
    return source.error(token.offset(), message, hint);
  }
}
