package dev.spotlight.common.yaml;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with string keys, in written order, with typed accessors that fail with locations. */
public record YamlMap(Location location, Map<String, YamlNode> entries, Map<String, Location> keyLocations)
    implements YamlNode {

  public YamlMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
  }

  @Override
  public String shape() {
    return "a mapping";
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    YamlNode n = entries.get(key);
    return n != null && !(n instanceof YamlScalar s && s.isNull());
  }

  public Optional<YamlNode> get(String key) {
    YamlNode n = entries.get(key);
    if (n == null || (n instanceof YamlScalar s && s.isNull())) {
      return Optional.empty();
    }
    return Optional.of(n);
  }

  public Location keyLocation(String key) {
    return keyLocations.getOrDefault(key, location);
  }

  /** Where the value of {@code key} is, or where the mapping is when the key is absent. */
  public Location locationOf(String key) {
    return get(key).map(YamlNode::location).orElse(location);
  }

  /** Records one problem per key not in {@code allowed}, each with a did-you-mean hint. */
  public void checkKeys(Collection<String> allowed, String context, Problems problems) {
    for (String key : entries.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(keyLocation(key), "unknown key '" + key + "' in " + context, DidYouMean.hint(key, allowed));
      }
    }
  }

  /** Like {@link #checkKeys(Collection, String, Problems)} but fails at the first unknown key. */
  public void checkKeys(Collection<String> allowed, String context) {
    Problems p = new Problems(dev.spotlight.common.error.ExitKind.DEFINITION);
    checkKeys(allowed, context, p);
    p.throwIfAny();
  }

  public YamlNode require(String key, String context) {
    return get(key)
        .orElseThrow(() -> SpotlightException.definition(location, "missing required key '" + key + "' in " + context, null));
  }

  public String requireString(String key, String context) {
    return scalarText(require(key, context), key);
  }

  public Optional<String> optString(String key) {
    return get(key).map(n -> scalarText(n, key));
  }

  public String string(String key, String fallback) {
    return optString(key).orElse(fallback);
  }

  public Optional<YamlScalar> optScalar(String key) {
    return get(key).map(n -> asScalar(n, key));
  }

  public Optional<YamlMap> optMap(String key) {
    return get(key).map(n -> asMap(n, key));
  }

  public Optional<YamlSeq> optSeq(String key) {
    return get(key).map(n -> asSeq(n, key));
  }

  /** A list of strings, accepting a single scalar as a one-element list. */
  public List<YamlScalar> stringList(String key) {
    Optional<YamlNode> node = get(key);
    if (node.isEmpty()) {
      return List.of();
    }
    List<YamlScalar> out = new ArrayList<>();
    if (node.get() instanceof YamlSeq seq) {
      for (YamlNode item : seq.items()) {
        out.add(asScalar(item, key));
      }
    } else {
      out.add(asScalar(node.get(), key));
    }
    return out;
  }

  public static YamlScalar asScalar(YamlNode n, String what) {
    if (n instanceof YamlScalar s) {
      return s;
    }
    throw SpotlightException.definition(n.location(), "'" + what + "' must be a single value, not " + n.shape(), null);
  }

  public static String scalarText(YamlNode n, String what) {
    return asScalar(n, what).text();
  }

  public static YamlMap asMap(YamlNode n, String what) {
    if (n instanceof YamlMap m) {
      return m;
    }
    throw SpotlightException.definition(n.location(), "'" + what + "' must be a mapping (key: value), not " + n.shape(), null);
  }

  public static YamlSeq asSeq(YamlNode n, String what) {
    if (n instanceof YamlSeq s) {
      return s;
    }
    throw SpotlightException.definition(n.location(), "'" + what + "' must be a list, not " + n.shape(), null);
  }
}
