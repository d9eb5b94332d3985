package org.allocsim.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

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
  private static final int PANEL = 105;

  private Breakdown() {
  }

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
    NumberAxis x = Style.axis(time.label("time"), false);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
    plot.setGap(6);
    List<String> names = new ArrayList<>(results.stream().map(RunResult::strategy).toList());
    for (int i = 0; i < panels.size(); i++) {
      List<String> same = new ArrayList<>(List.of(names.get(i)));
      for (int j = panels.size() - 1; j > i; j--) {
        if (coincide(panels.get(i), panels.get(j))) {
          same.add(1, names.remove(j));
          panels.remove(j);
        }
      }
      plot.add(panel(String.join(" = ", same), panels.get(i), bytes, max));
    }
    LegendItemCollection legend = new LegendItemCollection();
    for (int b = 0; b < BANDS.length; b++) {
      legend.add(new LegendItem(NAMES[b], null, null, null, new java.awt.Rectangle(10, 10), Style.color(b + 1)));
    }
    plot.setFixedLegendItems(legend);
    JFreeChart chart = Style.apply(new JFreeChart(scenario + ": memory by category, per strategy", Style.TITLE,
        plot, true));
    return new Figure(chart, Style.WIDTH, 110 + panels.size() * PANEL);
  }

  private static boolean coincide(List<Line> a, List<Line> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).coincides(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static XYPlot panel(String name, List<Line> bands, Scale bytes, double max) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
    r.setOutline(false);
    int[] kept = bands.get(0).kept(Lines.BUCKETS); // the total's extremes, the same points for every band
    for (int k = 0; k < bands.size(); k++) {
      Line l = bands.get(k).select(kept).stepped();
      XYSeries s = new XYSeries(l.label(), false, true);
      for (int i = 0; i < l.x().length; i++) {
        s.add(l.x()[i], l.y()[i] * bytes.factor());
      }
      data.addSeries(s);
      r.setSeriesPaint(k, Style.color(l.style()));
      r.setSeriesStroke(k, new BasicStroke(0f));
    }
    NumberAxis y = Style.axis(bytes.unit(), false);
    y.setRange(0, max * bytes.factor() * 1.25); // headroom for the panel's label above the highest band
    XYPlot p = new XYPlot(data, null, y, r);
    p.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    Style.grid(p);
    TextTitle label = new TextTitle(name, Style.LABEL);
    p.addAnnotation(new XYTitleAnnotation(0.01, 0.98, label, RectangleAnchor.TOP_LEFT));
    return p;
  }
}
