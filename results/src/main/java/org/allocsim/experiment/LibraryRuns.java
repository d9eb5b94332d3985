package org.allocsim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
  private LibraryRuns() {}

  /** One scenario's runs. */
  public record Outcome(ScenarioFile scenario, List<RunResult> results) {}

  public static List<Outcome> run(List<Path> files, Strategies installed, int threads) {
    return run(files, installed, installed.names(), threads);
  }

  /** As {@link #run(List, Strategies, int)}, for some strategies only. */
  public static List<Outcome> run(List<Path> files, Strategies installed, List<String> names, int threads) {
    return run(files, installed, names, threads, () -> {});
  }

  /** The number of runs {@link #run} makes of these files: one per scenario and strategy. */
  public static int runs(List<Path> files, List<String> names) {
    return files.size() * names.size();
  }

  /** As {@link #run(List, Strategies, List, int)}; done is called once after each run, from its thread. */
  public static List<Outcome> run(List<Path> files, Strategies installed, List<String> names, int threads,
      Runnable done) {
    ScenarioReader reader = new ScenarioReader(installed);
    List<ScenarioFile> scenarios = new ArrayList<>();
    for (Path f : files) {
      scenarios.add(reader.read(f, Parameters.EMPTY));
    }
    List<List<Callable<RunResult>>> perScenario = new ArrayList<>();
    for (ScenarioFile f : scenarios) {
      // Generated once, replayed for every strategy (issue 17: the generator was most of each run).
      RunSpec spec = ScenarioRuns.spec(f, f.seed(), 0, f.checkDurationNs()).sharingRecords(names.size());
      List<Callable<RunResult>> runs = new ArrayList<>();
      for (String s : names) {
        runs.add(() -> {
          RunResult r = Simulation.run(spec, installed.create(s));
          done.run();
          return r;
        });
      }
      perScenario.add(runs);
    }
    List<RunResult> results = lookingAhead(perScenario, threads);
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      out.add(new Outcome(scenarios.get(i), results.subList(i * names.size(), (i + 1) * names.size())));
    }
    return out;
  }

  /**
   * Runs every scenario's runs, results in scenario and strategy order. The first run of a scenario generates its
   * records while the others wait for them, so the next scenario's first run is submitted before the rest of this
   * one's: while one core generates, another generates the next scenario's records instead of waiting for the
   * first. Only the scenarios whose runs are in flight keep their records.
   */
  private static List<RunResult> lookingAhead(List<List<Callable<RunResult>>> perScenario, int threads) {
    List<Callable<RunResult>> order = new ArrayList<>();
    List<Integer> position = new ArrayList<>(); // submission index -> index in scenario and strategy order
    int[] start = new int[perScenario.size() + 1];
    for (int i = 0; i < perScenario.size(); i++) {
      start[i + 1] = start[i] + perScenario.get(i).size();
    }
    for (int i = 0; i < perScenario.size(); i++) {
      List<Callable<RunResult>> runs = perScenario.get(i);
      if (i == 0 && !runs.isEmpty()) {
        order.add(runs.get(0));
        position.add(start[0]);
      }
      if (i + 1 < perScenario.size() && !perScenario.get(i + 1).isEmpty()) {
        order.add(perScenario.get(i + 1).get(0));
        position.add(start[i + 1]);
      }
      for (int k = 1; k < runs.size(); k++) {
        order.add(runs.get(k));
        position.add(start[i] + k);
      }
    }
    List<RunResult> submitted = Parallel.map(order, threads);
    RunResult[] results = new RunResult[submitted.size()];
    for (int j = 0; j < results.length; j++) {
      results[position.get(j)] = submitted.get(j);
    }
    return List.of(results);
  }
}
