package dev.spotlight.metrics.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fixed list of functions expressions may call; nothing outside it reaches SQL. */
public enum BuiltinFunction {
  COALESCE("coalesce", 2, Integer.MAX_VALUE),
  NULLIF("nullif", 2, 2),
  ABS("abs", 1, 1),
  ROUND("round", 1, 2),
  LOWER("lower", 1, 1),
  UPPER("upper", 1, 1),
  DATE_DIFF("date_diff", 3, 3);

  /** The units {@code date_diff} accepts as its first argument. */
  public static final List<String> DATE_DIFF_UNITS =
      List.of("day", "week", "month", "quarter", "year", "hour", "minute", "second");

  /** The largest number of decimal places {@code round(x, n)} accepts. */
  public static final int MAX_ROUND_PLACES = 18;

  private static final List<String> NAMES =
      Arrays.stream(values()).map(BuiltinFunction::functionName).toList();

  private final String functionName;
  private final int minArgs;
  private final int maxArgs;

  BuiltinFunction(String functionName, int minArgs, int maxArgs) {
    this.functionName = functionName;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
  }

  /**
   * The name as users write it and as {@link Expr.FunctionCall#name()} holds it, e.g. "date_diff".
   */
  public String functionName() {
    return functionName;
  }

  /** The function called {@code name}, ignoring case. */
  public static Optional<BuiltinFunction> lookup(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.functionName.equals(lower)).findFirst();
  }

  /** Every function name, for hints. */
  public static List<String> names() {
    return NAMES;
  }

  public boolean acceptsArgumentCount(int count) {
    return count >= minArgs && count <= maxArgs;
  }

  /** The accepted argument counts in words, e.g. "1 or 2 arguments". */
  public String arity() {
    if (maxArgs == Integer.MAX_VALUE) {
      return "at least " + minArgs + " arguments";
    }
    if (minArgs == maxArgs) {
      return minArgs + (minArgs == 1 ? " argument" : " arguments");
    }
    return minArgs + " or " + maxArgs + " arguments";
  }
}
