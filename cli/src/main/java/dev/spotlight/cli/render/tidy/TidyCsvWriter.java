package dev.spotlight.cli.render.tidy;

import dev.spotlight.metrics.result.ResultRow;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes tidy results as CSV (SPEC §5): metric, period, one column per dimension, value, low, high, status. */
public final class TidyCsvWriter {

  private TidyCsvWriter() {}

  public static void write(TidyRows rows, Writer out) throws IOException {
    write(rows, ExtraFields.NONE, out);
  }

  /** The tidy CSV with one more column per extra field after {@code status}, empty where a value is null. */
  public static void write(TidyRows rows, ExtraFields extra, Writer out) throws IOException {
    extra.checkRows(rows.rows().size());
    List<String> header = new ArrayList<>(List.of("metric", "period"));
    header.addAll(rows.dimensions());
    header.addAll(List.of("value", "low", "high", "status"));
    header.addAll(extra.names());
    line(out, header);
    for (int i = 0; i < rows.rows().size(); i++) {
      ResultRow r = rows.rows().get(i);
      List<String> cells = new ArrayList<>(List.of(r.metric(), r.period()));
      for (String d : rows.dimensions()) {
        String v = r.dims().get(d);
        cells.add(v == null ? "" : v);
      }
      cells.add(Numbers.plain(r.value()));
      cells.add(Numbers.plain(r.low()));
      cells.add(Numbers.plain(r.high()));
      cells.add(r.status().label());
      for (Double v : extra.row(i)) {
        cells.add(Numbers.plain(v));
      }
      line(out, cells);
    }
    out.flush();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String s) {
    if (s.isEmpty() || s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
