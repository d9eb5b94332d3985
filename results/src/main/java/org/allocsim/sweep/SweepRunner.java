package org.allocsim.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;

/**
 * Runs a shard's pending runs of a sweep on up to {@code threads} cores, storing each as it completes. Which runs
 * and what they produce depend only on the plan and the shard; the threads change only the order of completion.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /**
   * A shard of a sweep: runs whose index mod count equals number - 1.
   *
   * @param number this shard, 1..count
   * @param count number of shards
   */
  public record Shard(int number, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
      if (count < 1 || number < 1 || number > count) {
        throw new IllegalArgumentException("--shard: expected I/N with 1 <= I <= N, got " + number + "/" + count);
      }
    }

    /** Parses I/N. */
    public static Shard parse(String text) {
      String[] parts = text.split("/", -1);
      try {
        if (parts.length == 2) {
          return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--shard: expected I/N with 1 <= I <= N, got '" + text + "'");
    }

    public boolean has(int index) {
      return index % count == number - 1;
    }
  }

  /** Indices of the shard's runs that are not stored yet, in order. */
  public static List<Integer> pending(SweepPlan plan, Shard shard, RunStore store) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      if (shard.has(i) && store.get(i) == null) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Runs the given runs. scenarioOf reads the scenario with a point's parameters (the caller reads each point once
   * and checks them all before anything runs); done is told after each stored run.
   */
  public static void run(SweepPlan plan, List<Integer> runs, IntFunction<ScenarioFile> scenarioOf, RunStore store,
      Strategies installed, int threads, Runnable done) {
    if (runs.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, runs.size())), r -> {
      Thread t = new Thread(r, "allocsim-sweep");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int index : runs) {
        futures.add(pool.submit(() -> {
          SweepPlan.Run run = plan.run(index);
          ScenarioFile f = scenarioOf.apply(run.point());
          RunResult r = Simulation.run(ScenarioRuns.spec(f, plan.seed(), run.replication()),
              installed.create(run.strategy()));
          store.put(index, r.summary().asMap());
          done.run();
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
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

  /** The folder a sweep writes to by default: out/<scenario>-sweep, or its shard's folder. */
  public static Path defaultFolder(String scenario, Shard shard) {
    return Path.of("out", scenario + "-sweep" + (shard.count() == 1 ? ""
        : "-shard-" + shard.number() + "-of-" + shard.count()));
  }
}
