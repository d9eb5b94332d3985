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
    List<Callable<RunResult>> tasks = new ArrayList<>();
    for (ScenarioFile f : scenarios) {
      // Generated once, replayed for every strategy (issue 17: the generator was most of each run).
      RunSpec spec = ScenarioRuns.spec(f, f.seed(), 0, f.checkDurationNs()).sharingRecords(names.size());
      for (String s : names) {
        tasks.add(() -> {
          RunResult r = Simulation.run(spec, installed.create(s));
          done.run();
          return r;
        });
      }
    }
    List<RunResult> results = Parallel.map(tasks, threads);
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      out.add(new Outcome(scenarios.get(i), results.subList(i * names.size(), (i + 1) * names.size())));
    }
    return out;
  }
}
