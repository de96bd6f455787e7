package dev.spotlight.metrics.proxy;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlNode;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.common.yaml.YamlSeq;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a proxies file ({@code proxies:} in spotlight.yaml): a list of financial proxies, each
 * checked field by field, and its currency checked against the project's: another currency needs
 * an explicit {@code fx} rate, values are never converted silently.
 */
public final class ProxyFileLoader {

  private static final Set<String> FILE_KEYS = Set.of("version", "proxies");
  private static final Set<String> KEYS = Set.of("outcome", "value", "currency", "per", "base_year", "years", "deadweight",
      "attribution", "displacement", "drop_off", "discount_rate", "source", "licence");
  private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z0-9_.-]*");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final String currency;
  private final Map<String, BigDecimal> fx;

  /**
   * @param currency the project's reporting currency
   * @param fx the project's exchange rates: project currency per unit of each other currency
   */
  public ProxyFileLoader(String currency, Map<String, BigDecimal> fx) {
    this.currency = currency;
    this.fx = Map.copyOf(fx);
  }

  /** Loads {@code file}, named at {@code at} in the project file; every problem goes to {@code problems}. */
  public ProxyCatalog load(Path file, Location at, Problems problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add(at, "proxies file not found: " + file, "check proxies: in spotlight.yaml");
      return new ProxyCatalog(file.toString(), List.of());
    } catch (IOException e) {
      problems.add(at, "cannot read proxies file " + file + ": " + e.getMessage(), null);
      return new ProxyCatalog(file.toString(), List.of());
    }
    return parse(file.toString(), text, problems);
  }

  ProxyCatalog parse(String fileName, String text, Problems problems) {
    List<Proxy> out = new ArrayList<>();
    Set<String> broken = new HashSet<>();
    try {
      YamlMap top = YamlMap.asMap(YamlReader.parse(fileName, text), "a proxies file");
      top.checkKeys(FILE_KEYS, "a proxies file", problems);
      YamlScalar version = top.optScalar("version").orElse(null);
      if (version == null || !version.text().equals("1")) {
        problems.add(version == null ? top.location() : version.location(), "proxies files need 'version: 1'", null);
      }
      YamlSeq list = top.optSeq("proxies").orElse(null);
      if (list == null) {
        problems.add(top.location(), "a proxies file needs 'proxies:'", "a list of proxies, each with outcome, value, currency and source");
        return new ProxyCatalog(fileName, out);
      }
      Map<String, Location> seen = new HashMap<>();
      for (YamlNode item : list.items()) {
        if (item instanceof YamlMap m && m.get("outcome").orElse(null) instanceof YamlScalar o) {
          broken.add(o.text());
        }
        try {
          Proxy p = proxy(YamlMap.asMap(item, "a proxy"), problems);
          Location first = seen.putIfAbsent(p.outcome(), p.location());
          if (first != null) {
            problems.add(p.location(), "outcome '" + p.outcome() + "' already has a proxy at " + first.render(), "one proxy per outcome");
          } else {
            out.add(p);
            broken.remove(p.outcome());
          }
        } catch (SpotlightException e) {
          problems.addAll(e);
        }
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    return new ProxyCatalog(fileName, out, broken);
  }

  private Proxy proxy(YamlMap m, Problems problems) {
    m.checkKeys(KEYS, "a proxy", problems);
    String outcome = m.requireString("outcome", "a proxy");
    if (!OUTCOME.matcher(outcome).matches()) {
      throw SpotlightException.definition(m.locationOf("outcome"), "outcome '" + outcome + "' must be an outcome key such as item_reuse",
          "lower-case letters, digits, _ . -");
    }
    String context = "proxy '" + outcome + "'";
    YamlScalar valueAt = YamlMap.asScalar(m.require("value", context), "value");
    double value = valueAt.asDouble("value");
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw SpotlightException.definition(valueAt.location(), "value must be a number of at least 0",
          "value a disbenefit with its own value metric and subtract it in a derived metric");
    }
    String cur = m.requireString("currency", context);
    if (!CURRENCY.matcher(cur).matches()) {
      throw SpotlightException.definition(m.locationOf("currency"), "currency '" + cur + "' is not an ISO 4217 code", "e.g. GBP, EUR, USD");
    }
    double rate = 1;
    if (!cur.equals(currency)) {
      BigDecimal r = fx.get(cur);
      if (r == null) {
        throw SpotlightException.definition(m.locationOf("currency"), context + " is in " + cur + " but the project reports in " + currency
            + " and fx: has no " + cur + " rate", "add fx: { " + cur + ": RATE } to spotlight.yaml (" + currency + " per " + cur
            + "); values are never converted silently");
      }
      rate = r.doubleValue();
    }
    Integer baseYear = null;
    if (m.has("base_year")) {
      YamlScalar by = YamlMap.asScalar(m.require("base_year", context), "base_year");
      long y = by.asLong("base_year");
      if (y < 1900 || y > 2200) {
        throw SpotlightException.definition(by.location(), "base_year must be a year such as 2024", null);
      }
      baseYear = (int) y;
    }
    int years = 1;
    if (m.has("years")) {
      YamlScalar ys = YamlMap.asScalar(m.require("years", context), "years");
      long y = ys.asLong("years");
      if (y < 1 || y > 100) {
        throw SpotlightException.definition(ys.location(), "years must be a whole number from 1 to 100", "1 for a value that lasts one year");
      }
      years = (int) y;
    }
    String source = m.requireString("source", context);
    return new Proxy(outcome, value, cur, rate, m.optString("per").orElse(null), baseYear, years,
        fraction(m, "deadweight"), fraction(m, "attribution"), fraction(m, "displacement"), fraction(m, "drop_off"),
        fraction(m, "discount_rate"), source, m.optString("licence").orElse(null), m.locationOf("outcome"));
  }

  /** A fraction from 0 to 1 under {@code key}; 0 when absent. */
  private static double fraction(YamlMap m, String key) {
    if (!m.has(key)) {
      return 0;
    }
    YamlScalar s = YamlMap.asScalar(m.require(key, key), key);
    double f = s.asDouble(key);
    if (!(f >= 0 && f <= 1)) {
      throw SpotlightException.definition(s.location(), key + " must be a fraction from 0 to 1, not " + s.text(),
          "write 25% as 0.25");
    }
    return f;
  }
}
