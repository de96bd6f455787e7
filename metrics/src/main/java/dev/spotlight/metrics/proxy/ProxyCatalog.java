package dev.spotlight.metrics.proxy;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The project's proxies file: a proxy per outcome key, values already checked against the project's currency. */
public final class ProxyCatalog {

  private final String file;
  private final Map<String, Proxy> byOutcome;
  private final Set<String> broken;

  /**
   * @param file the proxies file as the project names it, or null when the project names none
   */
  public ProxyCatalog(String file, List<Proxy> proxies) {
    this(file, proxies, Set.of());
  }

  /**
   * @param broken outcomes whose proxy is in the file but has errors (already reported): asking
   *     for one is not reported again
   */
  public ProxyCatalog(String file, List<Proxy> proxies, Set<String> broken) {
    this.file = file;
    this.broken = Set.copyOf(broken);
    Map<String, Proxy> m = new LinkedHashMap<>();
    proxies.forEach(p -> m.put(p.outcome(), p));
    this.byOutcome = m;
  }

  /** No proxies file: every {@code value} metric is an error. */
  public static ProxyCatalog none() {
    return new ProxyCatalog(null, List.of());
  }

  public List<Proxy> all() {
    return List.copyOf(byOutcome.values());
  }

  /**
   * The proxy for {@code outcome}; null when its entry in the file has errors (reported when the
   * file was loaded). Unknown is a definition error at {@code at} with a hint.
   */
  public Proxy get(String outcome, Location at) {
    Proxy p = byOutcome.get(outcome);
    if (p != null || broken.contains(outcome)) {
      return p;
    }
    if (file == null) {
      throw SpotlightException.definition(at, "unknown proxy '" + outcome + "': the project names no proxies file",
          "add proxies: reference/proxies.yaml to spotlight.yaml");
    }
    throw SpotlightException.definition(at, "unknown proxy '" + outcome + "'",
        byOutcome.isEmpty() ? file + " lists no proxies" : DidYouMean.hint(outcome, byOutcome.keySet()));
  }
}
