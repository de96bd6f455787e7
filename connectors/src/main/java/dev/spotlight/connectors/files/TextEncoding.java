package dev.spotlight.connectors.files;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code encoding:} option of connectors that read delimited text, and the UTF-8 copy DuckDB
 * reads when a file is in another encoding (Excel on Windows saves CSV as windows-1252).
 */
public final class TextEncoding {

  private TextEncoding() {}

  /** The {@code encoding:} option, UTF-8 when absent; an unknown name is a problem. */
  public static Charset parse(YamlMap options, Problems problems) {
    if (!options.has("encoding")) {
      return StandardCharsets.UTF_8;
    }
    String name = options.optString("encoding").orElseThrow().strip();
    try {
      return Charset.forName(switch (name.toLowerCase(Locale.ROOT).replace('_', '-')) {
        case "utf-8-sig", "utf8-sig" -> "UTF-8";
        case "latin-1", "latin1", "l1" -> "ISO-8859-1";
        case "cp1252" -> "windows-1252";
        default -> name;
      });
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      problems.add(options.locationOf("encoding"), "unknown encoding '" + name + "'", "e.g. utf-8, latin-1, windows-1252, utf-16");
      return StandardCharsets.UTF_8;
    }
  }

  /** {@code file} itself when it is UTF-8, else a UTF-8 copy at {@code target}; bytes invalid in the encoding are bad input naming the line. */
  public static Path utf8(Path file, Charset encoding, Path target) {
    if (encoding.equals(StandardCharsets.UTF_8)) {
      return file;
    }
    var decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    long line = 1;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      char[] buf = new char[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            line++;
          }
        }
        out.write(buf, 0, n);
      }
      return target;
    } catch (CharacterCodingException e) {
      throw new SpotlightException(ExitKind.DATA, new Location(file.toString(), (int) line, 0),
          "bytes that are not valid " + encoding.name(), "check encoding: in the source options");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
