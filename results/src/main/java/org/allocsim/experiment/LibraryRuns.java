package org.allocsim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;

/**
 * Runs scenario files the way {@code allocsim check} and {@code bless} do: each at its seed, for its check
 * duration, under every installed strategy, all (scenario, strategy) runs spread over the cores, results in file
 * and strategy order.
 */
public final class LibraryRuns {
  private LibraryRuns() {
  }

  /** One scenario's runs. */
  public record Outcome(ScenarioFile scenario, List<RunResult> results) {
  }

  public static List<Outcome> run(List<Path> files, Strategies installed, int threads) {
    return run(files, installed, installed.names(), threads);
  }

  /** As {@link #run(List, Strategies, int)}, for some strategies only. */
  public static List<Outcome> run(List<Path> files, Strategies installed, List<String> names, int threads) {
    ScenarioReader reader = new ScenarioReader(installed);
    List<ScenarioFile> scenarios = new ArrayList<>();
    for (Path f : files) {
      scenarios.add(reader.read(f, Parameters.EMPTY));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "allocsim-check");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<ScenarioFile, List<Future<RunResult>>> futures = new LinkedHashMap<>();
      for (ScenarioFile f : scenarios) {
        RunSpec spec = ScenarioRuns.spec(f, f.seed(), 0, f.checkDurationNs());
        List<Future<RunResult>> runs = new ArrayList<>();
        for (String s : names) {
          runs.add(pool.submit(() -> Simulation.run(spec, installed.create(s))));
        }
        futures.put(f, runs);
      }
      List<Outcome> out = new ArrayList<>();
      for (Map.Entry<ScenarioFile, List<Future<RunResult>>> e : futures.entrySet()) {
        List<RunResult> results = new ArrayList<>();
        for (Future<RunResult> f : e.getValue()) {
          results.add(f.get());
        }
        out.add(new Outcome(e.getKey(), results));
      }
      return out;
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
