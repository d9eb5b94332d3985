package org.allocsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Colours from the Okabe–Ito palette (its yellow swapped for grey, which white paper does not swallow), paired with
 * dash patterns, so that series stay apart in colour, in greyscale and for colour-blind readers; sizes fit a
 * mailing-list attachment (800x480); ticks in round steps (1, 2, 5 times a power of ten) without exponents.
 */
public final class Style {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 480;
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private static final Color[] COLORS = {
      new Color(0x00, 0x00, 0x00), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x72, 0xB2),
      new Color(0x80, 0x80, 0x80), new Color(0xD5, 0x5E, 0x00), new Color(0x56, 0xB4, 0xE9),
      new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7)};
  private static final float[][] DASHES = {null, {10f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {16f, 5f},
      {5f, 5f}, {2f, 2f, 8f, 2f}, {1f, 4f}};

  private Style() {
  }

  public static Color color(int i) {
    return COLORS[i % COLORS.length];
  }

  public static BasicStroke stroke(int i) {
    float[] dash = DASHES[i % DASHES.length];
    return dash == null ? new BasicStroke(2.25f) : new BasicStroke(2.25f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** Fonts, background, and the legend under the plot, where it wraps instead of being cut. */
  static JFreeChart apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(TITLE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setItemFont(LABEL);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    Plot p = chart.getPlot();
    p.setBackgroundPaint(Color.WHITE);
    p.setOutlinePaint(Color.GRAY);
    if (p instanceof XYPlot xy) {
      grid(xy);
    }
    return chart;
  }

  static void grid(XYPlot xy) {
    xy.setBackgroundPaint(Color.WHITE);
    xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
  }

  /** A number axis with round ticks: integers only when integral is set (counts). */
  static NumberAxis axis(String label, boolean integral) {
    NumberAxis a = new NumberAxis(label);
    a.setLabelFont(LABEL);
    a.setTickLabelFont(TICK);
    a.setStandardTickUnits(ticks(integral));
    a.setAutoRangeIncludesZero(true);
    return a;
  }

  /** 1, 2 and 5 times powers of ten, written in full with thousands separators and no trailing zeros. */
  static TickUnits ticks(boolean integral) {
    TickUnits units = new TickUnits();
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    for (int exp = integral ? 0 : -4; exp <= 12; exp++) {
      for (int m : new int[] {1, 2, 5}) {
        double size = m * Math.pow(10, exp);
        DecimalFormat f = new DecimalFormat(exp >= 0 ? "#,##0" : "#,##0." + "0".repeat(-exp), symbols);
        units.add(new NumberTickUnit(size, f, exp <= 0 ? 1 : m == 2 ? 4 : 5));
      }
    }
    return units;
  }
}
