package dev.spotlight.cli.render.tidy;

import static dev.spotlight.cli.render.tidy.TidyCsvWriterTest.OCTOBER;
import static dev.spotlight.cli.render.tidy.TidyCsvWriterTest.dims;
import static dev.spotlight.cli.render.tidy.TidyCsvWriterTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotlight.metrics.result.MetricStatus;
import dev.spotlight.metrics.result.ResultRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TidyJsonWriterTest {

  @Test
  void writesTheDocumentOfSpecSectionFiveWithNullsForMissingValues() throws IOException {
    List<ResultRow> rows = List.of(
        row("participants", dims("grantee", "kirklees-sharing"), 1234.0, null, null, MetricStatus.OK),
        row("participants", dims("grantee", null), null, null, null, MetricStatus.SUPPRESSED),
        row("cost_per_share", dims("grantee", "leeds-tools"), null, null, null, MetricStatus.UNDEFINED),
        row("deprived_reach_share", dims("grantee", "kirklees-sharing"), 0.1 + 0.2, 0.125, 0.5, MetricStatus.OK));

    assertThat(json("Kirklees \"Sharing\"", rows)).isEqualTo("""
        {
          "project" : "Kirklees \\"Sharing\\"",
          "period" : {
            "start" : "2026-10-01",
            "end" : "2026-10-31",
            "label" : "2026-10"
          },
          "engine" : "duckdb",
          "results" : [ {
            "metric" : "participants",
            "period" : "2026-10",
            "dims" : {
              "grantee" : "kirklees-sharing"
            },
            "value" : 1234,
            "low" : null,
            "high" : null,
            "status" : "ok"
          }, {
            "metric" : "participants",
            "period" : "2026-10",
            "dims" : {
              "grantee" : null
            },
            "value" : null,
            "low" : null,
            "high" : null,
            "status" : "suppressed"
          }, {
            "metric" : "cost_per_share",
            "period" : "2026-10",
            "dims" : {
              "grantee" : "leeds-tools"
            },
            "value" : null,
            "low" : null,
            "high" : null,
            "status" : "undefined"
          }, {
            "metric" : "deprived_reach_share",
            "period" : "2026-10",
            "dims" : {
              "grantee" : "kirklees-sharing"
            },
            "value" : 0.30000000000000004,
            "low" : 0.125,
            "high" : 0.5,
            "status" : "ok"
          } ]
        }
        """);
  }

  @Test
  void withoutDimensionsEachRowHasAnEmptyDimsObject() throws IOException {
    List<ResultRow> rows = List.of(row("participants", Map.of(), 90.0, null, null, MetricStatus.OK));

    JsonNode doc = new ObjectMapper().readTree(json("p", rows));

    assertThat(doc.get("results")).hasSize(1);
    assertThat(doc.get("results").get(0).get("dims").isObject()).isTrue();
    assertThat(doc.get("results").get(0).get("dims").size()).isZero();
  }

  @Test
  void numbersHaveNoExponentHoweverSmallOrLarge() throws IOException {
    List<ResultRow> rows = List.of(
        row("per_capita_tiny", Map.of(), 1.5e-7, 1e-9, 2.5e-7, MetricStatus.OK),
        row("total_value", Map.of(), 1e20, null, null, MetricStatus.OK));

    String text = json("p", rows);

    assertThat(text).contains("\"value\" : 0.00000015,", "\"low\" : 0.000000001,", "\"high\" : 0.00000025,",
        "\"value\" : 100000000000000000000,");
    assertThat(text).doesNotContainPattern("[0-9][eE][-+]?[0-9]");
  }

  @Test
  void theSameDocumentIsWrittenToAByteStreamAsUtf8() throws IOException {
    List<ResultRow> rows = List.of(row("participants", dims("grantee", "Café Réparation"), 5.0, null, null, MetricStatus.OK));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    TidyJsonWriter.write("Spotlight – Wales", OCTOBER, "duckdb", rows, bytes);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(json("Spotlight – Wales", rows));
  }

  @Test
  void leavesTheCallersWriterOpen() throws IOException {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);

    TidyJsonWriter.write("p", OCTOBER, "duckdb", List.of(), out);
    out.print("more output");
    out.flush();

    assertThat(out.checkError()).isFalse();
    assertThat(text.toString()).endsWith("\"results\" : [ ]\n}\nmore output");
  }

  private static String json(String project, List<ResultRow> rows) throws IOException {
    StringWriter out = new StringWriter();
    TidyJsonWriter.write(project, OCTOBER, "duckdb", rows, out);
    return out.toString();
  }
}
