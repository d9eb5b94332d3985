package org.allocsim.hunt;

import java.nio.file.Path;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.ScenarioException;
import org.allocsim.kernel.Simulation;
import org.allocsim.kernel.TraceException;
import org.allocsim.oracle.Violation;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.scenarios.random.RandomWorld;
import org.allocsim.scenarios.random.ScenarioText;
import org.allocsim.strategy.Strategies;

/**
 * Runs a world the way {@code allocsim run} would run its scenario file: written out, read back and checked by the
 * scenario reader. A shrunk world that the reader refuses (a close of an instance whose load was removed) or that
 * the kernel refuses counts as not reproducing, so whatever the minimiser keeps is a valid scenario file.
 */
final class Reproducer {
  private final Strategies installed;
  private final String strategy;
  private final ScenarioReader reader;
  private int runs;

  Reproducer(Strategies installed, String strategy) {
    this.installed = installed;
    this.strategy = strategy;
    this.reader = new ScenarioReader(installed);
  }

  /** The first finding of that kind in the world's run, or null (also when the world is not a valid scenario). */
  Violation finding(RandomWorld w, ViolationKind kind) {
    RunResult r = run(w);
    if (r == null || r.violations(kind) == 0) {
      return null;
    }
    return r.violations().stream().filter(v -> v.kind() == kind).findFirst().orElse(null);
  }

  /** The run of the world's scenario file, or null when the reader or the kernel refuses it. */
  RunResult run(RandomWorld w) {
    runs++;
    String text = ScenarioText.write(w, List.of(), "candidate");
    try {
      var file = reader.parse(Path.of(w.name() + ".yaml"), text, Parameters.EMPTY);
      return Simulation.run(ScenarioRuns.spec(file, file.seed(), 0), installed.create(strategy));
    } catch (ScenarioError | ScenarioException | TraceException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Runs so far, for the report. */
  int runs() {
    return runs;
  }
}
