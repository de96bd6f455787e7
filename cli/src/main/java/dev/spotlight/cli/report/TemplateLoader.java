package dev.spotlight.cli.report;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlNode;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.metrics.plan.TableScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads a report template: a built-in name (from report-templates/) or a YAML file relative to the project. */
public final class TemplateLoader {

  public static final List<String> BUILT_IN = List.of("monthly-impact", "funder-portfolio", "inclusion");
  static final List<String> CHARTS = List.of("line", "bar", "none");
  static final List<String> SHOW = MetricKinds.WORDS;
  private static final Set<String> TOP = Set.of("title", "sections");
  private static final Set<String> SECTION = Set.of("id", "title", "by", "months", "chart", "show", "chart_show");

  private TemplateLoader() {}

  public static ReportTemplate load(String nameOrPath, Path projectDir, Location at) {
    if (BUILT_IN.contains(nameOrPath)) {
      String resource = "/dev/spotlight/cli/templates/" + nameOrPath + ".yaml";
      try (InputStream in = TemplateLoader.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("built-in template missing from the build: " + resource);
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return parse(nameOrPath, "template:" + nameOrPath, YamlReader.parse("template:" + nameOrPath, text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path file = projectDir.resolve(nameOrPath).normalize();
    if (!Files.isRegularFile(file)) {
      throw SpotlightException.definition(at, "unknown template '" + nameOrPath + "'",
          "use a built-in template (" + String.join(", ", BUILT_IN) + ") or a path to a template file");
    }
    return parse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""), file.toString(), YamlReader.read(file));
  }

  static ReportTemplate parse(String name, String source, YamlNode root) {
    Problems problems = new Problems(ExitKind.DEFINITION);
    YamlMap top = YamlMap.asMap(root, "a report template");
    top.checkKeys(TOP, "a report template", problems);
    String title = top.optString("title").filter(t -> !t.isBlank()).orElse(null);
    List<ReportTemplate.Section> sections = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode n : top.optSeq("sections").map(s -> s.items()).orElse(List.of())) {
      try {
        YamlMap s = YamlMap.asMap(n, "sections");
        s.checkKeys(SECTION, "a template section", problems);
        String id = s.requireString("id", "a template section");
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
          problems.add(s.locationOf("id"), "section id '" + id + "' must match [a-z0-9][a-z0-9_-]*", null);
        }
        if (!ids.add(id)) {
          problems.add(s.locationOf("id"), "section '" + id + "' appears twice", null);
        }
        String by = s.requireString("by", "section '" + id + "'");
        if (!TableScope.DIMENSIONS.contains(by) && !by.startsWith("attributes.")) {
          problems.add(s.locationOf("by"), "unknown dimension '" + by + "'", DidYouMean.hint(by, TableScope.DIMENSIONS));
        }
        int months = (int) s.optScalar("months").map(m -> m.asLong("months")).orElse(0L).longValue();
        if (months < 0 || months > 120) {
          problems.add(s.locationOf("months"), "months must be between 0 and 120", null);
        }
        if (months > 0 && !by.equals("month")) {
          problems.add(s.locationOf("months"), "months: applies only to sections by month", null);
        }
        String chart = oneOf(s, "chart", "none", CHARTS, problems);
        List<String> show = words(s, "show", List.of("all"), problems);
        List<String> chartShow = words(s, "chart_show", show, problems);
        sections.add(new ReportTemplate.Section(id, s.string("title", id), by, months, chart, show, chartShow));
      } catch (SpotlightException e) {
        problems.addAll(e);
      }
    }
    if (sections.isEmpty() && problems.isEmpty()) {
      problems.add(top.location(), "a report template needs at least one section", null);
    }
    problems.throwIfAny();
    return new ReportTemplate(name, title, source, sections);
  }

  /** One word of {@link #SHOW} or a list of them; an empty list is an error. */
  private static List<String> words(YamlMap s, String key, List<String> fallback, Problems problems) {
    if (!s.has(key)) {
      return fallback;
    }
    List<YamlScalar> given = s.stringList(key);
    if (given.isEmpty()) {
      problems.add(s.locationOf(key), key + " needs at least one of: " + String.join(", ", SHOW), null);
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (YamlScalar v : given) {
      if (!SHOW.contains(v.text())) {
        problems.add(v.location(), "unknown " + key + " '" + v.text() + "'", DidYouMean.hint(v.text(), SHOW));
      } else if (!out.contains(v.text())) {
        out.add(v.text());
      }
    }
    return out.isEmpty() ? fallback : out;
  }

  private static String oneOf(YamlMap s, String key, String fallback, List<String> allowed, Problems problems) {
    YamlScalar v = s.optScalar(key).orElse(null);
    if (v == null) {
      return fallback;
    }
    if (!allowed.contains(v.text())) {
      problems.add(v.location(), "unknown " + key + " '" + v.text() + "'", DidYouMean.hint(v.text(), allowed));
      return fallback;
    }
    return v.text();
  }
}
