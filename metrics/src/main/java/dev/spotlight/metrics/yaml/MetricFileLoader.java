package dev.spotlight.metrics.yaml;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlNode;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.expr.ExprParser;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.Comparison;
import dev.spotlight.metrics.model.IntervalKind;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Parses metric files (SPEC §2) into {@link MetricDefinition}s: shapes, keys per type and
 * expression syntax. Cross-metric checks (names, types, references, cycles) are {@link MetricChecker}'s.
 */
public final class MetricFileLoader {

  /** Metric types of SPEC §2 that this version computes. */
  public static final List<String> TYPES = List.of(
      "count", "count_distinct", "sum", "avg", "min", "max", "median", "percentile", "ratio", "derived", "per_capita", "change", "value");

  /** The suffix of the companion metric every {@code value} metric gets: its gross value. */
  public static final String GROSS_SUFFIX = "_gross";

  private static final Set<String> FILE_KEYS = Set.of("version", "metrics", "tests");
  private static final Set<String> COMMON = Set.of("label", "description", "type", "unit", "tags", "interval");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  private MetricFileLoader() {}

  public static List<MetricDefinition> load(Path file, Problems problems) {
    String text;
    try {
      text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw SpotlightException.definition(Location.of(file), "metric file not found", "check metrics: in spotlight.yaml");
    } catch (IOException e) {
      throw SpotlightException.definition(Location.of(file), "cannot read metric file: " + e.getMessage(), null);
    }
    return parse(file.toString(), text, problems);
  }

