package org.allocsim.kernel;

import java.util.List;
import java.util.Map;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.metrics.RunSummary;
import org.allocsim.oracle.Violation;
import org.allocsim.oracle.ViolationKind;

/**
 * What one run of one strategy produced. Everything here is a function of the spec, the strategy and the seed:
 * no wall-clock figure is included, so two runs can be compared for equality.
 *
 * @param scenario the spec's name
 * @param strategy strategy name
 * @param seed run seed
 * @param replication replication number
 * @param summary summary figures
 * @param series sampled metrics
 * @param verdicts every verifier decision
 * @param violations kept oracle findings
 * @param violationCounts exact finding counts by kind
 * @param invariantBreaches the strategy's own invariant breaches at the end of the run
 */
public record RunResult(String scenario, String strategy, long seed, int replication, RunSummary summary,
    MetricSeries series, List<LoadRecord> verdicts, List<Violation> violations,
    Map<ViolationKind, Long> violationCounts, List<String> invariantBreaches) {

  public long violations(ViolationKind kind) {
    return violationCounts.getOrDefault(kind, 0L);
  }
}
