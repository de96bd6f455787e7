package dev.spotlight.cli.render.xlsx;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Appends rows to one worksheet, top to bottom, and sizes its columns from what was written. A
 * streaming sheet cannot measure its cells after they are flushed, so widths come from text lengths.
 */
final class SheetWriter {

  private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  private static final String CLIPPED = "… (cut: a cell holds at most 32,767 characters)";
  /** Wide enough for a SHA-256 in hex; longer text wraps or runs over. */
  private static final int MAX_COLUMN_CHARS = 64;
  private static final float LINE_POINTS = 15f;
  private static final float MAX_ROW_POINTS = 409f;
  /** A header wraps onto more lines rather than widen its column past this many characters. */
  private static final int HEADER_CHARS = 16;
  /** Characters across one landscape A4 page at the default font, for the pages a wide sheet prints across. */
  private static final int PAGE_CHARS = 260;

  private final Sheet sheet;
  private final CellStyles styles;
  private final Map<Integer, Integer> widths = new TreeMap<>();
  private int next;

  SheetWriter(Sheet sheet, CellStyles styles) {
    this.sheet = sheet;
    this.styles = styles;
  }

  CellStyles styles() {
    return styles;
  }

  Sheet sheet() {
    return sheet;
  }

  /** The index the next row will get. */
  int nextRow() {
    return next;
  }

  Row row() {
    return sheet.createRow(next++);
  }

  /** Leaves rows empty so the next row is at least {@code row}. */
  void skipTo(int row) {
    next = Math.max(next, row);
  }

  /** Leaves one row empty. */
  void gap() {
    next++;
  }

  /** A row of text in the first column that may run across the empty cells beside it (titles, notes). */
  void line(String text, CellStyle style) {
    Row row = row();
    Cell cell = row.createCell(0);
    cell.setCellValue(clip(text));
    cell.setCellStyle(style);
    if (style == styles.title()) {
      row.setHeightInPoints(24f);
    }
  }

  /** A text cell; text from data is always a string cell, never a formula, whatever it starts with. */
  Cell text(Row row, int column, String text, CellStyle style) {
    String value = clip(text == null ? "" : text);
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    int longest = 0;
    int shownLines = 0;
    for (String line : value.split("\n", -1)) {
      longest = Math.max(longest, line.length());
      shownLines += Math.max(1, (line.length() + MAX_COLUMN_CHARS - 1) / MAX_COLUMN_CHARS);
    }
    fit(column, longest);
    if (style.getWrapText() && shownLines > 1) {
      // Rows do not grow to fit wrapped text when the file is opened, so give them the height now.
      float height = Math.min(MAX_ROW_POINTS, shownLines * LINE_POINTS);
      row.setHeightInPoints(Math.max(row.getHeightInPoints(), height));
    }
    return cell;
  }

  Cell number(Row row, int column, double value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    // Formatted width: digits, group separators, two decimals and a currency symbol or sign
    // (counted rather than formatted: this runs for every number of a large table).
    fit(column, numberChars(value));
    return cell;
  }

  /** The characters {@code value} takes formatted as {@code -£#,##0.00}. */
  static int numberChars(double value) {
    double magnitude = Math.abs(value);
    int digits = !Double.isFinite(magnitude) || magnitude < 10 ? 1 : (int) Math.floor(Math.log10(magnitude)) + 1;
    return digits + (digits - 1) / 3 + 3 + 2;
  }

  /** A header row in the header style. */
  Row header(List<String> names) {
    return header(names, Integer.MAX_VALUE);
  }

  /**
   * A header row whose columns from {@code firstNumber} on hold numbers (their headers align right).
   * Long headers wrap onto a few lines instead of widening their columns.
   */
  Row header(List<String> names, int firstNumber) {
    return header(names, firstNumber, names.size());
  }

  /** A header row whose columns from {@code firstNumber} up to (not including) {@code endNumber} hold numbers. */
  Row header(List<String> names, int firstNumber, int endNumber) {
    Row row = row();
    int lines = 1;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i) == null ? "" : names.get(i);
      Cell cell = row.createCell(i);
      cell.setCellValue(clip(name));
      cell.setCellStyle(i < firstNumber ? styles.header() : i < endNumber ? styles.headerNumber() : styles.headerAfterNumbers());
      int longestWord = 0;
      for (String word : name.split(" ")) {
        longestWord = Math.max(longestWord, word.length());
      }
      int width = Math.max(longestWord, Math.min(name.length(), HEADER_CHARS));
      fit(i, width + 2); // bold text is wider than the average character widths count
      lines = Math.max(lines, wrappedLines(name, width));
    }
    row.setHeightInPoints(lines * LINE_POINTS);
    return row;
  }

  /** The lines {@code text} takes when wrapped at word breaks into {@code width} characters. */
  private static int wrappedLines(String text, int width) {
    int lines = 1;
    int used = 0;
    for (String word : text.split(" ")) {
      int need = used == 0 ? word.length() : used + 1 + word.length();
      if (need > width && used > 0) {
        lines++;
        used = word.length();
      } else {
        used = need;
      }
    }
    return lines;
  }

  /** A cell that jumps to the top of another sheet of this workbook. */
  void link(Row row, int column, String sheetName) {
    Cell cell = text(row, column, sheetName, styles.link());
    Hyperlink link = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
    link.setAddress("'" + sheetName.replace("'", "''") + "'!A1");
    cell.setHyperlink(link);
  }

  /** Keeps the rows above {@code row} in view while scrolling. */
  void freezeAbove(int row) {
    sheet.createFreezePane(0, row);
  }

  /** Filter buttons on a table's header row; a sheet holds one such table. */
  void filter(int headerRow, int lastRow, int lastColumn) {
    sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, lastColumn));
  }

  /** Repeats a table's header row at the top of every printed page. */
  void printTitles(int headerRow) {
    sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
  }

  /** Prints {@code text} at the top centre of every page, with the page number on the right. */
  void printHeader(String text) {
    // '&' starts a header code in Excel, so a literal one is doubled.
    sheet.getHeader().setCenter(text.replace("&", "&&"));
    sheet.getHeader().setRight("Page &P of &N");
  }

  /**
   * Sets the column widths and the page setup (landscape, A4, as wide as one page, as long as it
   * needs); call once, after the last row.
   */
  void finish() {
    widths.forEach((column, chars) -> sheet.setColumnWidth(column, (Math.min(chars, MAX_COLUMN_CHARS) + 2) * 256));
    PrintSetup print = sheet.getPrintSetup();
    print.setLandscape(true);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    int chars = widths.values().stream().mapToInt(w -> Math.min(w, MAX_COLUMN_CHARS) + 2).sum();
    print.setFitWidth((short) Math.max(1, (chars + PAGE_CHARS - 1) / PAGE_CHARS));
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setHorizontallyCenter(false);
    sheet.setMargin(PageMargin.LEFT, 0.4);
    sheet.setMargin(PageMargin.RIGHT, 0.4);
  }

  private void fit(int column, int chars) {
    widths.merge(column, chars, Math::max);
  }

  private static String clip(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - CLIPPED.length()) + CLIPPED;
  }
}
