package org.allocsim.chart;

import java.awt.BasicStroke;
import java.util.List;
import java.util.function.Function;
import org.allocsim.kernel.RunResult;
import org.allocsim.stats.Estimate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A strategy's time series over replications: the mean at each sample, drawn like a single run's line, and the
 * 95% Student-t band around it as two thin edges in the same colour (thin and dotted, so that the band reads in
 * greyscale and does not hide the other strategies as a filled area would).
 */
final class Bands {
  private static final BasicStroke EDGE = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {1.5f, 2.5f}, 0f);

  private Bands() {
  }

  /** Adds the mean line (named name) and, with two or more replicates, the band edges (not in the legend). */
  static void add(XYChart c, String name, List<RunResult> replicates, Function<RunResult, double[]> values,
      int index) {
    RunResult first = replicates.get(0);
    int n = first.series().size();
    for (RunResult r : replicates) {
      n = Math.min(n, r.series().size()); // same grid in every replication; guard a cut-short run anyway
    }
    double[] x = java.util.Arrays.copyOf(Charts.seconds(first.series()), n);
    if (replicates.size() == 1) {
      Charts.add(c, name, x, java.util.Arrays.copyOf(values.apply(first), n), index);
      return;
    }
    double[][] columns = new double[replicates.size()][];
    for (int r = 0; r < columns.length; r++) {
      columns[r] = values.apply(replicates.get(r));
    }
    double[] mean = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] sample = new double[columns.length];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < columns.length; r++) {
        sample[r] = columns[r][i];
      }
      Estimate e = Estimate.of(sample);
      mean[i] = e.mean();
      lower[i] = e.lower();
      upper[i] = e.upper();
    }
    Charts.add(c, name + " (mean)", x, mean, index);
    edge(c, name + " CI low", x, lower, index);
    edge(c, name + " CI high", x, upper, index);
  }

  private static void edge(XYChart c, String name, double[] x, double[] y, int index) {
    if (x.length == 0) {
      return;
    }
    XYSeries s = c.addSeries(name, x, y);
    s.setLineColor(Style.color(index));
    s.setLineStyle(EDGE);
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }
}
