package org.allocsim.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.stats.Estimate;

/**
 * The charts of one run set, each a {@link Figure} to render with {@link Render}. A chart that would only show
 * zeros (no failed allocation, no refused load) is left out: the text says so in one line.
 */
public final class Charts {
  private Charts() {}

  /**
   * Chart file stem to figure, in a fixed order. replicated: every replication's runs, each in the same strategy
   * order; with several, the time series show the mean and its 95% band, and the breakdown the first replication.
   */
  public static Map<String, Figure> all(String scenario, List<List<RunResult>> replicated) {
    List<RunResult> results = replicated.get(0);
    String over = replicated.size() > 1 ? " (mean, 95% band, n=" + replicated.size() + ")" : "";
    Scale time = Scale.time((double) endNs(results));
    Map<String, Figure> out = new LinkedHashMap<>();
    double peak = 1;
    for (RunResult r : replicated.stream().flatMap(List::stream).toList()) {
      for (long v : r.series().values(Metric.TOTAL_BYTES)) {
        peak = Math.max(peak, (double) v);
      }
    }
    Scale bytes = Scale.bytes(peak);
    out.put("memory", lines(scenario + ": allocator memory" + over, time, bytes.label("memory"), false, null,
        replicated, r -> bytes.apply(r.series().values(Metric.TOTAL_BYTES))));
    out.put("breakdown", Breakdown.chart(scenario, results, time));
    Ticks tens = Ticks.of(0, 100, 10, true, true); // every 10%, with room above 100% for a line at the top
    Ticks warm = new Ticks(0, 104, tens.at(), tens.labels(), true);
    out.put("warmth", lines(scenario + ": warm share of allocations per interval" + over, time,
        "warm allocations (%)", false, warm, replicated, r -> percent(r.series().warmSharePerInterval())));
    Figure rejections = Rejections.chart(scenario, results);
    if (rejections != null) {
      out.put("rejections", rejections);
    }
    if (anyNonZero(replicated, Metric.FAILED_ALLOCS)) {
      out.put("failed-allocs", lines(scenario + ": failed allocations (cumulative)" + over, time, "allocations",
          true, null, replicated, r -> Scale.ONE.apply(r.series().values(Metric.FAILED_ALLOCS))));
    }
    if (anyNonZero(replicated, Metric.LIVE_ALLOCATORS)) {
      out.put("allocators", lines(scenario + ": live allocators" + over, time, "allocators", true, null,
          replicated, r -> Scale.ONE.apply(r.series().values(Metric.LIVE_ALLOCATORS))));
    }
    return out;
  }

  private static boolean anyNonZero(List<List<RunResult>> replicated, Metric m) {
    for (List<RunResult> rep : replicated) {
      for (RunResult r : rep) {
        for (long v : r.series().values(m)) {
          if (v != 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static double[] percent(double[] fractions) {
    double[] out = new double[fractions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = 100 * fractions[i];
    }
    return out;
  }

  static long endNs(List<RunResult> results) {
    long end = 0;
    for (RunResult r : results) {
      MetricSeries s = r.series();
      if (s.size() > 0) {
        end = Math.max(end, s.time(s.size() - 1));
      }
    }
    return end;
  }

  static double[] seconds(MetricSeries s, Scale time) {
    return time.apply(s.times());
  }

  /** One line per strategy: its values, or with replications their mean at each sample and the 95% band. */
  private static Figure lines(String title, Scale time, String yTitle, boolean integral, Ticks y,
      List<List<RunResult>> replicated, Function<RunResult, double[]> values) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < replicated.get(0).size(); i++) {
      final int s = i;
      lines.add(line(replicated.stream().map(r -> r.get(s)).toList(), values, time, i));
    }
    return Lines.chart(title, time.label("time"), yTitle, integral, y, lines);
  }

  private static Line line(List<RunResult> replicates, Function<RunResult, double[]> values, Scale time, int index) {
    RunResult first = replicates.get(0);
    int n = first.series().size();
    for (RunResult r : replicates) {
      n = Math.min(n, r.series().size()); // the same grid in every replication; guard a cut-short run anyway
    }
    double[] x = java.util.Arrays.copyOf(seconds(first.series(), time), n);
    if (replicates.size() == 1) {
      return new Line(first.strategy(), index, x, java.util.Arrays.copyOf(values.apply(first), n), null, null);
    }
    double[][] columns = replicates.stream().map(values).toArray(double[][]::new);
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
    return new Line(first.strategy(), index, x, mean, lower, upper);
  }
}
