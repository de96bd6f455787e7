package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.DisplayValue;
import dev.spotlight.cli.render.MetricLookup;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.ReportContent.SectionContent;
import dev.spotlight.cli.render.SectionTable;
import dev.spotlight.cli.render.StatusMarks;
import dev.spotlight.metrics.result.ResultRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;

/** A template section's sheet: title, note, and one row per value of its dimension with one column per metric. */
final class SectionSheet {

  /** Rows a table needs besides its data rows: the header, a gap and the footnote. */
  private static final int TABLE_OVERHEAD = 3;

  /** Above this many groups a chart is unreadable; the table alone is clearer. */
  static final int MAX_CHART_GROUPS = 60;

  /** A table with more value columns than this gets its chart below it instead of beside it. */
  static final int MAX_COLUMNS_BESIDE = 6;

  private enum Part {
    VALUE,
    LOW,
    HIGH
  }

  private record Column(String header, MetricInfo metric, Part part) {}

  private final SectionContent section;
  private final MetricLookup metrics;
  private final StatusMarks marks;
  private final CsvSpill spill;
  private final int maxRows;
  private final java.util.function.BinaryOperator<String> labels;

  /** @param maxRows the rows a worksheet holds; a longer table goes to a CSV file through {@code spill} */
  SectionSheet(SectionContent section, MetricLookup metrics, StatusMarks marks, CsvSpill spill, int maxRows,
      java.util.function.BinaryOperator<String> labels) {
    this.labels = labels;
    this.section = section;
    this.metrics = metrics;
    this.marks = marks;
    this.spill = spill;
    this.maxRows = maxRows;
  }

  void write(SheetWriter out) {
    out.line(section.title(), out.styles().title());
    boolean hasNote = section.note() != null && !section.note().isBlank();
    if (hasNote) {
      out.line(section.note(), out.styles().note());
    }
    SectionTable table = SectionTable.of(section);
    if (table.isEmpty()) {
      if (!hasNote) {
        out.line("No results for this period.", out.styles().note());
      }
      out.finish();
      return;
    }
    out.gap();
    ValueCells values = new ValueCells(out, marks);
    List<Column> columns = columns(table);
    List<String> header = new ArrayList<>();
    header.add(dimensionHeader());
    columns.forEach(c -> header.add(c.header()));

    int groups = table.groups().size();
    if ((long) out.nextRow() + groups + TABLE_OVERHEAD > maxRows) {
      Path file = spill.write(section.id(), header, () -> table.groups().stream().map(g -> csvRow(table, columns, values, g)).iterator());
      out.line(
          String.format(
              Locale.ROOT,
              "This table has %,d rows, more than a worksheet holds, so it is in %s beside this workbook.",
              groups,
              file.getFileName()),
          out.styles().text());
      values.footnote();
      out.finish();
      return;
    }

    int headerRow = out.nextRow();
    out.header(header, 1);
    out.freezeAbove(headerRow + 1);
    out.printTitles(headerRow);
    for (String group : table.groups()) {
      Row row = out.row();
      out.text(row, 0, labels.apply(section.dimension(), group), out.styles().text());
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        ResultRow result = table.cell(group, column.metric().id());
        switch (column.part()) {
          case VALUE -> values.value(row, i + 1, column.metric(), result);
          case LOW -> values.bound(row, i + 1, column.metric(), result, result == null ? null : result.low());
          case HIGH -> values.bound(row, i + 1, column.metric(), result, result == null ? null : result.high());
        }
      }
    }
    out.filter(headerRow, out.nextRow() - 1, columns.size());
    NativeChart chart = chart(table, columns, headerRow);
    if (chart != null && columns.size() <= MAX_COLUMNS_BESIDE) {
      chart.draw(out.sheet(), columns.size() + 2, headerRow);
      // The footnote goes under the chart too, so its long line does not run beneath the chart.
      out.skipTo(headerRow + NativeChart.HEIGHT_ROWS);
    }
    out.gap();
    values.footnote();
    if (chart != null && columns.size() > MAX_COLUMNS_BESIDE) {
      // Beside a wide table the chart would sit off screen and shrink the printed page; put it under the table.
      out.gap();
      chart.draw(out.sheet(), 0, out.nextRow());
    }
    out.finish();
  }

  /** A native chart of the section's charted metrics, when the template asks for one; null for none. */
  private NativeChart chart(SectionTable table, List<Column> columns, int headerRow) {
    if (section.chart() == null || "none".equals(section.chart()) || table.groups().size() > MAX_CHART_GROUPS) {
      return null;
    }
    List<String> labels = table.groups().stream().map(g -> this.labels.apply(section.dimension(), g)).toList();
    List<String> units = new ArrayList<>();
    NativeChart chart = new NativeChart(section.chart(), section.title(), headerRow + 1, 0, labels);
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      if (column.part() != Part.VALUE || !section.chartMetricIds().contains(column.metric().id())) {
        continue;
      }
      Double[] values = table.groups().stream().map(g -> DisplayValue.of(table.cell(g, column.metric().id()))).toArray(Double[]::new);
      chart.add(new NativeChart.Series(column.header(), i + 1, values));
      if (!units.contains(String.valueOf(column.metric().unit()))) {
        units.add(String.valueOf(column.metric().unit()));
      }
    }
    if (units.isEmpty()) {
      return null;
    }
    if (units.size() == 1 && !"null".equals(units.get(0))) {
      chart.valueAxisTitle(unitTitle(units.get(0)));
      MetricInfo first = columns.stream().filter(c -> section.chartMetricIds().contains(c.metric().id())).findFirst().orElseThrow().metric();
      chart.valueFormat(NumberFormats.axis(first));
    }
    return chart;
  }

  private static String unitTitle(String unit) {
    if (unit.matches("[A-Z]{3}")) {
      return unit;
    }
    return "percent".equals(unit) ? "%" : unit;
  }

  private List<Column> columns(SectionTable table) {
    List<Column> columns = new ArrayList<>();
    for (String id : table.metricIds()) {
      MetricInfo metric = metrics.get(id);
      columns.add(new Column(metric.label(), metric, Part.VALUE));
      if (table.hasBounds(id)) {
        columns.add(new Column(metric.label() + " low", metric, Part.LOW));
        columns.add(new Column(metric.label() + " high", metric, Part.HIGH));
      }
    }
    return columns;
  }

  private String dimensionHeader() {
    String dimension = section.dimension() == null || section.dimension().isBlank() ? "Group" : section.dimension();
    dimension = dimension.replaceFirst("^attributes\\.", "").replace('_', ' ');
    return dimension.substring(0, 1).toUpperCase(Locale.ROOT) + dimension.substring(1);
  }

  /** The CSV record for one group: what the sheet would show, with numbers at full precision. */
  private static List<String> csvRow(SectionTable table, List<Column> columns, ValueCells values, String group) {
    List<String> fields = new ArrayList<>(columns.size() + 1);
    fields.add(group);
    for (Column column : columns) {
      ResultRow result = table.cell(group, column.metric().id());
      Double shown = DisplayValue.of(result);
      Double number =
          switch (column.part()) {
            case VALUE -> shown;
            case LOW -> shown == null ? null : result.low();
            case HIGH -> shown == null ? null : result.high();
          };
      if (number != null && Double.isFinite(number)) {
        fields.add(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
      } else if (column.part() == Part.VALUE && result != null) {
        fields.add(values.markOf(result));
      } else {
        fields.add("");
      }
    }
    return fields;
  }
}
