package dev.spotlight.connectors.http;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the options live connectors share: a base URL, whole numbers in a range, and the name of a secret's environment variable. */
public final class LiveOptionReader {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private LiveOptionReader() {}

  /** An absolute http(s) URL without query, its trailing slash removed; null (with a problem) when bad. */
  public static URI baseUrl(YamlMap options, String key, String fallback, Problems problems) {
    String text = options.string(key, fallback);
    if (text == null || text.isBlank()) {
      problems.add(options.locationOf(key), key + ": is empty", "the server's base URL, e.g. https://example.org/open311/v2");
      return null;
    }
    text = text.trim().replaceAll("/+$", "");
    try {
      URI uri = new URI(text);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        problems.add(options.locationOf(key), key + ": '" + text + "' is not an http or https URL", "e.g. https://example.org/open311/v2");
        return null;
      }
      if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
        problems.add(options.locationOf(key), key + ": give the base URL without a query or user name",
            "keys and tokens come from the environment variable named in the *_env option");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(options.locationOf(key), key + ": cannot read '" + text + "' as a URL (" + e.getReason() + ")", null);
      return null;
    }
  }

  /** A whole number in [min, max], or {@code fallback} when the key is absent. */
  public static int intInRange(YamlMap options, String key, int fallback, int min, int max, Problems problems) {
    String text = options.string(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(text.trim());
      if (v < min || v > max) {
        problems.add(options.locationOf(key), key + " must be between " + min + " and " + max + ", not " + v, null);
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(options.locationOf(key), key + " must be a whole number, not '" + text + "'", null);
      return fallback;
    }
  }

  /** The name of an environment variable (not its value), or null when the key is absent. */
  public static String envName(YamlMap options, String key, Problems problems) {
    String name = options.string(key, null);
    if (name == null) {
      return null;
    }
    name = name.trim();
    if (!ENV_NAME.matcher(name).matches()) {
      problems.add(options.locationOf(key), key + " names an environment variable, e.g. CITY_OPEN311_KEY; '" + name + "' is not a variable name",
          "put the secret itself in the environment, never in spotlight.yaml");
      return null;
    }
    return name;
  }

  /**
   * Records a problem at the option when {@code key} names a variable that is unset or empty in {@code env}
   * (what {@link #secret} would refuse at pull time); a badly formed name is left to the connector's checks.
   */
  public static void checkSet(YamlMap options, String key, Map<String, String> env, Problems problems) {
    String name = options.string(key, null);
    if (name == null || !ENV_NAME.matcher(name.trim()).matches()) {
      return;
    }
    name = name.trim();
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      problems.add(options.locationOf(key), unsetMessage(key, name), unsetHint(name));
    }
  }

  private static String unsetMessage(String key, String name) {
    return key + ": environment variable '" + name + "' is not set";
  }

  private static String unsetHint(String name) {
    return "export " + name + "=<the key>";
  }

  /** The value of secret variable {@code name}; an unset or empty one is a definition error at {@code at}. */
  public static String secret(Map<String, String> env, String name, String key, Location at) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      throw new SpotlightException(ExitKind.DEFINITION, at, unsetMessage(key, name), unsetHint(name));
    }
    return value;
  }
}
