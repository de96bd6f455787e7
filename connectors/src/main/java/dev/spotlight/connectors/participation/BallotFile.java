package dev.spotlight.connectors.participation;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ballot CSV split into its two tables: the area table ({@code Area name, Area budget}) and the
 * project table ({@code Area Name, URL to original idea, ..., Costs, Location 1, ..., Name-en, ...}).
 * Java only finds where each table starts (the file is a ballot: tens to hundreds of records) and
 * writes each table's records verbatim, prefixed with their line number, to a scratch CSV that
 * DuckDB then reads. Blank (all-empty) records, such as the one between the tables, are left out.
 */
final class BallotFile {

  /** One CSV record: where it starts in the file, its text without the line break, and its cells. */
  record Rec(int line, String text, List<String> cells) {

    boolean blank() {
      return cells.stream().allMatch(c -> c.trim().isEmpty());
    }

    /** Physical lines the record spans (quoted line breaks included). */
    int lines() {
      return 1 + (int) text.chars().filter(ch -> ch == '\n').count();
    }
  }

  /** A header cell that names a project in one language ({@code Name-en}, {@code Name_pl}, {@code Name}). */
  private static final Pattern NAME = Pattern.compile("name(?:[-_ ]+([a-z]{2,3}(?:[-_][a-z0-9]+)?))?");

  /**
   * One table of the file: its header cells, its data records and a scratch CSV of them (each record
   * prefixed with its line and its position among the table's records), and the lines of records
   * left out for having more cells than the header.
   */
  record Table(Rec header, List<Rec> rows, Path scratch, List<Integer> lineMap, int width, List<Integer> raggedLines) {

    /** 1-based position of the first header cell whose normal form is one of {@code names}, else 0. */
    int column(String... names) {
      for (int i = 0; i < header.cells().size(); i++) {
        String n = normal(header.cells().get(i));
        for (String want : names) {
          if (n.equals(want)) {
            return i + 1;
          }
        }
      }
      return 0;
    }

    String headerName(int column) {
      return header.cells().get(column - 1).trim();
    }

    /** The line in the user's file of line {@code scratchLine} of the scratch CSV. */
    int originalLine(int scratchLine) {
      return scratchLine >= 1 && scratchLine <= lineMap.size() ? lineMap.get(scratchLine - 1) : 0;
    }
  }

  /** A name column of the project table: its 1-based position and language code ({@code ""} for a bare {@code Name}). */
  record NameColumn(int column, String language, String header) {}

  final Path path;
  final String shown;
  final Table areas;
  final Table projects;

  private BallotFile(Path path, String shown, Table areas, Table projects) {
    this.path = path;
    this.shown = shown;
    this.areas = areas;
    this.projects = projects;
  }

