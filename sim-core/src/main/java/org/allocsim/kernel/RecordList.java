package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A short trace held in memory, for tests, minimised counterexamples and hand-written scenarios. Long traces are
 * streamed by the scenario module's readers and generators instead.
 */
public final class RecordList {
  private final List<String> programs = new ArrayList<>();
  private long[] time = new long[16];
  private int[] cpu = new int[16];
  private int[] program = new int[16];
  private int[] step = new int[16];
  private long[] key1 = new long[16];
  private long[] key2 = new long[16];
  private int size;

  /** Adds a record for a program by name (its index is assigned on first use). */
  public RecordList add(long timeNs, int cpuIndex, String programName, int stepIndex, long firstKey,
      long secondKey) {
    int p = programs.indexOf(programName);
    if (p < 0) {
      programs.add(programName);
      p = programs.size() - 1;
    }
    append(timeNs, cpuIndex, p, stepIndex, firstKey, secondKey);
    return this;
  }

  private void append(long timeNs, int cpuIndex, int p, int stepIndex, long firstKey, long secondKey) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      cpu = Arrays.copyOf(cpu, n);
      program = Arrays.copyOf(program, n);
      step = Arrays.copyOf(step, n);
      key1 = Arrays.copyOf(key1, n);
      key2 = Arrays.copyOf(key2, n);
    }
    time[size] = timeNs;
    cpu[size] = cpuIndex;
    program[size] = p;
    step[size] = stepIndex;
    key1[size] = firstKey;
    key2[size] = secondKey;
    size++;
  }

  public RecordList add(long timeNs, int cpuIndex, String programName, int stepIndex, long key) {
    return add(timeNs, cpuIndex, programName, stepIndex, key, 0);
  }

  public int size() {
    return size;
  }

  /** Every record of stream, read to its end (the stream is closed). */
  public static RecordList of(RecordStream stream) {
    RecordList list = new RecordList();
    list.programs.addAll(stream.programNames());
    RecordBatch batch = new RecordBatch();
    try (stream) {
      for (int n = stream.read(batch); n > 0; n = stream.read(batch)) {
        for (int i = 0; i < n; i++) {
          list.append(batch.time[i], batch.cpu[i], batch.program[i], batch.step[i], batch.key1[i],
              batch.key2[i]);
        }
      }
    }
    return list;
  }

  /** Program names in index order. */
  public List<String> programNames() {
    return List.copyOf(programs);
  }

  /** A fresh stream over these records (each run opens its own). */
  public RecordStream stream() {
    List<String> names = List.copyOf(programs);
    return new RecordStream() {
      private int next;

      @Override
      public List<String> programNames() {
        return names;
      }

      @Override
      public int read(RecordBatch batch) {
        // Column copies: a record-by-record add costs a fifth of a fast replay (issue 8's profile).
        int n = Math.min(size - next, batch.capacity());
        System.arraycopy(time, next, batch.time, 0, n);
        System.arraycopy(cpu, next, batch.cpu, 0, n);
        System.arraycopy(program, next, batch.program, 0, n);
        System.arraycopy(step, next, batch.step, 0, n);
        System.arraycopy(key1, next, batch.key1, 0, n);
        System.arraycopy(key2, next, batch.key2, 0, n);
        batch.setSize(n);
        next += n;
        return n;
      }
    };
  }
}
