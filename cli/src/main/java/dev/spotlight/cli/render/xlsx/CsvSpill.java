package dev.spotlight.cli.render.xlsx;

import dev.spotlight.cli.render.SafeFileName;
import dev.spotlight.common.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a table too long for a worksheet to an RFC 4180 CSV file beside the workbook. */
final class CsvSpill {

  private final Path dir;
  private final String prefix;
  private final SafeFileName names = new SafeFileName();
  private final List<Path> files = new ArrayList<>();

  /** @param prefix the workbook's name without extension; each file is {@code prefix-<table id>.csv} */
  CsvSpill(Path dir, String prefix) {
    this.dir = dir;
    this.prefix = prefix;
  }

  /** Writes one table and returns its file. */
  Path write(String tableId, List<String> header, Iterable<List<String>> rows) {
    Path target = dir.resolve(prefix + "-" + names.next(tableId) + ".csv");
    AtomicFiles.write(
        target,
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          record(writer, header);
          for (List<String> row : rows) {
            record(writer, row);
          }
          writer.flush();
        });
    files.add(target);
    return target;
  }

  /** The files written so far, in order. */
  List<Path> files() {
    return List.copyOf(files);
  }

  private static void record(Writer writer, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(field(fields.get(i)));
    }
    writer.write("\r\n");
  }

  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
