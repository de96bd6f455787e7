package dev.spotlight.cli.pipeline;

import dev.spotlight.cli.gates.Gate;
import dev.spotlight.cli.gates.GateCheck;
import dev.spotlight.cli.gates.GateFacts;
import dev.spotlight.cli.gates.GateResult;
import dev.spotlight.cli.project.ProjectFile;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.report.Manifest;
import dev.spotlight.cli.report.ReportBuilder;
import dev.spotlight.cli.report.ReportOutput;
import dev.spotlight.cli.report.ReportTemplate;
import dev.spotlight.cli.report.ReportWriter;
import dev.spotlight.cli.report.TemplateLoader;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.files.Checksums;
import dev.spotlight.metrics.model.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the report for a period: compute, gather provenance, write the report folder. */
public final class ReportStage {

  private final ProjectContext context;

  public ReportStage(ProjectContext context) {
    this.context = context;
  }

  /** The report written and how the quality gates fared (also recorded in its manifest). */
  public record Result(ReportOutput output, List<GateResult> gates) {}

  /**
   * Writes the report, then judges {@code gates} on its headline results and the store; a failed gate
   * does not stop the report being written.
   *
   * @param pulledNow pulls done in this same run (for the manifest), empty for {@code report}
   * @param timings seconds spent so far by stage (this adds compute and render)
   */
  public Result run(Period period, String engineName, List<PullRecord> pulledNow, Map<String, Double> timings, List<Gate> gates) {
    Instant started = Instant.now(context.app().clock());
    ProjectFile project = context.project();
    ReportTemplate template = TemplateLoader.load(project.report().template(), project.dir(), project.report().templateAt());
    List<PullRecord> pulls = new PullRecords(project.storeLayout()).readAll(project.sources().stream().map(SourceSpec::name).toList());
    List<ReportContent.InputFile> inputs = inputs(template, pulls);
    Map<String, Double> times = new LinkedHashMap<>(timings);
    long t0 = System.nanoTime();
    try (ComputeStage stage = ComputeStage.open(context, engineName)) {
      ReportBuilder.Built built = new ReportBuilder(context, template).build(stage, period, pulls, inputs);
      times.put("compute", (System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      String engineVersion = stage.engine().version();
      GateFacts facts = GateFacts.ofPeriod(gates, context, stage, period, built.content().headline().rows(), "headline cells");
      List<GateResult> judged = GateCheck.run(gates, facts);
      ReportOutput output = ReportWriter.write(project.reports(), built.content(), built.tables(), engineName, files -> {
        times.put("render", (System.nanoTime() - t1) / 1e9);
        return Manifest.of(context, template, period, engineName, engineVersion, pulls, inputs, times, started, files, pulledNow,
            judged);
      });
      return new Result(output, judged);
    }
  }

  private List<ReportContent.InputFile> inputs(ReportTemplate template, List<PullRecord> pulls) {
    ProjectFile project = context.project();
    List<ReportContent.InputFile> out = new ArrayList<>();
    out.add(file(project.file(), 0));
    for (ProjectFile.MetricFileRef ref : project.metrics()) {
      if (ref.file() != null) {
        out.add(file(ref.file(), 0));
      }
    }
    if (project.areas() != null) {
      out.add(file(project.areas(), 0));
    }
    Path templateFile = project.dir().resolve(template.source());
    if (Files.isRegularFile(templateFile)) {
      out.add(file(templateFile, 0));
    }
    for (PullRecord p : pulls) {
      for (PullRecord.Input i : p.inputs()) {
        out.add(new ReportContent.InputFile(i.path(), i.sha256(), i.records()));
      }
    }
    return out;
  }

  private static ReportContent.InputFile file(Path p, long rows) {
    return new ReportContent.InputFile(p.toString(), Checksums.sha256(p), rows);
  }
}
