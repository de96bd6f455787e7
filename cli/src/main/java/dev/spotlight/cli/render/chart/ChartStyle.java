package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.CurrencySymbol;
import dev.spotlight.cli.render.ReportContent.MetricInfo;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/** The look every report chart shares: fonts, white background, value axes by unit, legend, source line and footnote. */
final class ChartStyle {

  static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final Shape DOT = new Ellipse2D.Double(-4, -4, 8, 8);

  private static final String FONT = Font.SANS_SERIF;
  private static final Color TEXT = new Color(0x222222);
  private static final Color MUTED = new Color(0x555555);
  private static final Color GRID = new Color(0xDDDDDD);
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.UK);

  private ChartStyle() {}

  /** A chart with the house style around {@code plot}, whose subplots are the spec's unit panels. */
  static JFreeChart chart(ChartSpec spec, CombinedDomainCategoryPlot plot) {
    JFreeChart chart = dressed(new JFreeChart(spec.title(), plot), spec.footnote(), spec.source());
    // One series needs no key: the title says what the bars are.
    if (spec.panels().stream().mapToInt(p -> p.dataset().getRowCount()).sum() <= 1) {
      chart.removeLegend();
    }

    plot.setOutlineVisible(false);
    // getSubplots() is a raw List in JFreeChart 1.5.
    for (Object each : plot.getSubplots()) {
      CategoryPlot subplot = (CategoryPlot) each;
      subplot.setOutlineVisible(false);
      subplot.setDomainGridlinesVisible(false);
      subplot.setRangeGridlineStroke(new BasicStroke(1f));
      subplot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
      subplot.setNoDataMessage(spec.noDataMessage());
      subplot.setNoDataMessageFont(new Font(FONT, Font.PLAIN, 14));
      subplot.setNoDataMessagePaint(MUTED);
    }
    return chart;
  }

  /** The house style on any chart: theme, title and legend at the top left, footnote and source line at the bottom. */
  static JFreeChart dressed(JFreeChart chart, String footnote, String source) {
    theme().apply(chart);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);

    LegendTitle legend = chart.getLegend();
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    // Bottom lines stack outwards in the order added: the source ends up last, under the footnote.
    chart.addSubtitle(bottomLine(source));
    if (footnote != null) {
      chart.addSubtitle(bottomLine(footnote));
    }
    return chart;
  }

  /** A number format for axis ticks: {@code £#,##0} for a currency code, else plain {@code #,##0.##}. */
  static NumberFormat moneyOrNumber(String currency) {
    String number = "#,##0.##";
    return currency == null
        ? new DecimalFormat(number, SYMBOLS)
        : new DecimalFormat("'" + CurrencySymbol.prefix(currency) + "'" + number, SYMBOLS);
  }

  /** A dashed line across the plot at {@code value}, labelled "median …" at its far end. */
  static ValueMarker medianLine(double value, NumberFormat format) {
    ValueMarker marker = new ValueMarker(value, MUTED, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f));
    marker.setLabel("median " + format.format(value));
    marker.setLabelFont(new Font(FONT, Font.PLAIN, 11));
    marker.setLabelPaint(TEXT);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
    marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
    return marker;
  }

  static CategoryAxis categoryAxis(String label) {
    CategoryAxis axis = new CategoryAxis(label.isEmpty() ? null : label);
    axis.setTickMarksVisible(false);
    return axis;
  }

  /**
   * The panel's value axis, labelled with its unit; ticks read in that unit (£1,200, 45%) and are
   * whole numbers when every value is whole, so a count axis never reads 2.5 people.
   */
  static NumberAxis valueAxis(UnitPanel panel) {
    NumberAxis axis = new NumberAxis(panel.unitLabel().isEmpty() ? null : panel.unitLabel());
    axis.setNumberFormatOverride(format(panel, "#,##0.##", "0.#%"));
    if (!isMoney(panel) && !isPercent(panel) && allWhole(panel.dataset())) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    axis.setAutoRangeIncludesZero(true);
    axis.setTickMarksVisible(false);
    return axis;
  }

  /** How a value is printed beside its bar: money to the whole unit, fractions as percent with one decimal. */
  static NumberFormat valueLabelFormat(UnitPanel panel) {
    return isMoney(panel) ? format(panel, "#,##0", "") : format(panel, "#,##0.##", "0.0%");
  }

  private static NumberFormat format(UnitPanel panel, String number, String percent) {
    if (isPercent(panel)) {
      return new DecimalFormat(percent, SYMBOLS);
    }
    if (isMoney(panel)) {
      return new DecimalFormat("'" + CurrencySymbol.prefix(panel.metrics().get(0).unit()) + "'" + number, SYMBOLS);
    }
    return new DecimalFormat(number, SYMBOLS);
  }

  private static boolean isPercent(UnitPanel panel) {
    return panel.metrics().stream().allMatch(MetricInfo::isPercent);
  }

  private static boolean isMoney(UnitPanel panel) {
    List<MetricInfo> metrics = panel.metrics();
    return metrics.stream().allMatch(MetricInfo::isMoney) && metrics.stream().map(MetricInfo::unit).distinct().count() == 1;
  }

  private static boolean allWhole(CategoryDataset dataset) {
    for (int row = 0; row < dataset.getRowCount(); row++) {
      for (int column = 0; column < dataset.getColumnCount(); column++) {
        Number value = dataset.getValue(row, column);
        if (value != null && value.doubleValue() != Math.rint(value.doubleValue())) {
          return false;
        }
      }
    }
    return true;
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("Spotlight");
    theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 18));
    theme.setLargeFont(new Font(FONT, Font.PLAIN, 13));
    theme.setRegularFont(new Font(FONT, Font.PLAIN, 12));
    theme.setSmallFont(new Font(FONT, Font.PLAIN, 11));
    theme.setTitlePaint(TEXT);
    theme.setSubtitlePaint(MUTED);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setItemLabelPaint(TEXT);
    theme.setLegendItemPaint(TEXT);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(GRID);
    theme.setDomainGridlinePaint(GRID);
    theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    Paint[] palette = OkabeItoPalette.SERIES.toArray(new Paint[0]);
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            palette, palette, new Paint[] {Color.WHITE}, new Stroke[] {LINE}, new Stroke[] {new BasicStroke(1f)}, new Shape[] {DOT}));
    return theme;
  }

  private static TextTitle bottomLine(String text) {
    TextTitle title = new TextTitle(text, new Font(FONT, Font.PLAIN, 11));
    title.setPaint(MUTED);
    title.setPosition(RectangleEdge.BOTTOM);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setTextAlignment(HorizontalAlignment.LEFT);
    title.setPadding(new RectangleInsets(4, 0, 0, 0));
    return title;
  }
}
