package dev.spotlight.cli.report;

import dev.spotlight.cli.Version;
import dev.spotlight.cli.pipeline.ComputeStage;
import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.PullRecord;
import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.model.MetricQuery;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.model.Periods;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import dev.spotlight.metrics.sql.MoneyRules;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Computes everything a report shows for a period and gathers it, with provenance, into {@link ReportContent}. */
public final class ReportBuilder {

  private final ProjectContext context;
  private final ReportTemplate template;

  public ReportBuilder(ProjectContext context, ReportTemplate template) {
    this.context = context;
    this.template = template;
  }

  /** The content and every result table it was made from (for metrics.csv/json). */
  public record Built(ReportContent content, List<ResultTable> tables) {}

  public Built build(ComputeStage stage, Period period, List<PullRecord> pulls, List<ReportContent.InputFile> inputs) {
    List<String> ids = context.project().report().metrics().isEmpty() ? context.metrics().ids() : context.project().report().metrics();
    Period previous = Periods.previous(period);
    ResultTable headline = stage.compute(new MetricQuery(ids, List.of(), period));
    ResultTable headlinePrevious = stage.compute(new MetricQuery(ids, List.of(), previous));
    Period yearAgo = Periods.sameLastYear(period);
    ResultTable headlineYearAgo = stage.compute(new MetricQuery(ids, List.of(), yearAgo));
    List<ResultTable> tables = new ArrayList<>(List.of(headline, headlinePrevious, headlineYearAgo));
    List<String> notes = new ArrayList<>();
    List<ReportContent.SectionContent> sections = new ArrayList<>();
    for (ReportTemplate.Section s : template.sections()) {
      List<String> chosen = new ArrayList<>();
      List<String> cannot = new ArrayList<>();
      for (String id : ids) {
        MetricDefinition d = context.metrics().get(id, null);
        if (!MetricKinds.shows(s.show(), d)) {
          continue;
        }
        if (splits(stage, d, s.by(), period)) {
          chosen.add(id);
        } else {
          cannot.add(id);
        }
      }
      if (chosen.isEmpty()) {
        notes.add("Section '" + s.title() + "' is left out: no report metric of the kind it shows (" + String.join(", ", s.show()) + ") can be split by " + s.by() + ".");
        continue;
      }
      Period sectionPeriod = s.months() > 0 ? trailingMonths(period, s.months()) : period;
      ResultTable result = stage.compute(new MetricQuery(chosen, List.of(s.by()), sectionPeriod));
      tables.add(result);
      String note = cannot.isEmpty() ? null : "Not shown here (cannot be split by " + s.by() + "): " + String.join(", ", cannot) + ".";
      List<String> charted = chosen.stream().filter(id -> MetricKinds.shows(s.chartShow(), context.metrics().get(id, null))).toList();
      if (charted.isEmpty()) {
        // A chart of nothing helps no one: draw the table's metrics rather than leave the chart empty.
        charted = chosen;
      }
      sections.add(new ReportContent.SectionContent(s.id(), s.title(), s.by(), s.chart(), chosen, result, note, charted));
    }
    long suppressed = 0;
    long undefined = 0;
    for (ResultTable t : tables) {
      for (ResultRow r : t.rows()) {
        suppressed += r.status() == MetricStatus.SUPPRESSED ? 1 : 0;
        undefined += r.status() == MetricStatus.UNDEFINED ? 1 : 0;
      }
    }
    MoneyRules money = new MoneyRules(context.project().currency(), context.project().fx());
    long[] excluded = MoneyExclusions.count(stage.engine(), money, period);
    if (excluded[0] + excluded[1] > 0) {
      notes.add(excluded[0] + " activity rows and " + excluded[1] + " cost rows in " + period.label() + " carry a currency other than "
          + context.project().currency() + " with no fx rate; their amounts are left out of money metrics.");
    }
    List<ReportContent.SourceQuality> quality = pulls.stream()
        .map(p -> new ReportContent.SourceQuality(p.source(), p.connector(), p.recordsRead(), p.rowsKept(), p.skippedTotal() + p.filtered(),
            reasons(p)))
        .toList();
    for (var src : context.project().sources()) {
      if (pulls.stream().noneMatch(p -> p.source().equals(src.name()))) {
        notes.add("Source '" + src.name() + "' has no pull record in the store (never pulled, or pulled by another version); run spotlight pull.");
      }
    }
    List<ReportContent.MetricInfo> infos = new ArrayList<>();
    for (String id : ids) {
      MetricDefinition d = context.metrics().get(id, null);
      String sql = stage.runner().explain(new MetricQuery(List.of(id), List.of(), period));
      infos.add(new ReportContent.MetricInfo(d.id(), d.label(), d.description(), d.unit(), d.typeName(), d.text(), sql));
    }
    java.util.Map<String, String> names = new java.util.HashMap<>();
    context.project().grantees().forEach(g -> names.put(g.id(), g.name() == null ? g.id() : g.name()));
    ReportContent content = new ReportContent(context.project().name(), context.project().currency(), context.project().fx(), names,
        context.project().privacy().minCell(),
        context.project().privacy().rounding(), stage.engine().version(), Version.current(), period, previous, infos, headline,
        headlinePrevious, yearAgo, headlineYearAgo, sections, new ReportContent.DataQuality(quality, suppressed, undefined, notes), inputs, template.title());
    return new Built(content, tables);
  }

  private static List<String> reasons(PullRecord p) {
    List<String> out = new ArrayList<>();
    p.skipped().forEach((reason, n) -> out.add(n + " skipped: " + reason));
    if (p.filtered() > 0) {
      out.add(p.filtered() + " left out on purpose (values not mapped, otherwise: skip)");
    }
    return out;
  }

  private static boolean splits(ComputeStage stage, MetricDefinition d, String by, Period period) {
    try {
      stage.runner().compile(new dev.spotlight.metrics.plan.QueryPlanner(stage.runner().catalog())
          .plan(new MetricQuery(List.of(d.id()), List.of(by), period)));
      return true;
    } catch (SpotlightException e) {
      if (e.kind() == ExitKind.DEFINITION) {
        return false;
      }
      throw e;
    }
  }

  /** The {@code months} calendar months ending with the month {@code period} ends in. */
  static Period trailingMonths(Period period, int months) {
    YearMonth last = YearMonth.from(period.end());
    YearMonth first = last.minusMonths(months - 1L);
    return new Period(first.atDay(1), last.atEndOfMonth(), first + ".." + last);
  }
}