  /** Loads a built-in catalogue shipped in this module's resources. */
  public static List<MetricDefinition> loadCatalog(String name, Location at, Problems problems) {
    String resource = "/dev/spotlight/metrics/catalog/" + name + ".yaml";
    try (InputStream in = MetricFileLoader.class.getResourceAsStream(resource)) {
      if (in == null || !name.matches("[a-z0-9-]+")) {
        throw SpotlightException.definition(at, "unknown metric catalogue '" + name + "'", "the built-in catalogue is core");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse("catalog:" + name, text, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<MetricDefinition> parse(String fileName, String text, Problems problems) {
    List<MetricDefinition> out = new ArrayList<>();
    try {
      YamlNode root = YamlReader.parse(fileName, text);
      List<String> lines = text.lines().toList();
      YamlMap top = YamlMap.asMap(root, "a metric file");
      top.checkKeys(FILE_KEYS, "a metric file", problems);
      YamlScalar version = top.optScalar("version").orElse(null);
      if (version == null || !version.text().equals("1")) {
        problems.add(version == null ? top.location() : version.location(), "metric files need 'version: 1'", null);
      }
      YamlMap metrics = top.optMap("metrics").orElse(null);
      if (metrics == null) {
        problems.add(top.location(), "a metric file needs 'metrics:'", null);
        return out;
      }
      for (var e : metrics.entries().entrySet()) {
        try {
          Location at = metrics.keyLocation(e.getKey());
          MetricDefinition d = metric(fileName, e.getKey(), at, YamlMap.asMap(e.getValue(), e.getKey()), problems, slice(lines, at.line()), lines);
          out.add(d);
          if (d.body() instanceof MetricBody.SocialValue v) {
            out.add(grossCompanion(d, v));
          }
        } catch (SpotlightException ex) {
          problems.addAll(ex);
          out.add(new MetricDefinition(e.getKey(), e.getKey(), "", null, new MetricBody.Unloadable(), IntervalKind.NONE, Map.of(), fileName,
              metrics.keyLocation(e.getKey()), ""));
        }
      }
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    return out;
  }

  /** The lines of one metric's definition: from its id to the next line indented no deeper. */
  static String slice(List<String> lines, int firstLine) {
    if (firstLine < 1 || firstLine > lines.size()) {
      return "";
    }
    String first = lines.get(firstLine - 1);
    int indent = first.length() - first.stripLeading().length();
    StringBuilder out = new StringBuilder(first.substring(indent)).append('\n');
    for (int i = firstLine; i < lines.size(); i++) {
      String l = lines.get(i);
      int ind = l.length() - l.stripLeading().length();
      if (!l.isBlank() && ind <= indent) {
        break;
      }
      out.append(l.length() >= indent ? l.substring(Math.min(indent, ind)) : l).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static MetricDefinition metric(
      String fileName, String id, Location idAt, YamlMap m, Problems problems, String text, List<String> lines) {
    if (!ID.matcher(id).matches()) {
      throw SpotlightException.definition(idAt, "metric id '" + id + "' must match [a-z][a-z0-9_]*", "use lower-case letters, digits and underscores");
    }
    String type = m.requireString("type", "metric '" + id + "'");
    if (!TYPES.contains(type)) {
      throw SpotlightException.definition(m.locationOf("type"), "unknown metric type '" + type + "'", DidYouMean.hint(type, TYPES));
    }
    Set<String> allowed = new java.util.HashSet<>(COMMON);
    allowed.addAll(switch (type) {
      case "count" -> Set.of("where", "table");
      case "percentile" -> Set.of("of", "where", "table", "p");
      case "ratio" -> Set.of("numerator", "denominator");
      case "derived" -> Set.of("expr");
      case "per_capita" -> Set.of("of", "per");
      case "change" -> Set.of("of", "compare_to", "as");
      case "value" -> Set.of("outcomes", "proxy");
      default -> Set.of("of", "where", "table");
    });
    for (String key : m.keys()) {
      if (!allowed.contains(key)) {
        String hint = switch (key) {
          case "of" -> type.equals("count") ? "count counts rows; use count_distinct to count distinct values of an expression"
              : DidYouMean.hint(key, allowed);
          case "where" -> switch (type) {
            case "derived" -> "a derived metric has no where of its own; define filtered metrics and use their ids in expr";
            case "per_capita", "change" -> "a " + type + " metric has no where of its own; filter its of with { metric: id, where: ... }";
            case "value" -> "a value metric has no where of its own; filter its outcomes with { metric: id, where: ... }";
            default -> "a ratio has no where of its own; filter its numerator or denominator with { metric: id, where: ... }";
          };
          default -> DidYouMean.hint(key, allowed);
        };
        problems.add(m.keyLocation(key), "'" + key + "' does not apply to a " + type + " metric", hint);
      }
    }
    String label = m.optString("label").orElse(null);
    if (label == null) {
      problems.add(idAt, "metric '" + id + "' needs a label", "label: is shown in reports");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    m.optMap("tags").ifPresent(t -> t.entries().forEach((k, v) -> tags.put(k, YamlMap.scalarText(v, k))));
    IntervalKind interval = interval(m, type);
    MetricBody body = switch (type) {
      case "ratio" -> ratio(m, id, lines);
      case "derived" -> derived(m, id, lines);
      case "per_capita" -> perCapita(m, id, lines);
      case "change" -> change(m, id, lines);
      case "value" -> socialValue(m, id, lines);
      default -> aggregate(m, type, lines);
    };
    return new MetricDefinition(id, label == null ? id : label, m.optString("description").orElse(""), m.optString("unit").orElse(null),
        body, interval, tags, fileName, idAt, text);
  }

  private static IntervalKind interval(YamlMap m, String type) {
    String i = m.optString("interval").orElse(null);
    if (i == null) {
      return IntervalKind.NONE;
    }
    return switch (i) {
      case "wilson" -> {
        if (!type.equals("ratio")) {
          throw SpotlightException.definition(m.locationOf("interval"), "interval: wilson applies to ratio metrics (proportions)", null);
        }
        yield IntervalKind.WILSON;
      }
      case "poisson" -> {
        if (!type.equals("count") && !type.equals("count_distinct")) {
          throw SpotlightException.definition(m.locationOf("interval"), "interval: poisson applies to count and count_distinct metrics",
              "use wilson on a ratio of counts");
        }
        yield IntervalKind.POISSON;
      }
      default -> throw SpotlightException.definition(m.locationOf("interval"), "unknown interval '" + i + "'", "expected wilson or poisson");
    };
  }

  private static MetricBody aggregate(YamlMap m, String type, List<String> lines) {
    AggregateFunction fn = AggregateFunction.valueOf(type.toUpperCase(Locale.ROOT));
    CanonicalTable table = CanonicalTable.ACTIVITY;
    if (m.has("table")) {
      String t = m.optString("table").orElseThrow();
      table = CanonicalTable.byName(t).orElseThrow(() -> SpotlightException.definition(m.locationOf("table"), "unknown table '" + t + "'", "expected activity or costs"));
    }
    Expr of = optionalExpression(m, "of", lines);
    if (fn.needsOf() && of == null) {
      throw SpotlightException.definition(m.location(), "a " + type + " metric needs 'of:'", "the column or expression to aggregate");
    }
    Expr where = optionalExpression(m, "where", lines);
    Double p = null;
    if (fn == AggregateFunction.PERCENTILE) {
      YamlScalar ps = m.optScalar("p").orElseThrow(() -> SpotlightException.definition(m.location(), "a percentile metric needs 'p:'", "a fraction between 0 and 1, e.g. 0.9"));
      p = ps.asDouble("p");
      if (p < 0 || p > 1) {
        throw SpotlightException.definition(ps.location(), "p must be between 0 and 1", "0.9 is the 90th percentile");
      }
    }
    return new MetricBody.Aggregate(fn, table, of, where, p);
  }

  private static MetricBody ratio(YamlMap m, String id, List<String> lines) {
    MetricRef num = ref(m.require("numerator", "ratio metric '" + id + "'"), "numerator", lines);
    MetricRef den = ref(m.require("denominator", "ratio metric '" + id + "'"), "denominator", lines);
    return new MetricBody.Ratio(num, den);
  }

  private static MetricBody derived(YamlMap m, String id, List<String> lines) {
    Expr expr = optionalExpression(m, "expr", lines);
    if (expr == null) {
      throw SpotlightException.definition(m.location(), "derived metric '" + id + "' needs 'expr:'", "arithmetic over other metrics' ids, e.g. (a - b) / a");
    }
    return new MetricBody.Derived(expr);
  }

  private static MetricBody perCapita(YamlMap m, String id, List<String> lines) {
    MetricRef of = ref(m.require("of", "per_capita metric '" + id + "'"), "of", lines);
    double per = 1000;
    YamlScalar ps = m.optScalar("per").orElse(null);
    if (ps != null) {
      per = ps.asDouble("per");
      if (!(per > 0) || Double.isInfinite(per)) {
        throw SpotlightException.definition(ps.location(), "per must be a number above 0", "e.g. per: 1000 for a value per 1,000 residents");
      }
    }
    return new MetricBody.PerCapita(of, per);
  }

  private static MetricBody change(YamlMap m, String id, List<String> lines) {
    String context = "change metric '" + id + "'";
    MetricRef of = ref(m.require("of", context), "of", lines);
    String compareTo = m.requireString("compare_to", context);
    Comparison comparison = Comparison.SAME_PERIOD_LAST_YEAR.yamlName().equals(compareTo) ? Comparison.SAME_PERIOD_LAST_YEAR
        : Comparison.PREVIOUS_PERIOD.yamlName().equals(compareTo) ? Comparison.PREVIOUS_PERIOD : null;
    if (comparison == null) {
      throw SpotlightException.definition(m.locationOf("compare_to"), "unknown compare_to '" + compareTo + "'",
          DidYouMean.hint(compareTo, Comparison.yamlNames()));
    }
    String as = m.requireString("as", context);
    if (!as.equals("absolute") && !as.equals("relative")) {
      throw SpotlightException.definition(m.locationOf("as"), "unknown as '" + as + "'", DidYouMean.hint(as, List.of("absolute", "relative")));
    }
    return new MetricBody.Change(of, comparison, as.equals("relative"));
  }

  private static MetricBody socialValue(YamlMap m, String id, List<String> lines) {
    String context = "value metric '" + id + "'";
    MetricRef outcomes = ref(m.require("outcomes", context), "outcomes", lines);
    String proxy = m.requireString("proxy", context);
    return new MetricBody.SocialValue(outcomes, proxy, m.locationOf("proxy"), false, null);
  }

  /** {@code ID_gross}: the value metric {@code d} before deadweight, attribution and displacement. */
  private static MetricDefinition grossCompanion(MetricDefinition d, MetricBody.SocialValue v) {
    return new MetricDefinition(d.id() + GROSS_SUFFIX, d.label() + " (gross)",
        ("Before deadweight, attribution and displacement. " + d.description()).strip(), d.unit(),
        new MetricBody.SocialValue(v.outcomes(), v.proxy(), v.proxyAt(), true, null), d.interval(), d.tags(), d.file(), d.location(), d.text());
  }

  private static MetricRef ref(YamlNode node, String what, List<String> lines) {
    if (node instanceof YamlScalar s) {
      return new MetricRef(s.text(), null, s.location());
    }
    YamlMap m = YamlMap.asMap(node, what);
    m.checkKeys(Set.of("metric", "where"), "a metric reference");
    String id = m.requireString("metric", "the " + what);
    Expr where = optionalExpression(m, "where", lines);
    return new MetricRef(id, where, m.locationOf("metric"));
  }

  /** The expression under {@code key}, or null when the key is absent; a key with no value is an error, not "no filter". */
  private static Expr optionalExpression(YamlMap m, String key, List<String> lines) {
    YamlNode node = m.entries().get(key);
    return node == null ? null : expression(node, key, lines);
  }

  private static Expr expression(YamlNode node, String field, List<String> lines) {
    YamlScalar s = YamlMap.asScalar(node, field);
    if (s.kind() == YamlScalar.Kind.NULL) {
      throw SpotlightException.definition(s.location(), "'" + field + "' is empty", null);
    }
    IntFunction<Location> locate = locator(lines, s.text(), s.location());
    return locate == null ? ExprParser.parse(s.text(), s.location()) : ExprParser.parse(s.text(), locate);
  }

  /**
   * Where each character of a scalar's value is in the file. Only a plain one-line scalar is
   * written verbatim: YAML drops quotes and escape characters, folds line breaks and strips
   * indentation. The value is walked alongside the file text from the scalar's position, skipping
   * what YAML dropped; a line end stands for the space or newline it became. Null when the walk
   * gets lost (an escape that spells a different character), to count from the scalar's start.
   */
  static IntFunction<Location> locator(List<String> lines, String value, Location start) {
    int n = value.length();
    if (n == 0 || start.line() < 1 || start.column() < 1 || start.line() > lines.size()) {
      return null;
    }
    int[] lineOf = new int[n];
    int[] columnOf = new int[n];
    int l = start.line() - 1;
    int c = start.column() - 1;
    for (int i = 0; i < n; i++) {
      char v = value.charAt(i);
      while (true) {
        if (l >= lines.size()) {
          return null;
        }
        String raw = lines.get(l);
        if (c >= raw.length()) {
          boolean folded = v == ' ' || v == '\n';
          if (folded) {
            lineOf[i] = l;
            columnOf[i] = c;
          }
          l++;
          c = 0;
          if (folded) {
            break;
          }
        } else if (raw.charAt(c++) == v) {
          lineOf[i] = l;
          columnOf[i] = c - 1;
          break;
        }
      }
    }
    String file = start.file();
    return offset -> {
      int i = Math.max(0, Math.min(offset, n - 1));
      return new Location(file, lineOf[i] + 1, columnOf[i] + 1 + Math.max(0, offset - i));
    };
  }
}
