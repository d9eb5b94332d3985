package org.allocsim.report;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.stats.ReplicationStatistics;

/**
 * summary.txt: plain text at most 72 columns wide, fit to paste into a mailing-list reply — the per-strategy
 * table, ASCII charts of memory and warmth, the refused loads with their reasons, and the command that reproduces
 * the run.
 */
public final class SummaryText {
  public static final int WIDTH = 72;
  private static final int CHART_WIDTH = WIDTH - 23;

  private SummaryText() {}

  public static String render(RunSet set) {
    StringBuilder b = new StringBuilder();
    b.append(Wrap.lines("allocsim " + set.version() + ": scenario " + set.scenario() + ", seed " + set.seed(), ""));
    b.append(Wrap.lines(set.description(), ""));
    b.append('\n');
    if (set.replications() > 1) {
      b.append(StatisticsText.render(ReplicationStatistics.of(set.replicated())));
    } else {
      b.append(SummaryTable.render(set.results()));
    }
    b.append('\n').append(SummaryTable.LEGEND);
    long end = endOf(set);
    String first = set.replications() > 1 ? ", first replication" : "";
    b.append("\nTotal allocator memory over time").append(first).append('\n');
    b.append(AsciiChart.render(series(set, Metric.TOTAL_BYTES, 1), end, CHART_WIDTH,
        v -> Units.memory(Math.round(v))));
    List<AsciiChart.Series> warmth = warmth(set);
    if (warmth.stream().allMatch(s -> java.util.Arrays.stream(s.values()).allMatch(v -> v == 0))) {
      b.append("\nNo allocation was served warm.\n");
    } else {
      b.append("\nWarm share of allocations, per sample interval").append(first).append('\n');
      b.append(AsciiChart.render(warmth, end, CHART_WIDTH, v -> Units.percent(v) + " warm"));
    }
    b.append(violations(set));
    b.append(Refusals.render(set.results()));
    b.append("\nReproduce with:\n");
    b.append(Wrap.command(set.command(), WIDTH));
    return b.toString();
  }

  static long endOf(RunSet set) {
    long end = 0;
    for (RunResult r : set.results()) {
      if (r.series().size() > 0) {
        end = Math.max(end, r.series().time(r.series().size() - 1));
      }
    }
    return end;
  }

  static List<AsciiChart.Series> series(RunSet set, Metric m, double scale) {
    List<AsciiChart.Series> out = new ArrayList<>();
    for (RunResult r : set.results()) {
      long[] v = r.series().values(m);
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        d[i] = v[i] * scale;
      }
      out.add(new AsciiChart.Series(r.strategy(), r.series().times(), d));
    }
    return out;
  }

  private static List<AsciiChart.Series> warmth(RunSet set) {
    List<AsciiChart.Series> out = new ArrayList<>();
    for (RunResult r : set.results()) {
      out.add(new AsciiChart.Series(r.strategy(), r.series().times(), r.series().warmSharePerInterval()));
    }
    return out;
  }

  private static String violations(RunSet set) {
    StringBuilder b = new StringBuilder();
    for (RunResult r : set.results()) {
      for (ViolationKind k : ViolationKind.values()) {
        if (r.violations(k) > 0) {
          b.append(Wrap.lines(r.strategy() + ": " + r.violations(k) + " x " + k.label() + " (" + k.description()
              + ")", "    "));
        }
      }
    }
    return b.length() == 0 ? "\nSafety oracle: no findings.\n" : "\nSafety oracle findings:\n" + b;
  }
}