  static String normal(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** The project table's name columns, in file order. */
  List<NameColumn> nameColumns() {
    List<NameColumn> out = new ArrayList<>();
    List<String> cells = projects.header().cells();
    for (int i = 0; i < cells.size(); i++) {
      Matcher m = NAME.matcher(cells.get(i).trim().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        out.add(new NameColumn(i + 1, m.group(1) == null ? "" : m.group(1).replace('_', '-'), cells.get(i).trim()));
      }
    }
    return out;
  }

  /** The records left out of both tables for having more cells than their header. */
  int ragged() {
    return (areas == null ? 0 : areas.raggedLines().size()) + projects.raggedLines().size();
  }

  /**
   * Reads and splits {@code path}, writing each table's records to {@code scratchDir}.
   *
   * @param leaveOutRagged whether a record with more cells than its header is left out (and counted)
   *     instead of stopping the read
   */
  static BallotFile read(Path path, Path scratchDir, int index, boolean leaveOutRagged) {
    String shown = path.toString();
    List<Rec> recs = records(path, shown);
    int areaHeader = -1;
    int projectHeader = -1;
    for (int i = 0; i < recs.size(); i++) {
      Rec r = recs.get(i);
      List<String> n = r.cells().stream().map(BallotFile::normal).toList();
      boolean project = n.contains("areaname") && (n.contains("costs") || n.contains("cost"));
      boolean area = !project && !n.isEmpty() && n.get(0).equals("areaname") && n.contains("areabudget");
      if (project) {
        if (projectHeader >= 0) {
          throw new SpotlightException(ExitKind.DATA, new Location(shown, r.line(), 1),
              "a second project table starts here (the first is at line " + recs.get(projectHeader).line() + ")", "a ballot file holds one project table; split the file");
        }
        projectHeader = i;
      } else if (area) {
        if (areaHeader >= 0) {
          throw new SpotlightException(ExitKind.DATA, new Location(shown, r.line(), 1),
              "a second area table starts here (the first is at line " + recs.get(areaHeader).line() + ")", "a ballot file holds one area table; split the file");
        }
        areaHeader = i;
      }
    }
    if (projectHeader < 0) {
      throw new SpotlightException(ExitKind.DATA, Location.of(path), "no project table: no header row with 'Area Name' and 'Costs'",
          "a ballot file has a header row 'Area Name, URL to original idea, Image URL, PDF Url, Costs, Location 1, ..., Name-en, ...'");
    }
    Table areas = areaHeader < 0 ? null
        : table(recs, areaHeader, projectHeader, shown, scratchDir.resolve("pb-areas-" + index + ".csv"), leaveOutRagged);
    Table projects = table(recs, projectHeader, areaHeader, shown, scratchDir.resolve("pb-projects-" + index + ".csv"), leaveOutRagged);
    return new BallotFile(path, shown, areas, projects);
  }

  /** The records after {@code header} up to the other table's header (or the end), without blank ones, written to {@code scratch}. */
  private static Table table(List<Rec> recs, int header, int otherHeader, String shown, Path scratch, boolean leaveOutRagged) {
    int end = otherHeader > header ? otherHeader : recs.size();
    int width = recs.get(header).cells().size();
    List<Rec> rows = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Integer> ragged = new ArrayList<>();
    int position = 0;
    for (int i = header + 1; i < end; i++) {
      Rec r = recs.get(i);
      if (r.blank()) {
        continue;
      }
      position++;
      int extra = firstExtraCell(r, width);
      if (extra >= 0 && leaveOutRagged) {
        ragged.add(r.line());
        continue;
      }
      if (extra >= 0) {
        throw new SpotlightException(ExitKind.DATA, new Location(shown, r.line(), extra + 1),
            "expected " + width + " fields like the header at line " + recs.get(header).line() + ", found " + r.cells().size(),
            "check the quoting of this line, or set on_bad_row: skip to skip and count such records");
      }
      rows.add(r);
      positions.add(position);
    }
    int widest = Math.max(width, rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0));
    List<Integer> lineMap = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      Rec r = rows.get(i);
      out.append(r.line()).append(',').append(positions.get(i)).append(',').append(r.text()).append('\n');
      for (int j = 0; j < r.lines(); j++) {
        lineMap.add(r.line() + j);
      }
    }
    try {
      Files.createDirectories(scratch.getParent());
      Files.writeString(scratch, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Table(recs.get(header), rows, scratch, lineMap, widest, List.copyOf(ragged));
  }

  /** The 0-based index of the first non-empty cell beyond {@code width}, or -1. */
  private static int firstExtraCell(Rec r, int width) {
    for (int k = width; k < r.cells().size(); k++) {
      if (!r.cells().get(k).trim().isEmpty()) {
        return k;
      }
    }
    return -1;
  }

  /** The file's CSV records with their first line, honouring quoted line breaks, CRLF and a missing final line break. */
  static List<Rec> records(Path path, String shown) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(path);
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new SpotlightException(ExitKind.DATA, Location.of(Path.of(shown)), "the file is not UTF-8 text", "save the ballot as UTF-8 CSV");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + shown + ": " + e.getMessage(), e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Rec> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == '\n') {
        if (!quoted) {
          out.add(rec(start, cur));
          cur.setLength(0);
          line++;
          start = line;
          continue;
        }
        line++;
      }
      cur.append(ch);
    }
    if (quoted) {
      throw new SpotlightException(ExitKind.DATA, new Location(shown, start, 0), "a quoted field that starts on this line is never closed",
          "check the quotes of this line");
    }
    if (cur.length() > 0) {
      out.add(rec(start, cur));
    }
    return out;
  }

  private static Rec rec(int line, StringBuilder raw) {
    String text = raw.toString();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    return new Rec(line, text, cells(text));
  }

  /** The cells of one record: comma-separated, double quotes around a cell, {@code ""} inside quotes for a quote. */
  static List<String> cells(String record) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < record.length(); i++) {
      char ch = record.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
