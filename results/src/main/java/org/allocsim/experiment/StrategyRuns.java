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

/** Runs one spec under several strategies, each in its own simulator, in parallel, results in strategy order. */
public final class StrategyRuns {
  private StrategyRuns() {
  }

  /**
   * Runs spec under each named strategy; progress receives the summed simulated time of all runs (so that the
   * total is strategies x duration) as samples are taken.
   */
  public static List<RunResult> run(RunSpec spec, List<String> strategies, Strategies installed, int threads,
      LongConsumer progress) {
    AtomicLongArray reached = new AtomicLongArray(strategies.size());
    List<Callable<RunResult>> tasks = new ArrayList<>();
    for (int i = 0; i < strategies.size(); i++) {
      int index = i;
      String name = strategies.get(i);
      tasks.add(() -> Simulation.run(spec, installed.create(name), t -> {
        reached.set(index, t);
        long sum = 0;
        for (int k = 0; k < reached.length(); k++) {
          sum += reached.get(k);
        }
        progress.accept(sum);
      }));
    }
    return Parallel.map(tasks, threads);
  }
}
