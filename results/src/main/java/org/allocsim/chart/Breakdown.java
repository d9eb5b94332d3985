package org.allocsim.chart;

import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The memory breakdown of one strategy as stacked areas: live, cached, waiting for a grace period, overhead,
 * stranded. XChart has no stacked XY areas, so each band is drawn as the cumulative sum up to it, from the top
 * band down, each painted over the one above.
 */
final class Breakdown {
  private static final Metric[] BANDS = {Metric.LIVE_BYTES, Metric.CACHED_BYTES, Metric.WAITING_BYTES,
      Metric.OVERHEAD_BYTES, Metric.STRANDED_BYTES};
  private static final String[] NAMES = {"live", "cached", "waiting for a grace period", "overhead", "stranded"};

  private Breakdown() {
  }

  static XYChart chart(String scenario, RunResult r) {
    XYChart c = new XYChartBuilder().width(Style.WIDTH).height(Style.HEIGHT)
        .title(scenario + ": memory of " + r.strategy()).xAxisTitle("time (s)").yAxisTitle("MiB").build();
    Style.apply(c);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
    MetricSeries s = r.series();
    double[] x = Charts.seconds(s);
    double[][] cumulative = new double[BANDS.length][s.size()];
    for (int i = 0; i < s.size(); i++) {
      double sum = 0;
      for (int b = 0; b < BANDS.length; b++) {
        sum += s.value(BANDS[b], i) / (double) (1 << 20);
        cumulative[b][i] = sum;
      }
    }
    if (x.length == 0) {
      x = new double[] {0};
      for (int b = 0; b < BANDS.length; b++) {
        cumulative[b] = new double[] {0};
      }
    }
    for (int b = BANDS.length - 1; b >= 0; b--) {
      XYSeries series = c.addSeries(NAMES[b], x, cumulative[b]);
      series.setFillColor(Style.color(b + 1));
      series.setLineColor(Style.color(b + 1)); // the legend draws the line colour
      series.setLineStyle(Charts.solid());
      series.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }
}
