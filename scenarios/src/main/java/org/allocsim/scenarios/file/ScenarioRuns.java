package org.allocsim.scenarios.file;

import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RecordStream;
import org.allocsim.scenarios.workload.Workload;
import org.allocsim.kernel.RunSpec;

/** Turns a scenario file into the run spec every strategy runs. */
public final class ScenarioRuns {
  private ScenarioRuns() {
  }

  public static RunSpec spec(ScenarioFile f, long seed, int replication) {
    int cpus = f.modelParameters().getInt(KernelParameters.CPUS);
    return new RunSpec(f.name(), f.durationNs(), seed, replication, f.modelParameters(), f.kernelTypes(),
        f.timeline(), streams -> {
          if (!f.workload().isEmpty() && f.records() != null) {
            throw new IllegalStateException("merging records with a workload needs the trace merge");
          }
          if (!f.workload().isEmpty()) {
            return Workload.stream(f.workload(), streams, cpus, f.durationNs());
          }
          return f.records() != null ? f.records().stream() : RecordStream.empty();
        });
  }
}
