package org.allocsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
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

  /** Runs spec under each named strategy; done receives the number of finished runs as they finish. */
  public static List<RunResult> run(RunSpec spec, List<String> strategies, Strategies installed, int threads,
      IntConsumer done) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, strategies.size())), r -> {
      Thread t = new Thread(r, "allocsim-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (String name : strategies) {
        futures.add(pool.submit(() -> Simulation.run(spec, installed.create(name))));
      }
      List<RunResult> results = new ArrayList<>();
      int finished = 0;
      for (Future<RunResult> f : futures) {
        results.add(f.get());
        done.accept(++finished);
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
