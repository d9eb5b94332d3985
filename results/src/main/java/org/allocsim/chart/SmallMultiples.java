package org.allocsim.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Panels that share the x axis and the series styles: one per value combination of a sweep's other factors. */
public final class SmallMultiples {
  private static final int PANEL = 200;

  private SmallMultiples() {
  }

  /**
   * names: each panel's label (empty for a single panel); data: each panel's series, means with their 95% interval
   * as error bars, in the same series order in every panel.
   */
  public static Figure errorBars(String title, String xTitle, String yTitle, boolean integral, List<String> names,
      List<YIntervalSeriesCollection> data) {
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Style.axis(xTitle, false));
    plot.setGap(8);
    double low = Double.MAX_VALUE;
    double high = -Double.MAX_VALUE;
    for (YIntervalSeriesCollection c : data) {
      for (int s = 0; s < c.getSeriesCount(); s++) {
        for (int i = 0; i < c.getItemCount(s); i++) {
          low = Math.min(low, c.getStartYValue(s, i));
          high = Math.max(high, c.getEndYValue(s, i));
        }
      }
    }
    for (int p = 0; p < data.size(); p++) {
      XYErrorRenderer r = new XYErrorRenderer();
      r.setDrawXError(false);
      r.setDefaultLinesVisible(true);
      r.setErrorPaint(null); // the series colour
      r.setErrorStroke(new java.awt.BasicStroke(1.5f));
      for (int s = 0; s < data.get(p).getSeriesCount(); s++) {
        r.setSeriesPaint(s, Style.color(s));
        r.setSeriesStroke(s, Style.stroke(s));
        r.setSeriesShape(s, SHAPES[s % SHAPES.length]);
      }
      NumberAxis y = Style.axis(yTitle, integral);
      y.setAutoRangeIncludesZero(false);
      double bottom = Math.min(0, low);
      // Headroom above the highest bar for the panel's label, so that it never hides a point.
      double pad = Math.max((high - bottom) * 0.22, Math.abs(high) * 0.01 + 1e-9);
      y.setRange(bottom - (low < 0 ? pad / 4 : 0), high + pad);
      XYPlot panel = new XYPlot(data.get(p), null, y, r);
      Style.grid(panel);
      if (!names.get(p).isEmpty()) {
        TextTitle label = new TextTitle(names.get(p), Style.LABEL);
        panel.addAnnotation(new XYTitleAnnotation(0.01, 0.98, label, RectangleAnchor.TOP_LEFT));
      }
      plot.add(panel);
    }
    LegendItemCollection legend = plot.getSubplots().get(0).getLegendItems();
    plot.setFixedLegendItems(legend);
    JFreeChart chart = Style.apply(new JFreeChart(title, Style.TITLE, plot, true));
    return new Figure(chart, Style.WIDTH, data.size() == 1 ? Style.HEIGHT : 140 + PANEL * data.size());
  }

  private static final java.awt.Shape[] SHAPES = {ShapeUtils.createDiamond(4), new java.awt.Rectangle(-3, -3, 6, 6),
      ShapeUtils.createUpTriangle(4), ShapeUtils.createDownTriangle(4), new java.awt.geom.Ellipse2D.Double(-3.5,
          -3.5, 7, 7), ShapeUtils.createDiagonalCross(3, 1), ShapeUtils.createRegularCross(4, 1),
      new java.awt.Rectangle(-2, -4, 4, 8)};
}
