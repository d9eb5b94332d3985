package org.allocsim.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RunResult;

/**
 * Per strategy, every summary metric over the replications; per pair of strategies, the paired difference of every
 * summary metric (first minus second, replication by replication).
 *
 * @param replications number of replications
 * @param strategies per strategy, in the order run: metric label to estimate
 * @param pairs every unordered pair of strategies, in run order
 */
public record ReplicationStatistics(int replications, Map<String, Map<String, Estimate>> strategies,
    List<Pair> pairs) {

  /**
   * The paired differences of two strategies.
   *
   * @param first the strategy subtracted from
   * @param second the strategy subtracted
   * @param differences metric label to the estimate of first - second
   */
  public record Pair(String first, String second, Map<String, Estimate> differences) {}

  /** runs: every replication's runs, each replication listing the same strategies in the same order. */
  public static ReplicationStatistics of(List<List<RunResult>> runs) {
    List<String> names = runs.get(0).stream().map(RunResult::strategy).toList();
    List<List<Map<String, Double>>> summaries = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      List<Map<String, Double>> row = new ArrayList<>();
      for (int s = 0; s < names.size(); s++) {
        if (!runs.get(r).get(s).strategy().equals(names.get(s))) {
          throw new IllegalArgumentException("replication " + r + " runs strategies in another order");
        }
        row.add(runs.get(r).get(s).summary().asMap());
      }
      summaries.add(row);
    }
    return ofSummaries(names, summaries);
  }

  /**
   * names: the strategies; summaries: per replication, per strategy (in names order), metric label to value.
   */
  public static ReplicationStatistics ofSummaries(List<String> names, List<List<Map<String, Double>>> summaries) {
    Map<String, Map<String, double[]>> samples = new LinkedHashMap<>();
    for (int s = 0; s < names.size(); s++) {
      samples.put(names.get(s), valuesOf(summaries, s));
    }
    Map<String, Map<String, Estimate>> perStrategy = new LinkedHashMap<>();
    samples.forEach((name, metrics) -> {
      Map<String, Estimate> m = new LinkedHashMap<>();
      metrics.forEach((metric, v) -> m.put(metric, Estimate.of(v)));
      perStrategy.put(name, m);
    });
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        Map<String, double[]> a = samples.get(names.get(i));
        Map<String, double[]> b = samples.get(names.get(j));
        Map<String, Estimate> d = new LinkedHashMap<>();
        a.forEach((metric, v) -> d.put(metric, Estimate.paired(v, b.get(metric))));
        pairs.add(new Pair(names.get(i), names.get(j), d));
      }
    }
    return new ReplicationStatistics(summaries.size(), perStrategy, pairs);
  }

  /** Metric label to one value per replication, for the strategy at index s. */
  private static Map<String, double[]> valuesOf(List<List<Map<String, Double>>> summaries, int s) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int r = 0; r < summaries.size(); r++) {
      for (Map.Entry<String, Double> e : summaries.get(r).get(s).entrySet()) {
        out.computeIfAbsent(e.getKey(), k -> new double[summaries.size()])[r] = e.getValue();
      }
    }
    return out;
  }
}
