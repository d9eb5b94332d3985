package org.allocsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Colours from the Okabe–Ito palette (its yellow swapped for grey, which white paper does not swallow), paired with
 * dash patterns and markers, so that series stay apart in colour, in greyscale and for colour-blind readers; sizes
 * fit a mailing-list attachment (800x480).
 */
public final class Style {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 480;
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Color CLEAR = new Color(0, 0, 0, 0);

  private static final Color[] COLORS = {
      new Color(0x00, 0x00, 0x00), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x72, 0xB2),
      new Color(0x80, 0x80, 0x80), new Color(0xD5, 0x5E, 0x00), new Color(0x56, 0xB4, 0xE9),
      new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7)};
  private static final float[][] DASHES = {null, {10f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {16f, 5f},
      {5f, 5f}, {2f, 2f, 8f, 2f}, {1f, 4f}};
  private static final Marker[] MARKERS = {SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP,
      SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CIRCLE, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
      SeriesMarkers.RECTANGLE};
  /** Layout measures text here, not on the target, so that the PNG and the SVG of a figure share one layout. */
  private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

  private Style() {}

  public static Color color(int i) {
    return COLORS[i % COLORS.length];
  }

  public static BasicStroke stroke(int i) {
    float[] dash = DASHES[i % DASHES.length];
    return dash == null ? new BasicStroke(2.25f) : new BasicStroke(2.25f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  static Marker marker(int i) {
    return MARKERS[i % MARKERS.length];
  }

  /** The colour at a quarter strength: a band behind its line. */
  static Color band(int i) {
    Color c = color(i);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), 64);
  }

  static synchronized FontMetrics metrics(Font f) {
    return MEASURE.getFontMetrics(f);
  }

  /**
   * An XYChart that draws only the data: no title, legend, axis titles, tick labels, grid or background. XChart
   * writes its text as glyph outlines; {@link Axes} draws every text with drawString instead, so that an SVG holds
   * real text.
   */
  static XYChart plot() {
    XYChart c = new XYChart(WIDTH, HEIGHT);
    XYStyler s = c.getStyler();
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setAxisTitlesVisible(false);
    s.setAxisTicksVisible(false);
    s.setPlotGridLinesVisible(false);
    s.setPlotBorderVisible(false);
    s.setChartPadding(0);
    s.setPlotMargin(0);
    s.setPlotContentSize(1.0);
    s.setChartBackgroundColor(CLEAR);
    s.setPlotBackgroundColor(CLEAR);
    s.setAntiAlias(true);
    s.setMarkerSize(8);
    s.setErrorBarsColorSeriesColor(true);
    return c;
  }
}
