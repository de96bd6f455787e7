package dev.spotlight.connectors.open311;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.connectors.http.LiveOptionReader;
import java.net.URI;
import java.util.List;

/**
 * The live-endpoint options of an {@code open311} source: the GeoReport v2 base URL, the jurisdiction,
 * the environment variable holding the API key, the server's page maximum and the request window.
 */
record Open311LiveOptions(URI url, String jurisdictionId, String apiKeyEnv, Location apiKeyEnvAt, int pageMax, int windowDays,
    int revisitMonths) {

  static final List<String> KEYS = List.of("url", "jurisdiction_id", "api_key_env", "page_max", "window_days", "revisit_months");

  /**
   * Months before the period a live pull asks for again. Servers select requests by the day they
   * were made, so a request's later closure is only seen by asking for its month again; most
   * street reports are closed within two months.
   */
  static final int DEFAULT_REVISIT_MONTHS = 2;
  static final int MAX_REVISIT_MONTHS = 24;

  /** GeoReport v2: at most 90 days per request, and 1,000 requests per answer unless the server says otherwise. */
  static final int MAX_WINDOW_DAYS = 90;
  static final int DEFAULT_PAGE_MAX = 1000;

  /** Parses the live options when {@code url} is given; returns null when any problem was found. */
  static Open311LiveOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    URI url = LiveOptionReader.baseUrl(options, "url", null, problems);
    String jurisdiction = options.optString("jurisdiction_id").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    String keyEnv = LiveOptionReader.envName(options, "api_key_env", problems);
    int pageMax = LiveOptionReader.intInRange(options, "page_max", DEFAULT_PAGE_MAX, 1, 1_000_000, problems);
    int windowDays = LiveOptionReader.intInRange(options, "window_days", MAX_WINDOW_DAYS, 1, MAX_WINDOW_DAYS, problems);
    int revisit = LiveOptionReader.intInRange(options, "revisit_months", DEFAULT_REVISIT_MONTHS, 0, MAX_REVISIT_MONTHS, problems);
    if (problems.list().size() > before) {
      return null;
    }
    return new Open311LiveOptions(url, jurisdiction, keyEnv, options.locationOf("api_key_env"), pageMax, windowDays, revisit);
  }
}
