package dev.spotlight.cli.render.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A native Excel chart (DrawingML, through POI's XDDF) drawn from cells of a table on the same sheet,
 * so it stays editable and follows the cells if a reader changes them. Each series references its
 * column and also carries the values as a cache, so viewers that do not recalculate still draw it. A
 * value the table cannot show (suppressed or undefined) is a gap in the series, never a zero.
 */
final class NativeChart {

  /** Series colours: the Okabe–Ito colour-blind-safe palette, as used by the PNG charts. */
  private static final byte[][] PALETTE = {
    {(byte) 0x00, (byte) 0x72, (byte) 0xB2},
    {(byte) 0xE6, (byte) 0x9F, (byte) 0x00},
    {(byte) 0x00, (byte) 0x9E, (byte) 0x73},
    {(byte) 0xCC, (byte) 0x79, (byte) 0xA7},
    {(byte) 0x56, (byte) 0xB4, (byte) 0xE9},
    {(byte) 0xD5, (byte) 0x5E, (byte) 0x00},
    {(byte) 0xF0, (byte) 0xE4, (byte) 0x42},
    {(byte) 0x00, (byte) 0x00, (byte) 0x00},
  };

  /** Columns and rows the chart covers. */
  static final int WIDTH_COLUMNS = 10;

  static final int HEIGHT_ROWS = 20;

  /** One series: its name, the sheet column its values are in, and the values (null for a gap). */
  record Series(String name, int column, Double[] values) {}

  private final String kind;
  private final String title;
  private String valueAxisTitle;
  private String valueFormat;
  private final int firstRow;
  private final int categoryColumn;
  private final String[] categories;
  private final List<Series> series = new ArrayList<>();

  /**
   * @param kind "line" or "bar"
   * @param firstRow the sheet row of the first category (the row under the table's header)
   * @param categoryColumn the column holding the category labels
   */
  NativeChart(String kind, String title, int firstRow, int categoryColumn, List<String> categories) {
    this.kind = kind;
    this.title = title;
    this.firstRow = firstRow;
    this.categoryColumn = categoryColumn;
    this.categories = categories.toArray(String[]::new);
  }

  /** The value axis's title, e.g. the unit of every series. */
  NativeChart valueAxisTitle(String text) {
    this.valueAxisTitle = text;
    return this;
  }

  /** The value axis's number format, e.g. a percent or money format shared by every series. */
  NativeChart valueFormat(String format) {
    this.valueFormat = format;
    return this;
  }

  NativeChart add(Series s) {
    series.add(s);
    return this;
  }

  /** Draws the chart, of at least one series, with its top-left corner at {@code (column, row)} of {@code sheet}. */
  XSSFChart draw(Sheet sheet, int column, int row) {
    if (series.isEmpty()) {
      throw new IllegalStateException("a chart needs at least one series: " + title);
    }
    XSSFSheet target = underlying(sheet);
    XSSFDrawing drawing = target.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, row, column + WIDTH_COLUMNS, row + HEIGHT_ROWS);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    chart.displayBlanksAs(DisplayBlanks.GAP);
    if (series.size() > 1 || !series.get(0).name().equals(title)) {
      // A legend names what is drawn, unless the title already does.
      chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    }

    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
    y.setCrossBetween(AxisCrossBetween.BETWEEN);
    if (valueAxisTitle != null && !valueAxisTitle.isBlank()) {
      y.setTitle(valueAxisTitle);
    }
    y.getOrAddMajorGridProperties().setLineProperties(lineProperties(new byte[] {(byte) 0xD9, (byte) 0xD9, (byte) 0xD9}, 0.75));
    if (valueFormat != null) {
      y.setNumberFormat(valueFormat);
    }

    boolean line = "line".equals(kind);
    XDDFChartData data = chart.createData(line ? ChartTypes.LINE : ChartTypes.BAR, x, y);
    if (data instanceof XDDFBarChartData bar) {
      bar.setBarDirection(BarDirection.COL);
      bar.setVaryColors(false);
    }
    String sheetName = target.getSheetName();
    int lastRow = firstRow + categories.length - 1;
    XDDFCategoryDataSource cats = XDDFDataSourcesFactory.fromArray(
        categories, new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn).formatAsString(sheetName, true));
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(
          s.values(), new CellRangeAddress(firstRow, lastRow, s.column(), s.column()).formatAsString(sheetName, true));
      XDDFChartData.Series added = data.addSeries(cats, values);
      added.setTitle(s.name());
      byte[] rgb = PALETTE[i % PALETTE.length];
      if (added instanceof XDDFLineChartData.Series l) {
        l.setSmooth(false);
        l.setMarkerStyle(MarkerStyle.CIRCLE);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(lineProperties(rgb, 2.25));
        l.setShapeProperties(shape);
      } else {
        added.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
      }
    }
    chart.plot(data);
    return chart;
  }

  private static XDDFLineProperties lineProperties(byte[] rgb, double width) {
    XDDFLineProperties props = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
    props.setWidth(width);
    return props;
  }

  /** The XSSF sheet behind a streaming one: charts live in the sheet's drawing part, which streaming leaves to XSSF. */
  static XSSFSheet underlying(Sheet sheet) {
    if (sheet instanceof SXSSFSheet s) {
      return ((SXSSFWorkbook) s.getWorkbook()).getXSSFWorkbook().getSheet(s.getSheetName());
    }
    return (XSSFSheet) sheet;
  }
}
