package dev.spotlight.cli.render;

import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.ResultTable;
import java.util.List;

/**
 * Everything a report renderer reads: definitions, results and provenance. Renderers only read
 * this; they never query data themselves.
 *
 * @param headline every report metric without dimensions for the period
 * @param headlinePrevious the same for the previous period (for "change vs previous period")
 * @param yearAgoPeriod the same period a year earlier, or null when the report has no such comparison
 * @param headlineYearAgo every report metric without dimensions for {@code yearAgoPeriod}, or null
 * @param granteeNames display names of grantees by id (from the project's grantees:), shown instead of ids
 * @param fx the explicit exchange rates the project gives (reporting currency per unit), for the Method sheet
 * @param reportTitle the template's {@code title:}, or null when the template gives none
 */
public record ReportContent(
    String projectName,
    String currency,
    java.util.Map<String, java.math.BigDecimal> fx,
    java.util.Map<String, String> granteeNames,
    int minCell,
    int rounding,
    String engine,
    String toolVersion,
    Period period,
    Period previousPeriod,
    List<MetricInfo> metrics,
    ResultTable headline,
    ResultTable headlinePrevious,
    Period yearAgoPeriod,
    ResultTable headlineYearAgo,
    List<SectionContent> sections,
    DataQuality quality,
    List<InputFile> inputs,
    String reportTitle) {

  /** Content whose template gives no title. */
  public ReportContent(
      String projectName,
      String currency,
      java.util.Map<String, java.math.BigDecimal> fx,
      java.util.Map<String, String> granteeNames,
      int minCell,
      int rounding,
      String engine,
      String toolVersion,
      Period period,
      Period previousPeriod,
      List<MetricInfo> metrics,
      ResultTable headline,
      ResultTable headlinePrevious,
      Period yearAgoPeriod,
      ResultTable headlineYearAgo,
      List<SectionContent> sections,
      DataQuality quality,
      List<InputFile> inputs) {
    this(projectName, currency, fx, granteeNames, minCell, rounding, engine, toolVersion, period, previousPeriod, metrics, headline,
        headlinePrevious, yearAgoPeriod, headlineYearAgo, sections, quality, inputs, null);
  }

  /** Content without a comparison with the same period a year earlier. */
  public ReportContent(
      String projectName,
      String currency,
      java.util.Map<String, java.math.BigDecimal> fx,
      java.util.Map<String, String> granteeNames,
      int minCell,
      int rounding,
      String engine,
      String toolVersion,
      Period period,
      Period previousPeriod,
      List<MetricInfo> metrics,
      ResultTable headline,
      ResultTable headlinePrevious,
      List<SectionContent> sections,
      DataQuality quality,
      List<InputFile> inputs) {
    this(projectName, currency, fx, granteeNames, minCell, rounding, engine, toolVersion, period, previousPeriod, metrics, headline,
        headlinePrevious, null, null, sections, quality, inputs);
  }

  /** The same content under a template's title (null for none). */
  public ReportContent withTitle(String title) {
    return new ReportContent(projectName, currency, fx, granteeNames, minCell, rounding, engine, toolVersion, period, previousPeriod,
        metrics, headline, headlinePrevious, yearAgoPeriod, headlineYearAgo, sections, quality, inputs, title);
  }

  /** How a group value is shown: a grantee's name where the project gives one, else the value itself. */
  public String groupLabel(String dimension, String group) {
    if ("grantee".equals(dimension) && granteeNames != null) {
      return granteeNames.getOrDefault(group, group);
    }
    return group;
  }

  /** What the report says about one metric: display fields plus its definition and generated SQL. */
  public record MetricInfo(
      String id, String label, String description, String unit, String type, String definition, String sql) {

    /** Money metrics are those whose unit is an ISO currency code. */
    public boolean isMoney() {
      return unit != null && unit.matches("[A-Z]{3}");
    }

    public boolean isPercent() {
      return "percent".equals(unit);
    }
  }

  /**
   * One template section: a title, the metrics it shows, and the results split by its dimension.
   *
   * @param dimension the dimension the table and chart are split by (e.g. "grantee", "month")
   * @param chart "line", "bar" or "none"
   * @param note shown under the title (e.g. why the section is empty)
   * @param chartMetricIds the metrics the chart draws (a subset of {@code metricIds}, so a chart stays readable)
   */
  public record SectionContent(
      String id, String title, String dimension, String chart, List<String> metricIds, ResultTable results, String note,
      List<String> chartMetricIds) {

    /** A section whose chart draws every metric of its table. */
    public SectionContent(String id, String title, String dimension, String chart, List<String> metricIds, ResultTable results, String note) {
      this(id, title, dimension, chart, metricIds, results, note, metricIds);
    }

    /** The same section narrowed to the metrics its chart draws. */
    public SectionContent forChart() {
      return new SectionContent(id, title, dimension, chart, chartMetricIds, results, note, chartMetricIds);
    }
  }

  /** Rows read and skipped per source, and what the results left out. */
  public record DataQuality(List<SourceQuality> sources, long suppressedCells, long undefinedCells, List<String> notes) {}

  /** Rows a pull read, kept and skipped for one source, with skip reasons and counts. */
  public record SourceQuality(
      String source, String connector, long rowsRead, long rowsKept, long rowsSkipped, List<String> skipReasons) {}

  /** A file the report depends on, with its checksum. */
  public record InputFile(String path, String sha256, long rows) {}
}
