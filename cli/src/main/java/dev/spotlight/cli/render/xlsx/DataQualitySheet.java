package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.ReportContent.DataQuality;
import dev.spotlight.cli.render.ReportContent.SourceQuality;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/** The Data quality sheet: rows each source read, kept and skipped (with reasons), and what the results leave out. */
final class DataQualitySheet {

  static final List<String> HEADER = List.of("Source", "Connector", "Rows read", "Rows kept", "Rows skipped", "Skip reasons");

  private final DataQuality quality;

  DataQualitySheet(DataQuality quality) {
    this.quality = quality;
  }

  void write(SheetWriter out) {
    CellStyles styles = out.styles();
    out.line("Data quality", styles.title());
    out.gap();

    int headerRow = out.nextRow();
    out.header(HEADER);
    out.freezeAbove(headerRow + 1);
    for (SourceQuality source : quality.sources()) {
      Row row = out.row();
      out.text(row, 0, source.source(), styles.text());
      out.text(row, 1, source.connector(), styles.text());
      out.number(row, 2, source.rowsRead(), styles.number(NumberFormats.WHOLE));
      out.number(row, 3, source.rowsKept(), styles.number(NumberFormats.WHOLE));
      out.number(row, 4, source.rowsSkipped(), styles.number(NumberFormats.WHOLE));
      out.text(row, 5, String.join("\n", source.skipReasons()), styles.wrapped());
    }
    out.filter(headerRow, out.nextRow() - 1, HEADER.size() - 1);
    out.gap();

    count(out, "Suppressed cells", quality.suppressedCells());
    count(out, "Undefined cells", quality.undefinedCells());

    if (!quality.notes().isEmpty()) {
      out.gap();
      out.line("Notes", styles.heading());
      quality.notes().forEach(note -> out.line(note, styles.text()));
    }
    out.finish();
  }

  private static void count(SheetWriter out, String label, long count) {
    Row row = out.row();
    out.text(row, 0, label, out.styles().text());
    out.number(row, 1, count, out.styles().number(NumberFormats.WHOLE));
  }
}
