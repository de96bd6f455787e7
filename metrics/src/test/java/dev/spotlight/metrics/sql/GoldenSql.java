package dev.spotlight.metrics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Golden SQL files under {@code src/test/resources/golden/}. They hold the SQL exactly, with line
 * breaks added for reading: each added break is a newline and four spaces standing for one space
 * of the SQL (before a clause keyword, or after a comma of a select list). Comparison is exact;
 * a difference is reported as the first differing line of the readable form.
 */
final class GoldenSql {

  static final String BREAK = "\n    ";

  private static final List<String> CLAUSES = List.of("FROM ", "WHERE ", "GROUP BY ", "LEFT JOIN ", "UNION ", "ORDER BY ");

  private GoldenSql() {}

  /** The SQL with line breaks added; {@link #unfold} undoes it exactly. */
  static String fold(String sql) {
    if (sql.contains(BREAK)) {
      throw new IllegalArgumentException("the SQL already contains a newline followed by four spaces");
    }
    StringBuilder out = new StringBuilder();
    Deque<Integer> selectDepths = new ArrayDeque<>();
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        while (!selectDepths.isEmpty() && selectDepths.peek() > depth) {
          selectDepths.pop();
        }
      } else if (sql.startsWith("SELECT ", i)) {
        selectDepths.push(depth);
      } else if (c == ' ' && !selectDepths.isEmpty() && selectDepths.peek() == depth) {
        boolean afterComma = i > 0 && sql.charAt(i - 1) == ',';
        int next = i + 1;
        boolean beforeClause = CLAUSES.stream().anyMatch(k -> sql.startsWith(k, next)) && !out.toString().endsWith("DISTINCT");
        if (afterComma || beforeClause) {
          out.append(BREAK);
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  static String unfold(String golden) {
    return golden.replace(BREAK, " ");
  }

  static String read(String name) {
    String resource = "/golden/" + name;
    try (InputStream in = GoldenSql.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails unless {@code sql} is exactly the SQL of golden file {@code name}, showing where they part. */
  static void assertMatches(String name, String sql) {
    String golden = read(name);
    String folded = fold(sql);
    if (golden == null) {
      fail("no golden file src/test/resources/golden/%s; the SQL is:%n%s%n", name, folded);
    }
    golden = golden.endsWith("\n") ? golden.substring(0, golden.length() - 1) : golden;
    if (unfold(golden).equals(sql)) {
      return;
    }
    List<String> want = golden.lines().toList();
    List<String> got = folded.lines().toList();
    int line = 0;
    while (line < Math.min(want.size(), got.size()) && want.get(line).equals(got.get(line))) {
      line++;
    }
    fail("SQL differs from golden/%s at line %d:%n  expected: %s%n  actual:   %s%nwhole actual SQL:%n%s%n",
        name, line + 1,
        line < want.size() ? want.get(line) : "<end of file>",
        line < got.size() ? got.get(line) : "<end of SQL>",
        folded);
  }

  /** The folding is exact: it only ever replaces one space. */
  static void checkRoundTrip(String sql) {
    assertThat(unfold(fold(sql))).isEqualTo(sql);
  }
}
