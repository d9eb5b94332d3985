package org.allocsim.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Panels that share the x axis and the series styles: one per value combination of a sweep's other factors. */
public final class SmallMultiples {
  private static final int PANEL = 170;

  private SmallMultiples() {}

  /**
   * One series of a panel: at each x the mean and the half width of its 95% interval (0 when unknown).
   *
   * @param name the strategy
   * @param x x values, in the axis unit
   * @param mean means, in the axis unit
   * @param half half widths, in the axis unit
   */
  @SuppressWarnings("ArrayRecordComponent") // a carrier from the sweep to the panels, never compared
  public record Series(String name, double[] x, double[] mean, double[] half) {}

  /**
   * names: each panel's label (empty for a single panel); data: each panel's series, in the same order in every
   * panel, drawn as XChart lines with markers and error bars; integral: counts, whole ticks.
   */
  public static Figure errorBars(String title, String xTitle, String yTitle, boolean integral, List<String> names,
      List<List<Series>> data) {
    double low = Double.MAX_VALUE;
    double high = -Double.MAX_VALUE;
    double xMin = Double.MAX_VALUE;
    double xMax = -Double.MAX_VALUE;
    for (List<Series> panel : data) {
      for (Series s : panel) {
        for (int i = 0; i < s.x().length; i++) {
          low = Math.min(low, s.mean()[i] - s.half()[i]);
          high = Math.max(high, s.mean()[i] + s.half()[i]);
          xMin = Math.min(xMin, s.x()[i]);
          xMax = Math.max(xMax, s.x()[i]);
        }
      }
    }
    double bottom = Math.min(0, low);
    // Headroom above the highest bar for the panel's label, so that it never hides a point.
    double pad = Math.max((high - bottom) * 0.22, Math.abs(high) * 0.01 + 1e-9);
    Ticks round = Ticks.of(bottom - (low < 0 ? pad / 4 : 0), high + pad, data.size() == 1 ? 6 : 3, integral, true);
    // A little room under the lowest tick, so that a point at zero is not cut by the frame.
    Ticks y = new Ticks(round.lo() - (round.hi() - round.lo()) * 0.04, round.hi(), round.at(), round.labels(), true);
    double margin = xMax > xMin ? (xMax - xMin) * 0.04 : 0.5; // markers off the frame
    boolean whole = data.stream().flatMap(List::stream).flatMap(s -> java.util.Arrays.stream(s.x()).boxed())
        .allMatch(v -> v == Math.rint(v));
    Ticks x = Ticks.of(xMin - margin, xMax + margin, 8, whole, false);
    List<Axes.Panel> panels = new ArrayList<>();
    for (int p = 0; p < data.size(); p++) {
      XYChart c = Style.plot();
      for (int s = 0; s < data.get(p).size(); s++) {
        Series d = data.get(p).get(s);
        XYSeries line = c.addSeries(d.name(), d.x(), d.mean(), d.half());
        line.setMarker(Style.marker(s));
        line.setMarkerColor(Style.color(s));
        line.setLineColor(Style.color(s));
        line.setLineStyle(Style.stroke(s));
      }
      panels.add(new Axes.Panel(c, y, names.get(p)));
    }
    List<Axes.Key> keys = new ArrayList<>();
    for (int s = 0; s < data.get(0).size(); s++) {
      keys.add(new Axes.Key(data.get(0).get(s).name(), Style.color(s), Style.stroke(s), Style.marker(s)));
    }
    return new Figure(new Axes(title, xTitle, yTitle, x, panels, keys, data.size() == 1 ? 360 : PANEL));
  }
}
