package org.allocsim.scenarios.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.RecordsAhead;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.TraceException;
import org.allocsim.scenarios.trace.MergedStream;
import org.allocsim.scenarios.trace.TraceFiles;
import org.allocsim.scenarios.workload.Workload;

/**
 * Turns a scenario file into the run spec every strategy runs. The record stream merges, in time order, the
 * generated workload, the inline records and a replayed trace (ties in that order).
 */
public final class ScenarioRuns {
  private ScenarioRuns() {}

  public static RunSpec spec(ScenarioFile f, long seed, int replication) {
    return spec(f, seed, replication, f.durationNs());
  }

  /** The run cut at durationNs (at most the scenario's): the generator, timeline and records stop there. */
  public static RunSpec spec(ScenarioFile f, long seed, int replication, long durationNs) {
    int cpus = f.modelParameters().getInt(KernelParameters.CPUS);
    long end = Math.min(durationNs, f.durationNs());
    return new RunSpec(f.name(), f.durationNs(), seed, replication, f.modelParameters(), f.kernelTypes(),
        f.timeline(), streams -> records(f, streams, cpus, end)).withDuration(end);
  }

  private static RecordStream records(ScenarioFile f, RandomStreams streams, int cpus, long endNs) {
    List<RecordStream> parts = new ArrayList<>();
    if (!f.workload().isEmpty()) {
      parts.add(Workload.stream(f.workload(), streams, cpus, endNs));
    }
    if (f.records() != null) {
      parts.add(f.records().stream());
    }
    if (f.trace() != null) {
      try {
        parts.add(TraceCheck.checked(f, TraceFiles.open(f.trace())));
      } catch (IOException e) {
        throw new TraceException(f.trace() + ": cannot read the trace: " + e.getMessage());
      }
    }
    if (parts.isEmpty()) {
      return RecordStream.empty();
    }
    RecordStream merged = parts.size() == 1 ? parts.get(0) : new MergedStream(parts);
    // Drawn or parsed on a second thread while this one replays (issue 17); inline records are only copied.
    return f.workload().isEmpty() && f.trace() == null ? merged : RecordsAhead.of(merged);
  }
}
