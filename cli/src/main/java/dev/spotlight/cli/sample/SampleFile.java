package dev.spotlight.cli.sample;

import dev.spotlight.common.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes one file of the sample project as UTF-8 through a buffer, moved into place only when complete. */
final class SampleFile {

  /** Writes the text of one file. */
  @FunctionalInterface
  interface Body {
    void write(Writer out) throws IOException;
  }

  private static final int BUFFER_CHARS = 1 << 16;

  private SampleFile() {}

  static Path write(Path file, Body body) {
    AtomicFiles.write(file, stream -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
      body.write(out);
      out.flush();
    });
    return file;
  }

  static Path writeString(Path file, String text) {
    return write(file, out -> out.write(text));
  }
}
