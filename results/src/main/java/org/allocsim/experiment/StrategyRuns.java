package org.allocsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.strategy.Strategies;

/**
 * Runs one spec under several strategies, each in its own simulator, on up to {@code threads} cores. Results come
 * back in the order the strategies were asked for, so outputs never depend on the number of threads.
 */
public final class StrategyRuns {
  private StrategyRuns() {}

  /**
   * Runs spec under each named strategy; progress receives the summed simulated time of all runs (so that the
   * total is strategies x duration) as samples are taken.
   */
  public static List<RunResult> run(RunSpec spec, List<String> strategies, Strategies installed, int threads,
      LongConsumer progress) {
    return replicated(List.of(spec), strategies, installed, threads, progress).get(0);
  }

  /**
   * Runs each spec (one per replication) under each named strategy, all in one pool; the result lists follow the
   * specs, each in strategy order. Progress receives the summed simulated time of all runs.
   */
  public static List<List<RunResult>> replicated(List<RunSpec> specs, List<String> strategies,
      Strategies installed, int threads, LongConsumer progress) {
    int runs = specs.size() * strategies.size();
    AtomicLongArray reached = new AtomicLongArray(runs);
    List<Callable<RunResult>> tasks = new ArrayList<>();
    // Each spec's records are generated once for all its strategies (issue 17).
    List<RunSpec> shared = specs.stream().map(s -> s.sharingRecords(strategies.size())).toList();
    for (int i = 0; i < runs; i++) {
      int index = i;
      RunSpec spec = shared.get(i / strategies.size());
      String name = strategies.get(i % strategies.size());
      tasks.add(() -> Simulation.run(spec, installed.create(name), t -> {
        reached.set(index, t);
        long sum = 0;
        for (int k = 0; k < reached.length(); k++) {
          sum += reached.get(k);
        }
        progress.accept(sum);
      }));
    }
    List<RunResult> flat = Parallel.map(tasks, threads);
    List<List<RunResult>> results = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      results.add(flat.subList(i * strategies.size(), (i + 1) * strategies.size()));
    }
    return results;
  }
}
