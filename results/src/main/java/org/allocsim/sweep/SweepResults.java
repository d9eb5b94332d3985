package org.allocsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allocsim.stats.ReplicationStatistics;

/**
 * A complete sweep's results: every run's summary by run index, and per point the statistics over replications.
 *
 * @param plan the sweep
 * @param summaries per run index, metric label to value
 */
public record SweepResults(SweepPlan plan, List<Map<String, Double>> summaries) {
  public SweepResults {
    summaries = List.copyOf(summaries);
    if (summaries.size() != plan.size()) {
      throw new IllegalArgumentException("a sweep of " + plan.size() + " runs has " + summaries.size());
    }
  }

  /** Reads every run from a store; fails naming the first missing run. */
  public static SweepResults read(SweepPlan plan, RunStore store) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Map<String, Double> s = store.get(i);
      if (s == null) {
        throw new IllegalArgumentException("run " + i + " of the sweep (" + RunStore.fileName(i)
            + ") has not completed");
      }
      out.add(s);
    }
    return new SweepResults(plan, out);
  }

  /** The statistics of one point: per strategy every metric, and every pair's paired differences. */
  public ReplicationStatistics statistics(int point) {
    int strategies = plan.strategies().size();
    List<List<Map<String, Double>>> byReplication = new ArrayList<>();
    for (int r = 0; r < plan.replications(); r++) {
      int first = (point * plan.replications() + r) * strategies;
      byReplication.add(summaries.subList(first, first + strategies));
    }
    return ReplicationStatistics.ofSummaries(plan.strategies(), byReplication);
  }

  /** Metric labels, in summary order. */
  public List<String> metrics() {
    return List.copyOf(summaries.get(0).keySet());
  }

  /** Whether a metric has the same value in every run (its charts would say nothing). */
  public boolean constant(String metric) {
    double v = summaries.get(0).get(metric);
    return summaries.stream().allMatch(s -> Double.compare(s.get(metric), v) == 0);
  }
}
