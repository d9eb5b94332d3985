package org.allocsim.scenarios.workload;

import java.util.Arrays;
import java.util.List;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/** Every record of a stream, read through a small batch so refills are exercised. */
final class Drained {
  final List<String> programs;
  long[] time = new long[1024];
  int[] cpu = new int[1024];
  int[] program = new int[1024];
  int[] step = new int[1024];
  long[] key1 = new long[1024];
  long[] key2 = new long[1024];
  int size;

  private Drained(RecordStream stream) {
    programs = stream.programNames();
    RecordBatch batch = new RecordBatch(1000);
    while (stream.read(batch) > 0) {
      for (int i = 0; i < batch.size(); i++) {
        if (size == time.length) {
          int n = size * 2;
          time = Arrays.copyOf(time, n);
          cpu = Arrays.copyOf(cpu, n);
          program = Arrays.copyOf(program, n);
          step = Arrays.copyOf(step, n);
          key1 = Arrays.copyOf(key1, n);
          key2 = Arrays.copyOf(key2, n);
        }
        time[size] = batch.time[i];
        cpu[size] = batch.cpu[i];
        program[size] = batch.program[i];
        step[size] = batch.step[i];
        key1[size] = batch.key1[i];
        key2[size] = batch.key2[i];
        size++;
      }
    }
  }

  static Drained of(RecordStream stream) {
    return new Drained(stream);
  }

  static Drained of(List<ProgramWorkload> programs, long seed, int cpus, long endNs) {
    return new Drained(Workload.stream(programs, new RandomStreams(seed, 0), cpus, endNs));
  }

  static Drained of(ProgramWorkload w, long seed, int cpus, long endNs) {
    return of(List.of(w), seed, cpus, endNs);
  }

  /** Rows {time, cpu, program, step, key1, key2} of the records whose step is s (keep) or is not s (!keep). */
  long[][] withStep(int s, boolean keep) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if ((step[i] == s) == keep) {
        n++;
      }
    }
    long[][] out = new long[n][];
    int j = 0;
    for (int i = 0; i < size; i++) {
      if ((step[i] == s) == keep) {
        out[j++] = row(i);
      }
    }
    return out;
  }

  long[] row(int i) {
    return new long[] {time[i], cpu[i], program[i], step[i], key1[i], key2[i]};
  }

  long[][] all() {
    long[][] out = new long[size][];
    for (int i = 0; i < size; i++) {
      out[i] = row(i);
    }
    return out;
  }
}
