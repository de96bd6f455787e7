package dev.spotlight.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spotlight.cli.Version;
import dev.spotlight.cli.gates.GateResult;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.PullRecord;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.Period;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run manifest (SPEC §5): inputs with SHA-256, row counts, definitions hash, engine, versions, timings. */
public final class Manifest {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

  private Manifest() {}

  public static Map<String, Object> of(ProjectContext context, ReportTemplate template, Period period, String engine, String engineVersion,
      List<PullRecord> pulls, List<ReportContent.InputFile> inputs, Map<String, Double> timings, Instant started, List<Path> outputs,
      List<PullRecord> pulledNow, List<GateResult> gates) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", "spotlight");
    m.put("version", Version.current());
    m.put("project", context.project().name());
    m.put("project_file", context.project().file().toAbsolutePath().normalize().toString());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("start", period.start().toString());
    p.put("end", period.end().toString());
    p.put("label", period.label());
    m.put("period", p);
    m.put("timezone", context.project().timezone().getId());
    m.put("currency", context.project().currency());
    m.put("engine", engine);
    m.put("engine_version", engineVersion);
    m.put("java", System.getProperty("java.version"));
    m.put("template", template.name());
    m.put("definitions_sha256", definitionsHash(context, template));
    m.put("started_at", started.toString());
    m.put("finished_at", Instant.now(context.app().clock()).toString());
    m.put("timings_seconds", timings);
    m.put("inputs", inputs);
    m.put("sources", pulls);
    m.put("pulled_in_this_run", pulledNow.stream().map(PullRecord::source).toList());
    m.put("privacy", Map.of("min_cell", context.project().privacy().minCell(), "rounding", context.project().privacy().rounding()));
    m.put("quality_gates", gates.stream().map(Manifest::gate).toList());
    m.put("outputs", outputs.stream().map(Path::toString).toList());
    return m;
  }

  /** A gate as {@code --fail-on} gave it, whether it passed, and what was wrong when it did not. */
  private static Map<String, Object> gate(GateResult g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("gate", g.gate());
    m.put("result", g.passed() ? "passed" : "failed");
    m.put("detail", g.detail());
    return m;
  }

  /** A hash of every metric definition and the template, so two reports can be compared for method changes. */
  static String definitionsHash(ProjectContext context, ReportTemplate template) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (MetricDefinition d : context.metrics().all()) {
        md.update((d.id() + "\n" + d.text() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      md.update(template.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
