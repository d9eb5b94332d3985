package org.allocsim.experiment;

import java.nio.file.Path;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;

/** A scenario written inline in a test, read as if from fileName and run under one strategy (seed, replication 0). */
final class ScenarioText {
  private ScenarioText() {}

  static ScenarioFile read(String fileName, String text, Parameters overrides) {
    return new ScenarioReader().parse(Path.of(fileName), text, overrides);
  }

  static ScenarioFile read(String fileName, String text) {
    return read(fileName, text, Parameters.EMPTY);
  }

  static RunResult run(ScenarioFile f, String strategy) {
    return Simulation.run(ScenarioRuns.spec(f, f.seed(), 0), Strategies.installed().create(strategy));
  }

  static RunResult run(String fileName, String text, String strategy) {
    return run(read(fileName, text), strategy);
  }
}
