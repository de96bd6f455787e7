package dev.spotlight.cli.render.tidy;

import static dev.spotlight.cli.render.tidy.TidyCsvWriterTest.dims;
import static dev.spotlight.cli.render.tidy.TidyCsvWriterTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.metrics.result.MetricStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTableTest {

  private static final Map<String, String> UNITS = Map.of(
      "participants", "people", "cost_per_share", "GBP", "reach_share", "percent");

  @Test
  void alignsColumnsMarksSuppressedAndUndefinedValuesAndExplainsThemBelow() {
    TidyRows rows = new TidyRows(List.of("grantee"), List.of(
        row("participants", dims("grantee", "kirklees-sharing"), 1234.0, null, null, MetricStatus.OK),
        row("participants", dims("grantee", null), null, null, null, MetricStatus.SUPPRESSED),
        row("cost_per_share", dims("grantee", "kirklees-sharing"), 1234.5, null, null, MetricStatus.OK),
        row("cost_per_share", dims("grantee", "leeds-tools"), null, null, null, MetricStatus.UNDEFINED),
        row("reach_share", dims("grantee", "kirklees-sharing"), 0.4567, 0.3, 0.61234, MetricStatus.OK)));

    assertThat(print(rows, "<5")).isEqualTo(
        "metric          period   grantee              value    low   high  status\n"
            + "--------------  -------  ----------------  --------  -----  -----  ----------\n"
            + "participants    2026-10  kirklees-sharing     1,234                ok\n"
            + "participants    2026-10  (none)                  <5                suppressed\n"
            + "cost_per_share  2026-10  kirklees-sharing  1,234.50                ok\n"
            + "cost_per_share  2026-10  leeds-tools              –                undefined\n"
            + "reach_share     2026-10  kirklees-sharing     45.7%  30.0%  61.2%  ok\n"
            + "<5 = suppressed: counts from 1 to 4 are not shown (small-number rule)\n"
            + "– = undefined (e.g. a ratio over zero, or a median of no values)\n");
  }

  @Test
  void dimensionValuesAreShownThroughTheLabelAndColumnsWidenToFit() {
    TidyRows rows = new TidyRows(List.of("grantee"), List.of(
        row("participants", dims("grantee", "ks"), 12.0, null, null, MetricStatus.OK),
        row("participants", dims("grantee", null), 3.0, null, null, MetricStatus.OK)));
    StringWriter text = new StringWriter();

    TerminalTable.print(rows, UNITS, "<5", List.of(), List.of(),
        (dimension, value) -> dimension.equals("grantee") && value.equals("ks") ? "Kirklees Sharing" : value, new PrintWriter(text));

    assertThat(text.toString()).isEqualTo(
        "metric        period   grantee           value  low  high  status\n"
            + "------------  -------  ----------------  -----  ---  ----  ------\n"
            + "participants  2026-10  Kirklees Sharing     12             ok\n"
            + "participants  2026-10  (none)                3             ok\n");
  }

  @Test
  void theSuppressionFootnoteFollowsTheThreshold() {
    TidyRows rows = new TidyRows(List.of(), List.of(row("participants", Map.of(), null, null, null, MetricStatus.SUPPRESSED)));

    assertThat(print(rows, "<10")).isEqualTo(
        "metric        period   value  low  high  status\n"
            + "------------  -------  -----  ---  ----  ----------\n"
            + "participants  2026-10    <10             suppressed\n"
            + "<10 = suppressed: counts from 1 to 9 are not shown (small-number rule)\n");
  }

  @Test
  void noFootnotesWhenEveryValueIsShown() {
    TidyRows rows = new TidyRows(List.of(), List.of(row("participants", Map.of(), 12.0, null, null, MetricStatus.OK)));

    assertThat(print(rows, "<5")).isEqualTo(
        "metric        period   value  low  high  status\n"
            + "------------  -------  -----  ---  ----  ------\n"
            + "participants  2026-10     12             ok\n");
  }

  @Test
  void formatsValuesByUnit() {
    assertThat(TerminalTable.format(0.25, "percent")).isEqualTo("25.0%");
    assertThat(TerminalTable.format(0.123456, "percent")).isEqualTo("12.3%");
    assertThat(TerminalTable.format(125.0, "GBP")).isEqualTo("125.00");
    assertThat(TerminalTable.format(1234567.891, "EUR")).isEqualTo("1,234,567.89");
    assertThat(TerminalTable.format(1234567.0, "people")).isEqualTo("1,234,567");
    assertThat(TerminalTable.format(-3.0, null)).isEqualTo("-3");
    assertThat(TerminalTable.format(2.5, null)).isEqualTo("2.50");
    assertThat(TerminalTable.format(1e16, null)).isEqualTo("10,000,000,000,000,000.00");
    assertThat(TerminalTable.format(null, "GBP")).isEmpty();
  }

  private static String print(TidyRows rows, String suppressedLabel) {
    StringWriter out = new StringWriter();
    TerminalTable.print(rows, UNITS, suppressedLabel, new PrintWriter(out));
    return out.toString();
  }
}
