package org.allocsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  private StrategyRuns() {
  }

  /**
   * Runs spec under each named strategy; progress receives the summed simulated time of all runs (so that the
   * total is strategies x duration) as samples are taken.
   */
  public static List<RunResult> run(RunSpec spec, List<String> strategies, Strategies installed, int threads,
      LongConsumer progress) {
    java.util.concurrent.atomic.AtomicLongArray reached = new java.util.concurrent.atomic.AtomicLongArray(
        strategies.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, strategies.size())), r -> {
      Thread t = new Thread(r, "allocsim-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (int i = 0; i < strategies.size(); i++) {
        int index = i;
        String name = strategies.get(i);
        futures.add(pool.submit(() -> Simulation.run(spec, installed.create(name), t -> {
          reached.set(index, t);
          long sum = 0;
          for (int k = 0; k < reached.length(); k++) {
            sum += reached.get(k);
          }
          progress.accept(sum);
        })));
      }
      List<RunResult> results = new ArrayList<>();
      for (Future<RunResult> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
