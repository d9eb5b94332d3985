package org.allocsim.scenarios.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/**
 * A data-plane workload: the runs of several programs merged into one {@link RecordStream} in time order (at
 * equal times, list order). Each program draws its runs and keys from the stream {@code workload/<program>} and
 * its lifetimes from {@code lifetime/<program>}, so changing a lifetime leaves the arrivals as they were; a
 * program's second and later workloads (e.g. a burst phase) use {@code workload/<program>/2}, and so on. Memory is
 * bounded by the programs and the objects alive at once; no object is allocated per record.
 */
public final class Workload implements RecordStream {
  private final List<String> names;
  private final ProgramGenerator[] generators;
  private final long[] next;
  private final long maxRecords;
  private long produced;

  private Workload(List<String> names, ProgramGenerator[] generators, long maxRecords) {
    this.names = names;
    this.generators = generators;
    this.maxRecords = maxRecords;
    this.next = new long[generators.length];
    for (int i = 0; i < generators.length; i++) {
      next[i] = generators[i].nextTime();
    }
  }

  /**
   * The merged record stream of {@code programs}.
   *
   * @param programs per-program workloads; their program names, without repeats, are the stream's programs
   * @param streams the run's random streams
   * @param cpus CPUs of the run (a workload's empty CPU list means all of them)
   * @param endNs no record at or after this time
   */
  public static RecordStream stream(List<ProgramWorkload> programs, RandomStreams streams, int cpus, long endNs) {
    return stream(programs, streams, cpus, endNs, Long.MAX_VALUE);
  }

  /** As {@link #stream(List, RandomStreams, int, long)}, stopping after {@code maxRecords} records. */
  public static RecordStream stream(List<ProgramWorkload> programs, RandomStreams streams, int cpus, long endNs,
      long maxRecords) {
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("programs: a workload needs at least one program");
    }
    if (cpus < 1) {
      throw new IllegalArgumentException("cpus: need at least one CPU, got " + cpus);
    }
    if (endNs <= 0) {
      throw new IllegalArgumentException("endNs: must be > 0, got " + endNs);
    }
    if (maxRecords < 0) {
      throw new IllegalArgumentException("maxRecords: must be >= 0, got " + maxRecords);
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    ProgramGenerator[] generators = new ProgramGenerator[programs.size()];
    for (int i = 0; i < generators.length; i++) {
      ProgramWorkload w = programs.get(i);
      int occurrence = seen.merge(w.program(), 1, Integer::sum);
      if (occurrence == 1) {
        names.add(w.program());
      }
      generators[i] = new ProgramGenerator(w, names.indexOf(w.program()), streams,
          occurrence == 1 ? "" : "/" + occurrence, cpus, endNs);
    }
    return new Workload(List.copyOf(names), generators, maxRecords);
  }

  @Override
  public List<String> programNames() {
    return names;
  }

  @Override
  public int read(RecordBatch batch) {
    batch.clear();
    while (produced < maxRecords && !batch.isFull()) {
      int first = 0;
      for (int i = 1; i < next.length; i++) {
        if (next[i] < next[first]) {
          first = i;
        }
      }
      if (next[first] == Long.MAX_VALUE) {
        break;
      }
      generators[first].emit(batch);
      next[first] = generators[first].nextTime();
      produced++;
    }
    return batch.size();
  }
}
