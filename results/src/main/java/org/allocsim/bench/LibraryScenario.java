package org.allocsim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;

/**
 * Full runs of katran-live-upgrade, the library's busiest cache-resident scenario, generator included: once per
 * strategy as {@code allocsim run} would (each generates its records), then all strategies with the records
 * generated once, as {@code check} does (issue 17: the generator was 70-80 % of such runs).
 */
final class LibraryScenario {
  static final String SCENARIO = "katran-live-upgrade.yaml";

  private LibraryScenario() {}

  /**
   * fraction cuts the scenario's simulated time (1: its full hour), for tests of the bench; null when the library
   * (found through the launcher's allocsim.home) has no such file.
   */
  static BenchFigures.ScenarioFigures measure(List<Path> library, Strategies installed, double fraction) {
    Path file = library.stream().filter(p -> p.getFileName().toString().equals(SCENARIO)).findFirst()
        .orElse(null);
    if (file == null) {
      return null;
    }
    ScenarioFile f = new ScenarioReader(installed).read(file, Parameters.EMPTY);
    RunSpec spec = ScenarioRuns.spec(f, f.seed(), 0, Math.max(1_000_000L, (long) (f.durationNs() * fraction)));
    List<String> names = installed.names();
    Simulation.run(spec, installed.create(names.get(0))); // warm-up
    List<Double> rates = new ArrayList<>();
    long records = 0;
    for (String s : names) {
      long[] n = new long[1];
      double seconds = Medians.time(() -> n[0] = Simulation.run(spec, installed.create(s)).summary().records());
      records = n[0];
      rates.add(n[0] / seconds);
    }
    RunSpec shared = spec.sharingRecords(names.size());
    long[] total = new long[1];
    double seconds = Medians.time(() -> {
      for (String s : names) {
        RunResult r = Simulation.run(shared, installed.create(s));
        total[0] += r.summary().records();
      }
    });
    return new BenchFigures.ScenarioFigures(f.name(), records, names, rates, total[0] / seconds);
  }
}
