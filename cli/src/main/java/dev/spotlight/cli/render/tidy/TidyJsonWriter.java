package dev.spotlight.cli.render.tidy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.spotlight.metrics.model.Period;
import dev.spotlight.metrics.result.ResultRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes the tidy JSON document of SPEC §5: {@code {project, period: {start, end, label}, engine,
 * results: [{metric, period, dims, value, low, high, status}]}} plus optional extra fields per row.
 */
public final class TidyJsonWriter {

  /** Plain numbers like the CSV's, and the caller's writer stays open for whatever it prints next. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private TidyJsonWriter() {}

  public static void write(String project, Period period, String engine, List<ResultRow> rows, Writer out) throws IOException {
    write(project, period, engine, rows, ExtraFields.NONE, out);
  }

  public static void write(String project, Period period, String engine, List<ResultRow> rows, OutputStream out) throws IOException {
    write(project, period, engine, rows, ExtraFields.NONE, out);
  }

  /** The tidy document with the extra fields on each result row after {@code status} (null where a value is null). */
  public static void write(String project, Period period, String engine, List<ResultRow> rows, ExtraFields extra, Writer out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, project, period, engine, rows, extra);
    }
  }

  public static void write(String project, Period period, String engine, List<ResultRow> rows, ExtraFields extra,
      OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(g, project, period, engine, rows, extra);
    }
  }

  private static void write(JsonGenerator g, String project, Period period, String engine, List<ResultRow> rows,
      ExtraFields extra) throws IOException {
    extra.checkRows(rows.size());
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("project", project);
    g.writeObjectFieldStart("period");
    g.writeStringField("start", period.start().toString());
    g.writeStringField("end", period.end().toString());
    g.writeStringField("label", period.label());
    g.writeEndObject();
    g.writeStringField("engine", engine);
    g.writeArrayFieldStart("results");
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i);
      g.writeStartObject();
      g.writeStringField("metric", r.metric());
      g.writeStringField("period", r.period());
      g.writeObjectFieldStart("dims");
      for (Map.Entry<String, String> d : r.dims().entrySet()) {
        if (d.getValue() == null) {
          g.writeNullField(d.getKey());
        } else {
          g.writeStringField(d.getKey(), d.getValue());
        }
      }
      g.writeEndObject();
      number(g, "value", r.value());
      number(g, "low", r.low());
      number(g, "high", r.high());
      g.writeStringField("status", r.status().label());
      List<Double> values = extra.row(i);
      for (int k = 0; k < values.size(); k++) {
        number(g, extra.names().get(k), values.get(k));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
  }

  private static void number(JsonGenerator g, String name, Double v) throws IOException {
    if (v == null) {
      g.writeNullField(name);
    } else {
      g.writeFieldName(name);
      g.writeNumber(new BigDecimal(Numbers.plain(v)));
    }
  }
}
