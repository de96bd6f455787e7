package dev.spotlight.cli.render.tidy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import dev.spotlight.metrics.result.ResultTable;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TidyCsvWriterTest {

  static final Period OCTOBER = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "2026-10");

  @Test
  void writesHeaderAndOneLinePerResultWithEmptyCellsForMissingValues() throws IOException {
    TidyRows rows = new TidyRows(List.of("grantee"), List.of(
        row("participants", dims("grantee", "kirklees-sharing"), 1234.0, null, null, MetricStatus.OK),
        row("participants", dims("grantee", "leeds-tools"), null, null, null, MetricStatus.SUPPRESSED),
        row("cost_per_share", dims("grantee", "leeds-tools"), null, null, null, MetricStatus.UNDEFINED),
        row("deprived_reach_share", dims("grantee", "kirklees-sharing"), 0.1 + 0.2, 0.125, 0.5, MetricStatus.OK)));

    assertThat(csv(rows)).isEqualTo(
        "metric,period,grantee,value,low,high,status\r\n"
            + "participants,2026-10,kirklees-sharing,1234,,,ok\r\n"
            + "participants,2026-10,leeds-tools,,,,suppressed\r\n"
            + "cost_per_share,2026-10,leeds-tools,,,,undefined\r\n"
            + "deprived_reach_share,2026-10,kirklees-sharing,0.30000000000000004,0.125,0.5,ok\r\n");
  }

  @Test
  void quotesCellsHoldingCommasQuotesOrLineBreaks() throws IOException {
    TidyRows rows = new TidyRows(List.of("grantee", "attributes.note"), List.of(
        row("items_shared", dims("grantee", "Leeds, North", "attributes.note", "the \"big\" one"), 12.0, null, null, MetricStatus.OK),
        row("items_shared", dims("grantee", "two\nlines", "attributes.note", "cr\rhere"), 7.0, null, null, MetricStatus.OK)));

    assertThat(csv(rows)).isEqualTo(
        "metric,period,grantee,attributes.note,value,low,high,status\r\n"
            + "items_shared,2026-10,\"Leeds, North\",\"the \"\"big\"\" one\",12,,,ok\r\n"
            + "items_shared,2026-10,\"two\nlines\",\"cr\rhere\",7,,,ok\r\n");
  }

  @Test
  void textStartingWithAFormulaCharacterIsWrittenExactlyAsItCameAndNegativeNumbersStayNumbers() throws IOException {
    // Tidy CSV is data for programs: a group value is a key other data joins on, so it is not prefixed
    // with ' against spreadsheet formulas (docs/cli.md says why and points people to the workbook).
    TidyRows rows = new TidyRows(List.of("attributes.channel"), List.of(
        row("items_shared", dims("attributes.channel", "=HYPERLINK(\"http://x\")"), -3.5, -4.0, -3.0, MetricStatus.OK),
        row("items_shared", dims("attributes.channel", "+44 113"), 2.0, null, null, MetricStatus.OK),
        row("items_shared", dims("attributes.channel", "-"), 1.0, null, null, MetricStatus.OK),
        row("items_shared", dims("attributes.channel", "@home"), 0.0, null, null, MetricStatus.OK)));

    assertThat(csv(rows)).isEqualTo(
        "metric,period,attributes.channel,value,low,high,status\r\n"
            + "items_shared,2026-10,\"=HYPERLINK(\"\"http://x\"\")\",-3.5,-4,-3,ok\r\n"
            + "items_shared,2026-10,+44 113,2,,,ok\r\n"
            + "items_shared,2026-10,-,1,,,ok\r\n"
            + "items_shared,2026-10,@home,0,,,ok\r\n");
  }

  @Test
  void aGroupWithoutADimensionValueHasAnEmptyCell() throws IOException {
    TidyRows rows = new TidyRows(List.of("deprivation_decile"), List.of(
        row("participants", dims("deprivation_decile", null), 40.0, null, null, MetricStatus.OK)));

    assertThat(csv(rows)).isEqualTo(
        "metric,period,deprivation_decile,value,low,high,status\r\n"
            + "participants,2026-10,,40,,,ok\r\n");
  }

  @Test
  void tablesSplitByDifferentDimensionsShareOneHeader() throws IOException {
    ResultTable overall = new ResultTable(OCTOBER, List.of(), List.of(
        row("participants", Map.of(), 90.0, null, null, MetricStatus.OK)));
    ResultTable byGrantee = new ResultTable(OCTOBER, List.of("grantee"), List.of(
        row("participants", dims("grantee", "a"), 50.0, null, null, MetricStatus.OK)));
    ResultTable byMonth = new ResultTable(OCTOBER, List.of("grantee", "month"), List.of(
        row("participants", dims("grantee", "a", "month", "2026-10"), 50.0, null, null, MetricStatus.OK)));

    assertThat(csv(TidyRows.of(List.of(overall, byGrantee, byMonth)))).isEqualTo(
        "metric,period,grantee,month,value,low,high,status\r\n"
            + "participants,2026-10,,,90,,,ok\r\n"
            + "participants,2026-10,a,,50,,,ok\r\n"
            + "participants,2026-10,a,2026-10,50,,,ok\r\n");
  }

  @Test
  void noResultsIsJustTheHeader() throws IOException {
    assertThat(csv(new TidyRows(List.of(), List.of()))).isEqualTo("metric,period,value,low,high,status\r\n");
  }

  static String csv(TidyRows rows) throws IOException {
    StringWriter out = new StringWriter();
    TidyCsvWriter.write(rows, out);
    return out.toString();
  }

  static ResultRow row(String metric, Map<String, String> dims, Double value, Double low, Double high, MetricStatus status) {
    return new ResultRow(metric, "2026-10", dims, value, low, high, status);
  }

  /** Dimension values in order; a null value is a group without one. */
  static Map<String, String> dims(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
