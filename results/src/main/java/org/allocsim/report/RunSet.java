package org.allocsim.report;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RunResult;

/**
 * One scenario run under several strategies: what every report is made from.
 *
 * @param scenario scenario name
 * @param description one-line purpose
 * @param scenarioText the scenario file's text (empty for a built-in scenario)
 * @param parameters every parameter's value, by key, as the run used it
 * @param seed run seed
 * @param version allocsim version
 * @param command the exact command line that reproduces the run
 * @param results per strategy, in the order asked for: the first replication's runs
 * @param replicated every replication's runs, each in the order of results (one replication: just results)
 */
public record RunSet(String scenario, String description, String scenarioText, Map<String, String> parameters,
    long seed, String version, String command, List<RunResult> results, List<List<RunResult>> replicated) {

  public RunSet {
    results = List.copyOf(results);
    replicated = List.copyOf(replicated);
    if (replicated.isEmpty() || !replicated.get(0).equals(results)) {
      throw new IllegalArgumentException("the first replication must be the results");
    }
  }

  /** A run set of one replication. */
  public RunSet(String scenario, String description, String scenarioText, Map<String, String> parameters,
      long seed, String version, String command, List<RunResult> results) {
    this(scenario, description, scenarioText, parameters, seed, version, command, results, List.of(results));
  }

  public int replications() {
    return replicated.size();
  }

  /** Every run, replication by replication. */
  public List<RunResult> allRuns() {
    return replicated.stream().flatMap(List::stream).toList();
  }

}
