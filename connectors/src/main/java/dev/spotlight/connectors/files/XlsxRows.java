package dev.spotlight.connectors.files;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.InputStream;
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
 * Streams the rows of an XLSX workbook, sheet by sheet, as lists of cell texts: rich-text cells as
 * their plain text, date cells as ISO-8601, numbers as Excel stores them (full precision), never as
 * formatted for display. DTDs are refused. A reader may stop a sheet early.
 */
public final class XlsxRows {

  /** Receives the rows of one sheet. */
  public interface SheetReader {
    /** One row with at least one non-blank cell ({@code row} counts from 1, as Excel shows it); false stops this sheet. */
    boolean row(int row, List<String> cells);
  }

  /** Chooses which sheets to read. */
  public interface Workbook {
    /** The reader for sheet {@code name}, or null to pass it over. */
    SheetReader sheet(String name);
  }

  private XlsxRows() {}

  /** The names of the workbook's sheets, in order, without reading any sheet. */
  public static List<String> sheetNames(java.nio.file.Path xlsx) {
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
      throw notAWorkbook(xlsx, e);
    }
  }

  /** Reads {@code xlsx}; anything that is not a readable workbook is bad input naming the file. */
  public static void read(java.nio.file.Path xlsx, Workbook workbook) {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          SheetReader rows = workbook.sheet(sheets.getSheetName());
          if (rows != null) {
            parse(sheet, styles, strings, rows);
          }
        }
      }
    } catch (SpotlightException e) {
      throw e;
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
      throw notAWorkbook(xlsx, e);
    }
  }

  private static SpotlightException notAWorkbook(java.nio.file.Path xlsx, Exception e) {
    return new SpotlightException(ExitKind.DATA, Location.of(xlsx), "cannot read the workbook: " + e.getMessage(), "is it a valid .xlsx file?");
  }

  private static void parse(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings, SheetReader rows)
      throws IOException, SAXException, ParserConfigurationException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    XMLReader xml = factory.newSAXParser().getXMLReader();
    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(rows), new IsoDataFormatter(), false));
    try {
      xml.parse(new InputSource(sheet));
    } catch (StopSheet stop) {
      // the reader has what it wanted from this sheet
    }
  }

  /** Thrown through the SAX parser to stop reading a sheet. */
  private static final class StopSheet extends RuntimeException {
    StopSheet() {
      super(null, null, false, false);
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

  /** Collects cells into rows, placing each by its column letter. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final SheetReader reader;
    private final List<String> cells = new ArrayList<>();

    Rows(SheetReader reader) {
      this.reader = reader;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
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
      if (cells.stream().allMatch(String::isBlank)) {
        return;
      }
      if (!reader.row(rowNum + 1, List.copyOf(cells))) {
        throw new StopSheet();
      }
    }
  }
}
