package dev.spotlight.metrics.expr;

import dev.spotlight.metrics.expr.Token.Kind;
import java.util.Locale;
import java.util.Map;

/**
 * Splits expression text into tokens on demand, so that the first error in reading order is the one
 * reported.
 */
final class Lexer {

  private static final Map<String, Kind> KEYWORDS =
      Map.of(
          "and", Kind.AND,
          "or", Kind.OR,
          "not", Kind.NOT,
          "in", Kind.IN,
          "between", Kind.BETWEEN,
          "is", Kind.IS,
          "null", Kind.NULL,
          "true", Kind.TRUE,
          "false", Kind.FALSE);

  private final SourceText source;
  private final String text;
  private int pos;

  Lexer(SourceText source) {
    this.source = source;
    this.text = source.text();
  }

  /** The next token; at the end of the text, an {@link Kind#EOF} token every time. */
  Token next() {
    skipWhitespace();
    if (pos >= text.length()) {
      return new Token(Kind.EOF, "", null, text.length());
    }
    char c = text.charAt(pos);
    if (isNameStart(c)) {
      return word();
    }
    if (isDigit(c)) {
      return number();
    }
    return switch (c) {
      case '\'' -> string();
      case '(' -> symbol(Kind.LPAREN, 1);
      case ')' -> symbol(Kind.RPAREN, 1);
      case ',' -> symbol(Kind.COMMA, 1);
      case '+' -> symbol(Kind.PLUS, 1);
      case '*' -> symbol(Kind.STAR, 1);
      case '-' -> {
        if (lookingAt("--")) {
          throw commentError("remove the comment; to subtract a negative number write a - (-b)");
        }
        yield symbol(Kind.MINUS, 1);
      }
      case '/' -> {
        if (lookingAt("/*")) {
          throw commentError("remove the comment");
        }
        yield symbol(Kind.SLASH, 1);
      }
      case '=' -> {
        if (lookingAt("==")) {
          throw source.error(pos, "'==' is not an operator", "use '=' to compare");
        }
        yield symbol(Kind.EQ, 1);
      }
      case '!' -> {
        if (lookingAt("!=")) {
          yield symbol(Kind.NE, 2);
        }
        throw source.error(pos, "unexpected character '!'", "use 'not' to negate a condition");
      }
      case '<' ->
          lookingAt("<=")
              ? symbol(Kind.LE, 2)
              : lookingAt("<>") ? symbol(Kind.NE, 2) : symbol(Kind.LT, 1);
      case '>' -> lookingAt(">=") ? symbol(Kind.GE, 2) : symbol(Kind.GT, 1);
      case ';' ->
          throw source.error(
              pos,
              "semicolons are not allowed in expressions",
              "an expression is a single condition or value");
      case '"' ->
          throw source.error(
              pos,
              "double quotes are not allowed in expressions",
              "use single quotes for strings, and write column names without quotes");
      case '.' ->
          throw source.error(
              pos,
              "unexpected character '.'",
              "write decimals with a digit before the point, e.g. 0.5");
      default ->
          throw source.error(
              pos, "unexpected character '" + SourceText.excerpt(String.valueOf(c)) + "'", null);
    };
  }

  private Token word() {
    int start = pos;
    scanName();
    boolean dotted = false;
    while (pos < text.length() && text.charAt(pos) == '.') {
      if (pos + 1 >= text.length() || !isNameStart(text.charAt(pos + 1))) {
        throw source.error(
            pos, "expected a name after '.'", "dotted names look like attributes.category");
      }
      pos++;
      scanName();
      dotted = true;
    }
    String word = text.substring(start, pos);
    if (dotted) {
      return new Token(Kind.IDENT, word, null, start);
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.equals("select")) {
      throw source.error(
          start,
          "subqueries are not allowed in expressions",
          "an expression can only use the columns and dimensions of its table");
    }
    return new Token(KEYWORDS.getOrDefault(lower, Kind.IDENT), word, null, start);
  }

  private void scanName() {
    while (pos < text.length() && isNamePart(text.charAt(pos))) {
      pos++;
    }
  }

  private Token number() {
    int start = pos;
    scanDigits();
    boolean decimal = false;
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
      pos++;
      scanDigits();
      decimal = true;
    }
    if (pos < text.length() && (isNamePart(text.charAt(pos)) || text.charAt(pos) == '.')) {
      while (pos < text.length() && (isNamePart(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      throw source.error(
          start,
          "malformed number '" + SourceText.excerpt(text.substring(start, pos)) + "'",
          "numbers are digits with an optional decimal part, e.g. 12 or 0.5;"
              + " names cannot start with a digit");
    }
    String digits = text.substring(start, pos);
    if (decimal) {
      double value = Double.parseDouble(digits);
      if (Double.isInfinite(value)) {
        throw source.error(start, "number '" + SourceText.excerpt(digits) + "' is too large", null);
      }
      return new Token(Kind.DECIMAL, digits, value, start);
    }
    try {
      return new Token(Kind.INTEGER, digits, Long.parseLong(digits), start);
    } catch (NumberFormatException e) {
      throw source.error(
          start,
          "number '" + SourceText.excerpt(digits) + "' is too large for a whole number",
          "write it with a decimal point to make it a decimal number");
    }
  }

  private void scanDigits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  private Token string() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\'') {
        if (lookingAt("''")) {
          value.append('\'');
          pos += 2;
          continue;
        }
        pos++;
        return new Token(Kind.STRING, text.substring(start, pos), value.toString(), start);
      }
      value.append(c);
      pos++;
    }
    throw source.error(
        start,
        "unclosed string literal",
        "end the text with a single quote; write '' for a quote inside the text");
  }

  private Token symbol(Kind kind, int length) {
    Token token = new Token(kind, text.substring(pos, pos + length), null, pos);
    pos += length;
    return token;
  }

  private RuntimeException commentError(String hint) {
    return source.error(pos, "comments are not allowed in expressions", hint);
  }

  private boolean lookingAt(String s) {
    return text.startsWith(s, pos);
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
