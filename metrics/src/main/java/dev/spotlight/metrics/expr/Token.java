package dev.spotlight.metrics.expr;

/**
 * One token of an expression: its kind, its source text, its literal value (for numbers and
 * strings) and its offset in the expression text.
 */
record Token(Token.Kind kind, String text, Object value, int offset) {

  /** Token kinds; keywords are matched case-insensitively by the lexer. */
  enum Kind {
    IDENT,
    INTEGER,
    DECIMAL,
    STRING,
    LPAREN,
    RPAREN,
    COMMA,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    AND,
    OR,
    NOT,
    IN,
    BETWEEN,
    IS,
    NULL,
    TRUE,
    FALSE,
    EOF
  }

  /** How the token is named in a message, e.g. {@code ')'} or {@code the end of the expression}. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of expression";
      case STRING -> "text " + SourceText.excerpt(text);
      default -> "'" + SourceText.excerpt(text) + "'";
    };
  }
}
