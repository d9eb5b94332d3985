package org.allocsim.scenarios.file;

import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.RunSpec;

/** Turns a scenario file into the run spec every strategy runs. */
public final class ScenarioRuns {
  private ScenarioRuns() {
  }

  public static RunSpec spec(ScenarioFile f, long seed, int replication) {
    return new RunSpec(f.name(), f.durationNs(), seed, replication, f.modelParameters(), f.kernelTypes(),
        f.timeline(), streams -> f.records() != null ? f.records().stream() : RecordStream.empty());
  }
}
