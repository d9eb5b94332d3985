package org.allocsim.chart;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The memory breakdown — live, cached, waiting for a grace period, overhead, stranded — as small multiples: one
 * panel of stacked areas per strategy, all on one memory scale and one time axis, so the designs compare at a
 * glance. Strategies with identical breakdowns share a panel. Each band is drawn as the cumulative sum up to it,
 * from the top band down, each painted over the one above.
 */
final class Breakdown {
  private static final Metric[] BANDS = {Metric.LIVE_BYTES, Metric.CACHED_BYTES, Metric.WAITING_BYTES,
      Metric.OVERHEAD_BYTES, Metric.STRANDED_BYTES};
  private static final String[] NAMES = {"live", "cached", "waiting for a grace period", "overhead", "stranded"};
  private static final int PANEL = 96;

  private Breakdown() {}

  static Figure chart(String scenario, List<RunResult> results, Scale time) {
    double max = 1;
    List<List<Line>> panels = new ArrayList<>(); // per strategy, its cumulative bands, top band first
    for (RunResult r : results) {
      MetricSeries s = r.series();
      double[] x = Charts.seconds(s, time);
      double[] sum = new double[s.size()];
      List<Line> bands = new ArrayList<>();
      for (int b = 0; b < BANDS.length; b++) {
        for (int i = 0; i < s.size(); i++) {
          sum[i] += s.value(BANDS[b], i);
          max = Math.max(max, sum[i]);
        }
        bands.add(0, new Line(NAMES[b], b + 1, x, sum.clone(), null, null));
      }
      panels.add(bands);
    }
    Scale bytes = Scale.bytes(max);
    Ticks y = Ticks.of(0, max * bytes.factor() * 1.25, 4, false, true); // headroom for each panel's label
    List<String> names = new ArrayList<>(results.stream().map(RunResult::strategy).toList());
    List<Axes.Panel> drawn = new ArrayList<>();
    for (int i = 0; i < panels.size(); i++) {
      List<String> same = new ArrayList<>(List.of(names.get(i)));
      for (int j = panels.size() - 1; j > i; j--) {
        if (coincide(panels.get(i), panels.get(j))) {
          same.add(1, names.remove(j));
          panels.remove(j);
        }
      }
      drawn.add(new Axes.Panel(panel(panels.get(i), bytes), y, String.join(" = ", same)));
    }
    List<Axes.Key> keys = new ArrayList<>();
    for (int b = 0; b < BANDS.length; b++) {
      keys.add(Axes.Key.box(NAMES[b], Style.color(b + 1)));
    }
    double end = time.factor() * Charts.endNs(results);
    return new Figure(new Axes(scenario + ": memory by category, per strategy", time.label("time"),
        bytes.label("memory"), Ticks.of(0, end > 0 ? end : 1, 8, false, false), drawn, keys, PANEL));
  }

  private static boolean coincide(List<Line> a, List<Line> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).coincides(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The bands as XChart areas, the total first, each painted over the one above it. */
  private static XYChart panel(List<Line> bands, Scale bytes) {
    XYChart c = Style.plot();
    int[] kept = bands.get(0).kept(Lines.BUCKETS); // the total's extremes, the same points for every band
    for (Line band : bands) {
      Line l = band.select(kept).stepped();
      double[] y = new double[l.y().length];
      for (int i = 0; i < y.length; i++) {
        y[i] = l.y()[i] * bytes.factor();
      }
      XYSeries s = c.addSeries(l.label(), l.x(), y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineStyle(SeriesLines.NONE);
      s.setFillColor(Style.color(l.style()));
    }
    return c;
  }
}
