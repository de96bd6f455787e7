package dev.spotlight.connectors.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of messages, logs and the manifest: the values of query parameters that look like
 * keys or tokens, user info in URLs, and every secret value the connector registered (e.g. the content
 * of {@code api_key_env}) wherever it appears, become {@code REDACTED}.
 */
public final class Redaction {

  public static final String MARK = "REDACTED";

  private static final Pattern SECRET_PARAM = Pattern.compile(
      "([?&](?:[^=&#]*(?:key|token|secret|password|passwd|auth|signature|sig)[^=&#]*)=)([^&#]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO = Pattern.compile("(://)[^/@?#]+@");

  private final List<String> secrets;

  public Redaction(List<String> secrets) {
    List<String> s = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        s.add(secret);
      }
    }
    this.secrets = List.copyOf(s);
  }

  public static Redaction none() {
    return new Redaction(List.of());
  }

  public String uri(URI uri) {
    return text(uri.toString());
  }

  /** {@code text} with secret parameter values, user info and registered secrets replaced. */
  public String text(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MARK);
      String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
      out = out.replace(encoded, MARK);
    }
    out = USER_INFO.matcher(out).replaceAll("$1" + MARK + "@");
    Matcher m = SECRET_PARAM.matcher(out);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + (r.group(2).isEmpty() ? "" : MARK)));
  }
}
