package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.ReportContent;
import dev.spotlight.cli.render.ReportContent.InputFile;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/** The Method sheet: how every number was made — definitions and SQL, inputs with checksums, disclosure control, tool and engine. */
final class MethodSheet {

  static final List<String> METRIC_HEADER = List.of("Id", "Label", "Type", "Unit", "Description", "Definition", "SQL");
  static final List<String> INPUT_HEADER = List.of("File", "SHA-256", "Rows");

  private final ReportContent content;

  MethodSheet(ReportContent content) {
    this.content = content;
  }

  void write(SheetWriter out) {
    CellStyles styles = out.styles();
    out.line("Method", styles.title());
    field(out, "Tool version", content.toolVersion());
    field(out, "Engine", content.engine());
    field(out, "Period", content.period().label() + " (" + content.period().start() + " to " + content.period().end() + ")");
    out.gap();

    out.line("Disclosure control", styles.heading());
    disclosureRules(content.minCell(), content.rounding()).forEach(rule -> out.line(rule, styles.text()));
    out.gap();

    out.line("Money", styles.heading());
    moneyRules(content.currency(), content.fx()).forEach(rule -> out.line(rule, styles.text()));
    out.gap();

    out.line("Metrics", styles.heading());
    int headerRow = out.nextRow();
    out.header(METRIC_HEADER);
    for (MetricInfo metric : content.metrics()) {
      Row row = out.row();
      out.text(row, 0, metric.id(), styles.text());
      out.text(row, 1, metric.label(), styles.text());
      out.text(row, 2, metric.type(), styles.text());
      out.text(row, 3, metric.unit(), styles.text());
      out.text(row, 4, metric.description(), styles.wrapped());
      out.text(row, 5, strip(metric.definition()), styles.wrapped());
      out.text(row, 6, strip(metric.sql()), styles.wrapped());
    }
    out.filter(headerRow, out.nextRow() - 1, METRIC_HEADER.size() - 1);
    out.gap();

    out.line("Inputs", styles.heading());
    out.header(INPUT_HEADER);
    for (InputFile input : content.inputs()) {
      Row row = out.row();
      out.text(row, 0, input.path(), styles.text());
      out.text(row, 1, input.sha256(), styles.text());
      out.number(row, 2, input.rows(), styles.number(NumberFormats.WHOLE));
    }
    out.finish();
  }

  /** The disclosure-control rules in force, one sentence per line, as the Method sheet states them. */
  /** How amounts in other currencies were treated: converted at the project's explicit rates, or left out. */
  static List<String> moneyRules(String currency, java.util.Map<String, java.math.BigDecimal> fx) {
    List<String> rules = new java.util.ArrayList<>();
    rules.add("Money is reported in " + currency + ". An amount with no currency is taken to be in " + currency + ".");
    new java.util.TreeMap<>(fx).forEach((code, rate) ->
        rules.add("Amounts in " + code + " are converted at " + rate.toPlainString() + " " + currency + " per " + code + " (rate from the project file)."));
    rules.add("Amounts in any other currency are left out of money metrics and counted on the Data quality sheet; nothing is converted silently.");
    return rules;
  }

  static List<String> disclosureRules(int minCell, int rounding) {
    List<String> rules = new ArrayList<>();
    if (minCell > 1) {
      rules.add(
          "Counts from 1 to " + (minCell - 1) + " are shown as <" + minCell
              + ", and so is any ratio, change or other value built from such a count (including the previous"
              + " period's count in a change). Zero is shown as 0.");
      rules.add(
          "Suppression is primary only: a total shown beside suppressed cells can reveal one of them by subtraction.");
    } else {
      rules.add("No small-number suppression is applied: every count is shown.");
    }
    if (rounding > 0) {
      rules.add("Counts are rounded to the nearest multiple of " + rounding + ".");
    }
    rules.add("Sums, averages, minimums, maximums, medians and percentiles are never suppressed.");
    rules.add("A value is undefined (–) when it has no defined result: a zero denominator, a relative change from zero, a median of no values.");
    return rules;
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }

  private static void field(SheetWriter out, String label, String value) {
    Row row = out.row();
    out.text(row, 0, label, out.styles().heading());
    out.text(row, 1, value, out.styles().text());
  }
}
