package dev.spotlight.cli.render;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** File names made from template ids: only letters, digits, dot, dash and underscore, unique within one folder. */
public final class SafeFileName {

  private final Set<String> used = new HashSet<>();

  /** A safe stem for {@code id}, distinct (ignoring case, as some file systems do) from earlier ones. */
  public String next(String id) {
    String stem = stem(id);
    String candidate = stem;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = stem + "-" + n;
    }
    return candidate;
  }

  /** {@code id} with every run of other characters replaced by one dash, or {@code "section"} if nothing is left. */
  public static String stem(String id) {
    String safe = (id == null ? "" : id).replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    return safe.isEmpty() ? "section" : safe;
  }
}
