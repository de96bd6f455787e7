package dev.spotlight.cli.project;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.EnvInterpolation;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlNode;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.common.yaml.YamlSeq;
import dev.spotlight.connectors.Connectors;
import dev.spotlight.connectors.Grantees;
import dev.spotlight.connectors.SourceSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code spotlight.yaml}: {@code ${ENV}} interpolation, paths relative to the file,
 * unknown keys with did-you-mean hints, and each source's options through its connector. Collects
 * every problem before failing, so {@code validate} can list them all.
 */
public final class ProjectLoader {

  private static final Set<String> TOP = Set.of(
      "name", "timezone", "currency", "store", "reports", "privacy", "fx", "areas", "proxies", "grantees", "sources", "metrics", "report");
  private static final Set<String> PRIVACY = Set.of("pseudonym_key_env", "min_cell", "rounding");
  private static final Set<String> GRANTEE = Set.of("id", "name", "org_ids");
  private static final Set<String> SOURCE = Set.of("name", "connector", "grantee", "options", "outcomes");
  private static final Set<String> REPORT = Set.of("template", "metrics");
  private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final Map<String, String> env;
  private final Connectors connectors;

  public ProjectLoader(Map<String, String> env, Connectors connectors) {
    this.env = env;
    this.connectors = connectors;
  }

