package org.allocsim.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A chart of lines drawn as steps (a sampled value holds until the next sample). Lines that draw exactly the same points are
 * drawn once, under one legend entry naming them all ("a = b = c"), so that no legend entry points at a hidden
 * line; with replications each line carries its 95% band as a light area.
 */
final class Lines {
  /** Buckets of the min/max thinning: about one point per pixel column of the plot. */
  static final int BUCKETS = 700;
  private static final int PANEL = 360;

  private Lines() {}

  /** Groups coinciding lines; each group keeps the first line's style and names all its members. */
  static List<Line> merged(List<Line> lines) {
    List<List<Line>> groups = new ArrayList<>();
    for (Line l : lines) {
      List<Line> home = null;
      for (List<Line> g : groups) {
        if (g.get(0).coincides(l)) {
          home = g;
          break;
        }
      }
      if (home == null) {
        groups.add(home = new ArrayList<>());
      }
      home.add(l);
    }
    List<Line> out = new ArrayList<>();
    for (List<Line> g : groups) {
      out.add(g.size() == 1 ? g.get(0) : g.get(0).named(String.join(" = ", g.stream().map(Line::label).toList())
          + " (identical)"));
    }
    return out;
  }

  /**
   * The chart of lines against time. y: a fixed axis, or null for round ticks around the values (whole numbers when
   * integral is set: counts).
   */
  static Figure chart(String title, String xTitle, String yTitle, boolean integral, Ticks y, List<Line> lines) {
    List<Line> drawn = merged(lines).stream().map(l -> l.thinned(BUCKETS).stepped()).toList();
    XYChart c = Style.plot();
    double xMin = Double.MAX_VALUE;
    double xMax = -Double.MAX_VALUE;
    double low = 0;
    double high = integral ? 1 : 0;
    List<Axes.Key> keys = new ArrayList<>();
    for (Line l : drawn) {
      double[] x = l.x();
      if (x.length == 0) {
        continue;
      }
      xMin = Math.min(xMin, x[0]);
      xMax = Math.max(xMax, x[x.length - 1]);
      for (double v : l.lower() == null ? l.y() : l.lower()) {
        low = Math.min(low, v);
      }
      for (double v : l.upper() == null ? l.y() : l.upper()) {
        high = Math.max(high, v);
      }
      if (l.lower() != null) { // the band first, under every line: a polygon along the upper edge and back
        double[] px = new double[2 * x.length];
        double[] py = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
          px[i] = x[i];
          py[i] = l.upper()[i];
          px[2 * x.length - 1 - i] = x[i];
          py[2 * x.length - 1 - i] = l.lower()[i];
        }
        XYSeries band = c.addSeries(l.label() + " (95% band)", px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setLineStyle(SeriesLines.NONE);
        band.setFillColor(Style.band(l.style()));
      }
    }
    for (Line l : drawn) {
      if (l.x().length == 0) {
        continue;
      }
      // Smooth: XChart then draws the line as one path (dashes that run on, a small SVG); a step's segments are
      // horizontal or vertical, so its curves are straight.
      XYSeries s = c.addSeries(l.label(), l.x(), l.y());
      s.setSmooth(true);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Style.color(l.style()));
      s.setLineStyle(Style.stroke(l.style()));
      keys.add(new Axes.Key(l.label(), Style.color(l.style()), Style.stroke(l.style()), null));
    }
    if (xMin >= xMax) {
      xMin = 0;
      xMax = Math.max(1, xMax);
    }
    Ticks x = Ticks.of(xMin, xMax, 8, false, false);
    Ticks ys = y != null ? y : Ticks.of(low, high * 1.02, 6, integral, true);
    return new Figure(new Axes(title, xTitle, yTitle, x, List.of(new Axes.Panel(c, ys, "")), keys,
        PANEL));
  }
}
