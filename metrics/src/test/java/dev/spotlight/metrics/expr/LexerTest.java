package dev.spotlight.metrics.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

  private static List<Token> tokens(String text) {
    Lexer lexer = new Lexer(new SourceText(text, new Location("m.yaml", 1, 1)));
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.kind() != Kind.EOF);
    return out;
  }

  private static List<Kind> kinds(String text) {
    return tokens(text).stream().map(Token::kind).toList();
  }

  @Test
  void splitsOperatorsWithAndWithoutSpaces() {
    assertThat(kinds("a<=b>=c<>d!=e<f>g=h+i-j*k/l(m,n)"))
        .containsExactly(
            Kind.IDENT,
            Kind.LE,
            Kind.IDENT,
            Kind.GE,
            Kind.IDENT,
            Kind.NE,
            Kind.IDENT,
            Kind.NE,
            Kind.IDENT,
            Kind.LT,
            Kind.IDENT,
            Kind.GT,
            Kind.IDENT,
            Kind.EQ,
            Kind.IDENT,
            Kind.PLUS,
            Kind.IDENT,
            Kind.MINUS,
            Kind.IDENT,
            Kind.STAR,
            Kind.IDENT,
            Kind.SLASH,
            Kind.IDENT,
            Kind.LPAREN,
            Kind.IDENT,
            Kind.COMMA,
            Kind.IDENT,
            Kind.RPAREN,
            Kind.EOF);
  }

  @Test
  void keywordsIgnoreCaseButKeepTheirText() {
    List<Token> t = tokens("AnD oR NOT in Between IS null TRUE false");
    assertThat(t.stream().map(Token::kind))
        .containsExactly(
            Kind.AND,
            Kind.OR,
            Kind.NOT,
            Kind.IN,
            Kind.BETWEEN,
            Kind.IS,
            Kind.NULL,
            Kind.TRUE,
            Kind.FALSE,
            Kind.EOF);
    assertThat(t.get(0).text()).isEqualTo("AnD");
  }

  @Test
  void namesMayBeDottedAndContainDigitsAndUnderscores() {
    List<Token> t = tokens("_a1 attributes.category a.b_2.c");
    assertThat(t)
        .extracting(Token::kind)
        .containsExactly(Kind.IDENT, Kind.IDENT, Kind.IDENT, Kind.EOF);
    assertThat(t)
        .extracting(Token::text)
        .containsExactly("_a1", "attributes.category", "a.b_2.c", "");
  }

  @Test
  void numbersCarryTheirValues() {
    List<Token> t = tokens("0 007 3.25 10.0");
    assertThat(t)
        .extracting(Token::kind)
        .containsExactly(Kind.INTEGER, Kind.INTEGER, Kind.DECIMAL, Kind.DECIMAL, Kind.EOF);
    assertThat(t).extracting(Token::value).containsExactly(0L, 7L, 3.25, 10.0, null);
  }

  @Test
  void stringsCarryTheirUnescapedValueAndTheirSource() {
    Token t = tokens("'a''b; -- /* \"c\" '").get(0);
    assertThat(t.kind()).isEqualTo(Kind.STRING);
    assertThat(t.value()).isEqualTo("a'b; -- /* \"c\" ");
    assertThat(t.text()).isEqualTo("'a''b; -- /* \"c\" '");
  }

  @Test
  void offsetsSkipWhitespaceOfEveryKind() {
    assertThat(tokens(" a\t=\r\n 'x'  ")).extracting(Token::offset).containsExactly(1, 3, 7, 12);
  }

  @Test
  void theEndRepeats() {
    Lexer lexer = new Lexer(new SourceText("a", new Location("m.yaml", 1, 1)));
    lexer.next();
    assertThat(lexer.next().kind()).isEqualTo(Kind.EOF);
    assertThat(lexer.next().kind()).isEqualTo(Kind.EOF);
  }

  @Test
  void errorsAppearOnlyWhenReached() {
    Lexer lexer = new Lexer(new SourceText("a ; b", new Location("m.yaml", 1, 1)));
    assertThat(lexer.next().kind()).isEqualTo(Kind.IDENT);
    assertThatThrownBy(lexer::next)
        .isInstanceOf(SpotlightException.class)
        .hasMessage(
            "m.yaml:1:3: semicolons are not allowed in expressions"
                + " (an expression is a single condition or value)");
  }

  @Test
  void describesTokensForMessages() {
    List<Token> t = tokens("abc 'x' )");
    assertThat(t)
        .extracting(Token::describe)
        .containsExactly("'abc'", "text 'x'", "')'", "end of expression");
  }
}
