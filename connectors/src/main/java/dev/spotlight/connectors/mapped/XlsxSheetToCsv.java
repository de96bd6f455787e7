package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams one sheet of an XLSX workbook into a CSV file DuckDB can read, with the sheet's own row
 * number in a leading {@code __row} column. Dates are written as ISO-8601 and numbers as Excel
 * stores them (full precision), never as formatted for display.
 */
public final class XlsxSheetToCsv {

  public static final String ROW_COLUMN = "__row";

  private XlsxSheetToCsv() {}

  /** The names of the workbook's sheets, in order. */
  public static List<String> sheetNames(Path xlsx) {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
      List<String> names = new ArrayList<>();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          names.add(sheets.getSheetName());
        }
      }
      return names;
    } catch (IOException | OpenXML4JException | RuntimeException e) {
      throw new SpotlightException(ExitKind.DATA, Location.of(xlsx), "cannot read the workbook: " + e.getMessage(), "is it a valid .xlsx file?");
    }
  }

  /** Writes sheet {@code sheetName} (null: the first) of {@code xlsx} to {@code csv}; a missing sheet is bad input. */
  public static void convert(Path xlsx, String sheetName, Path csv) {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          String name = sheets.getSheetName();
          names.add(name);
          if (sheetName == null || sheetName.equals(name)) {
            write(sheet, styles, strings, csv);
            return;
          }
        }
      }
      throw new SpotlightException(ExitKind.DATA, Location.of(xlsx), "no sheet named '" + sheetName + "'", "sheets are: " + String.join(", ", names));
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
      if (e instanceof SpotlightException se) {
        throw se;
      }
      throw new SpotlightException(ExitKind.DATA, Location.of(xlsx), "cannot read the workbook: " + e.getMessage(), "is it a valid .xlsx file?");
    }
  }

  private static void write(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings, Path csv)
      throws IOException, SAXException, ParserConfigurationException {
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      RowWriter rows = new RowWriter(out);
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      XMLReader xml = factory.newSAXParser().getXMLReader();
      xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDataFormatter(), false));
      xml.parse(new InputSource(sheet));
      rows.finish();
    }
  }

  /** Formats date cells as ISO-8601 and numbers with full precision. */
  private static final class IsoDataFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
        return t.toLocalTime().toSecondOfDay() == 0 && value == Math.floor(value)
            ? t.toLocalDate().toString()
            : t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      }
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      return Double.toString(value);
    }
  }

  /** Collects cells into rows and writes them as CSV; the first row with cells is the header. */
  private static final class RowWriter implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final BufferedWriter out;
    private final List<String> cells = new ArrayList<>();
    private int width = -1;
    private int rowNumber;

    RowWriter(BufferedWriter out) {
      this.out = out;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
      rowNumber = rowNum + 1;
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      int col = new CellReference(ref).getCol();
      while (cells.size() < col) {
        cells.add("");
      }
      cells.add(value == null ? "" : value);
    }

    @Override
    public void endRow(int rowNum) {
      try {
        if (width < 0) {
          if (cells.stream().allMatch(String::isBlank)) {
            return;
          }
          while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
          }
          width = cells.size();
          out.write(ROW_COLUMN);
          for (String c : cells) {
            out.write(',');
            out.write(quote(c));
          }
          out.newLine();
          return;
        }
        if (cells.stream().allMatch(String::isBlank)) {
          return;
        }
        out.write(Integer.toString(rowNumber));
        for (int i = 0; i < width; i++) {
          out.write(',');
          out.write(quote(i < cells.size() ? cells.get(i) : ""));
        }
        out.newLine();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void finish() throws IOException {
      if (width < 0) {
        out.write(ROW_COLUMN);
        out.newLine();
      }
    }

    private static String quote(String s) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
  }
}