  public ProjectFile load(Path file) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    ProjectFile project = load(file, problems);
    problems.throwIfAny();
    return project;
  }

  /**
   * Loads what can be loaded, recording every problem in {@code problems} (keys that are wrong get
   * their defaults), so that later stages can still check metric files and the template.
   */
  public ProjectFile load(Path file, Problems problems) {
    if (!Files.isRegularFile(file)) {
      throw SpotlightException.definition(Location.of(file), "project file not found", "run spotlight init, or pass -p path/to/spotlight.yaml");
    }
    Path dir = file.toAbsolutePath().getParent();
    YamlNode root = YamlReader.read(file, new EnvInterpolation(env));
    YamlMap top = YamlMap.asMap(root, "the project file");
    top.checkKeys(TOP, "the project file", problems);

    String name = guard(problems, () -> top.requireString("name", "the project file"), null);
    ZoneId zone = guard(problems, () -> zone(top), ZoneId.of("UTC"));
    String currency = guard(problems, () -> currency(top.optScalar("currency").orElse(null), "GBP"), "GBP");
    Path store = guard(problems, () -> dir.resolve(top.string("store", ".spotlight/store")).normalize(), dir);
    Path reports = guard(problems, () -> dir.resolve(top.string("reports", "reports")).normalize(), dir);
    ProjectFile.Privacy privacy = guard(problems, () -> privacy(top, problems), new ProjectFile.Privacy(null, null, 5, 0));
    Map<String, BigDecimal> fx = guard(problems, () -> fx(top, currency), Map.of());
    Path areas = guard(problems, () -> top.optString("areas").map(dir::resolve).map(Path::normalize).orElse(null), null);
    Path proxies = guard(problems, () -> top.optString("proxies").map(dir::resolve).map(Path::normalize).orElse(null), null);
    List<ProjectFile.Grantee> grantees = guard(problems, () -> grantees(top, problems), List.of());
    List<SourceSpec> sources = guard(problems, () -> sources(top, dir, problems), List.of());
    List<ProjectFile.MetricFileRef> metrics = guard(problems, () -> metricFiles(top, dir), List.of());
    ProjectFile.ReportSettings report = guard(problems, () -> report(top), new ProjectFile.ReportSettings("monthly-impact", null, List.of(), null));
    return new ProjectFile(file, dir, name == null ? "" : name, zone, currency, store, reports, privacy, fx, areas, top.locationOf("areas"), proxies, top.locationOf("proxies"),
        grantees, sources, metrics, report);
  }

  private interface Step<T> {
    T get();
  }

  private static <T> T guard(Problems problems, Step<T> step, T fallback) {
    try {
      return step.get();
    } catch (SpotlightException e) {
      problems.addAll(e);
      return fallback;
    }
  }

  private static ZoneId zone(YamlMap top) {
    String tz = top.string("timezone", "UTC");
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw SpotlightException.definition(top.locationOf("timezone"), "unknown time zone '" + tz + "'", "use an IANA name such as Europe/London");
    }
  }

  private static String currency(YamlScalar s, String fallback) {
    if (s == null) {
      return fallback;
    }
    String c = s.text();
    if (!CURRENCY.matcher(c).matches()) {
      throw SpotlightException.definition(s.location(), "currency must be an ISO 4217 code like GBP, not '" + c + "'", null);
    }
    try {
      Currency.getInstance(c);
    } catch (IllegalArgumentException e) {
      throw SpotlightException.definition(s.location(), "unknown currency '" + c + "'", "use an ISO 4217 code such as GBP, EUR, USD");
    }
    return c;
  }

  private static ProjectFile.Privacy privacy(YamlMap top, Problems problems) {
    YamlMap p = top.optMap("privacy").orElse(null);
    if (p == null) {
      return new ProjectFile.Privacy(null, null, 5, 0);
    }
    p.checkKeys(PRIVACY, "privacy", problems);
    String keyEnv = p.optString("pseudonym_key_env").orElse(null);
    int minCell = (int) p.optScalar("min_cell").map(s -> s.asLong("min_cell")).orElse(5L).longValue();
    int rounding = (int) p.optScalar("rounding").map(s -> s.asLong("rounding")).orElse(0L).longValue();
    if (minCell < 0) {
      problems.add(p.locationOf("min_cell"), "min_cell must be 0 (off) or more", null);
    }
    if (rounding < 0) {
      problems.add(p.locationOf("rounding"), "rounding must be 0 (off) or a positive base such as 5", null);
    }
    return new ProjectFile.Privacy(keyEnv, p.locationOf("pseudonym_key_env"), minCell, rounding);
  }

  private static Map<String, BigDecimal> fx(YamlMap top, String currency) {
    YamlMap m = top.optMap("fx").orElse(null);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    if (m == null) {
      return out;
    }
    for (var e : m.entries().entrySet()) {
      currency(new YamlScalar(m.keyLocation(e.getKey()), e.getKey(), YamlScalar.Kind.STRING), currency);
      YamlScalar v = YamlMap.asScalar(e.getValue(), e.getKey());
      double rate = v.asDouble("the rate for " + e.getKey());
      if (!(rate > 0)) {
        throw SpotlightException.definition(v.location(), "exchange rate must be positive", null);
      }
      out.put(e.getKey(), new BigDecimal(v.text()));
    }
    return out;
  }

  private static List<ProjectFile.Grantee> grantees(YamlMap top, Problems problems) {
    List<ProjectFile.Grantee> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, String> orgOwners = new HashMap<>();
    for (YamlNode n : top.optSeq("grantees").map(YamlSeq::items).orElse(List.of())) {
      YamlMap g = YamlMap.asMap(n, "grantees");
      g.checkKeys(GRANTEE, "a grantee", problems);
      String id = g.requireString("id", "a grantee");
      if (!seen.add(id)) {
        problems.add(g.locationOf("id"), "grantee '" + id + "' is listed twice", null);
      }
      List<String> orgIds = new ArrayList<>();
      for (YamlScalar org : g.stringList("org_ids")) {
        String before = orgOwners.putIfAbsent(Grantees.key(org.text()), id);
        if (org.text().isBlank()) {
          problems.add(org.location(), "grantee '" + id + "' has an empty org_ids entry", null);
        } else if (before != null) {
          problems.add(org.location(), "organisation id '" + org.text().strip() + "' is listed under grantee '" + before + "' and '" + id + "'",
              "an organisation id can mean one grantee only; ids are compared without case");
        } else {
          orgIds.add(org.text().strip());
        }
      }
      out.add(new ProjectFile.Grantee(id, g.optString("name").orElse(null), List.copyOf(orgIds)));
    }
    return out;
  }

  private List<SourceSpec> sources(YamlMap top, Path dir, Problems problems) {
    List<SourceSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode n : top.optSeq("sources").map(YamlSeq::items).orElse(List.of())) {
      try {
        YamlMap s = YamlMap.asMap(n, "sources");
        s.checkKeys(SOURCE, "a source", problems);
        String name = s.requireString("name", "a source");
        if (!SOURCE_NAME.matcher(name).matches()) {
          problems.add(s.locationOf("name"), "source name '" + name + "' must match [a-z0-9][a-z0-9-]*", "use lower-case letters, digits and dashes");
        }
        if (!seen.add(name)) {
          problems.add(s.locationOf("name"), "source '" + name + "' is defined twice", "source names must be unique");
        }
        String connectorId = s.requireString("connector", "source '" + name + "'");
        YamlMap options = s.optMap("options").orElse(new YamlMap(s.location(), Map.of(), Map.of()));
        Map<String, String> outcomes = new LinkedHashMap<>();
        s.optMap("outcomes").ifPresent(m -> m.entries().forEach((k, v) -> outcomes.put(k, YamlMap.scalarText(v, k))));
        SourceSpec spec = new SourceSpec(name, connectorId, s.optString("grantee").orElse(null), options, outcomes, dir, s.location());
        var connector = connectors.get(connectorId, s.locationOf("connector"));
        connector.validate(spec, problems);
        out.add(spec);
      } catch (SpotlightException e) {
        problems.addAll(e);
      }
    }
    return out;
  }

  private static List<ProjectFile.MetricFileRef> metricFiles(YamlMap top, Path dir) {
    List<ProjectFile.MetricFileRef> out = new ArrayList<>();
    for (YamlNode n : top.optSeq("metrics").map(YamlSeq::items).orElse(List.of())) {
      if (n instanceof YamlMap m) {
        m.checkKeys(Set.of("catalog"), "a metrics entry");
        out.add(new ProjectFile.MetricFileRef(m.requireString("catalog", "a metrics entry"), null, m.location()));
      } else {
        YamlScalar s = YamlMap.asScalar(n, "metrics");
        out.add(new ProjectFile.MetricFileRef(null, dir.resolve(s.text()).normalize(), s.location()));
      }
    }
    return out;
  }

  private static ProjectFile.ReportSettings report(YamlMap top) {
    YamlMap r = top.optMap("report").orElse(null);
    if (r == null) {
      return new ProjectFile.ReportSettings("monthly-impact", top.location(), List.of(), top.location());
    }
    r.checkKeys(REPORT, "report");
    List<String> metrics = r.stringList("metrics").stream().map(YamlScalar::text).toList();
    return new ProjectFile.ReportSettings(r.string("template", "monthly-impact"), r.locationOf("template"), metrics, r.locationOf("metrics"));
  }
}
