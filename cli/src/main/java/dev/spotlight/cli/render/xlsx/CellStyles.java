package dev.spotlight.cli.render.xlsx;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** A workbook's cell styles, one per role and one per number format, created once and shared (Excel caps styles per file). */
final class CellStyles {

  private final Workbook workbook;
  private final DataFormat dataFormat;
  private final Map<String, CellStyle> numbers = new HashMap<>();
  private final CellStyle title;
  private final CellStyle heading;
  private final CellStyle header;
  private final CellStyle headerNumber;
  private final CellStyle headerAfterNumbers;
  private final CellStyle textAfterNumbers;
  private final CellStyle text;
  private final CellStyle wrapped;
  private final CellStyle note;
  private final CellStyle link;
  private final CellStyle mark;

  CellStyles(Workbook workbook) {
    this.workbook = workbook;
    this.dataFormat = workbook.createDataFormat();
    this.title = withFont(font(true, false, 16, IndexedColors.AUTOMATIC));
    this.heading = withFont(font(true, false, 12, IndexedColors.AUTOMATIC));
    this.header = withFont(font(true, false, 11, IndexedColors.AUTOMATIC));
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    header.setVerticalAlignment(VerticalAlignment.BOTTOM);
    header.setWrapText(true);
    this.headerNumber = workbook.createCellStyle();
    headerNumber.cloneStyleFrom(header);
    headerNumber.setAlignment(HorizontalAlignment.RIGHT);
    this.headerAfterNumbers = workbook.createCellStyle();
    headerAfterNumbers.cloneStyleFrom(header);
    // An indent applies only to left-aligned cells.
    headerAfterNumbers.setAlignment(HorizontalAlignment.LEFT);
    headerAfterNumbers.setIndention((short) 1);
    this.text = workbook.createCellStyle();
    text.setVerticalAlignment(VerticalAlignment.TOP);
    this.textAfterNumbers = workbook.createCellStyle();
    textAfterNumbers.cloneStyleFrom(text);
    textAfterNumbers.setAlignment(HorizontalAlignment.LEFT);
    textAfterNumbers.setIndention((short) 1);
    this.wrapped = workbook.createCellStyle();
    wrapped.setWrapText(true);
    wrapped.setVerticalAlignment(VerticalAlignment.TOP);
    this.note = withFont(font(false, true, 10, IndexedColors.GREY_80_PERCENT));
    Font linkFont = font(false, false, 11, IndexedColors.BLUE);
    linkFont.setUnderline(Font.U_SINGLE);
    this.link = withFont(linkFont);
    // Marks stand where numbers would, so they align like numbers.
    this.mark = workbook.createCellStyle();
    mark.setAlignment(HorizontalAlignment.RIGHT);
    mark.setVerticalAlignment(VerticalAlignment.TOP);
  }

  CellStyle title() {
    return title;
  }

  CellStyle heading() {
    return heading;
  }

  CellStyle header() {
    return header;
  }

  /** The header of a column of numbers: right-aligned over its values. */
  CellStyle headerNumber() {
    return headerNumber;
  }

  /** The header of a text column right of numbers: indented, so it does not run into the number beside it. */
  CellStyle headerAfterNumbers() {
    return headerAfterNumbers;
  }

  /** Text in a column right of numbers (a unit, a status), indented like its header. */
  CellStyle textAfterNumbers() {
    return textAfterNumbers;
  }

  CellStyle text() {
    return text;
  }

  /** Multi-line text (definitions, SQL, skip reasons). */
  CellStyle wrapped() {
    return wrapped;
  }

  CellStyle note() {
    return note;
  }

  CellStyle link() {
    return link;
  }

  /** The {@code <5} and {@code –} marks that replace values. */
  CellStyle mark() {
    return mark;
  }

  CellStyle number(String format) {
    return numbers.computeIfAbsent(
        format,
        f -> {
          CellStyle style = workbook.createCellStyle();
          style.setDataFormat(dataFormat.getFormat(f));
          style.setVerticalAlignment(VerticalAlignment.TOP);
          return style;
        });
  }

  private Font font(boolean bold, boolean italic, int points, IndexedColors colour) {
    Font font = workbook.createFont();
    font.setBold(bold);
    font.setItalic(italic);
    font.setFontHeightInPoints((short) points);
    font.setColor(colour.getIndex());
    return font;
  }

  private CellStyle withFont(Font font) {
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    return style;
  }
}
