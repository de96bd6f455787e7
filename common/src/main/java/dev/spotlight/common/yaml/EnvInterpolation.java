package dev.spotlight.common.yaml;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${NAME}} in strings by environment variable NAME; an unset variable is an error. */
public final class EnvInterpolation implements BiFunction<String, Location, String> {

  private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final Map<String, String> env;

  public EnvInterpolation(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public String apply(String text, Location at) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = REF.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = env.get(name);
      if (value == null) {
        throw SpotlightException.definition(
            at.shifted(m.start()), "environment variable '" + name + "' is not set", "export " + name + "=... before running spotlight");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
