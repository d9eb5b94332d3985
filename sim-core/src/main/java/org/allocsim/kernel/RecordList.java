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
  private int[] operation = new int[16];
  private long[] key1 = new long[16];
  private long[] key2 = new long[16];
  private int size;

  /** Adds a record for a program by name (its index is assigned on first use). */
  public RecordList add(long timeNs, int cpuIndex, String programName, int operationIndex, long firstKey,
      long secondKey) {
    int p = programs.indexOf(programName);
    if (p < 0) {
      programs.add(programName);
      p = programs.size() - 1;
    }
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      cpu = Arrays.copyOf(cpu, n);
      program = Arrays.copyOf(program, n);
      operation = Arrays.copyOf(operation, n);
      key1 = Arrays.copyOf(key1, n);
      key2 = Arrays.copyOf(key2, n);
    }
    time[size] = timeNs;
    cpu[size] = cpuIndex;
    program[size] = p;
    operation[size] = operationIndex;
    key1[size] = firstKey;
    key2[size] = secondKey;
    size++;
    return this;
  }

  public RecordList add(long timeNs, int cpuIndex, String programName, int operationIndex, long key) {
    return add(timeNs, cpuIndex, programName, operationIndex, key, 0);
  }

  public int size() {
    return size;
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
        batch.clear();
        while (next < size && !batch.isFull()) {
          batch.add(time[next], cpu[next], program[next], operation[next], key1[next], key2[next]);
          next++;
        }
        return batch.size();
      }
    };
  }
}
