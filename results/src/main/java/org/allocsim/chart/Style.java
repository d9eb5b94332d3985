package org.allocsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Colours from the Okabe–Ito palette (its yellow swapped for grey, which white paper does not swallow), paired with dash patterns, so that series stay apart in
 * colour, in greyscale and for colour-blind readers; sizes fit a mailing-list attachment (800x480).
 */
public final class Style {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 480;

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
    return dash == null ? new BasicStroke(2.2f) : new BasicStroke(2.2f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** Fonts, legend and background common to every chart. */
  public static void apply(Chart<?, ?> chart) {
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAntiAlias(true);
  }
}
