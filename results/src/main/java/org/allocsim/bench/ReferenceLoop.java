package org.allocsim.bench;

import java.util.Arrays;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RecordStream;

/**
 * An independent reference for the bench workload: the same logical work as a replay, written as directly as it
 * can be, so that the replay can be reported as a fraction of what this machine does with the same working set
 * (issue 17). Per-CPU LIFO free lists, 16-byte object records, the two maps as dense slot arrays, and a validated
 * free (state and allocator checked). Its steps follow bench-mixed.yaml: 0 alloc and xchg into flows, 1 take and
 * free from flows, 2 move from flows to aged, 3 take and free from aged, 4 alloc and free.
 *
 * <p>Grouped: each group of records first touches the map slots and the records of the objects stored there, then
 * applies the records in order. The touches only read, so the results are those of the sequential loop; they let
 * the CPU have many misses in flight at once, which a record-at-a-time loop cannot.
 */
public final class ReferenceLoop {
  /** Records whose addresses are touched before they are applied. */
  public static final int GROUP = 16;
  private static final long LIVE = 1L << 32;
  private static final long CACHED = 2L << 32;
  private static final long STATE = 3L << 32;
  private static final int NIL = -1;

  private final int[] flows;
  private final int[] aged;
  private long[] objects = new long[1 << 16];
  private int capacity;
  private final int[] freeHead;
  // Written, never read: keeps the JIT from dropping the grouped loop's read-ahead loads.
  @SuppressWarnings("UnusedVariable")
  private long touched;
  private long checksum;

  private ReferenceLoop(int keys, int cpus) {
    flows = new int[keys];
    aged = new int[keys];
    freeHead = new int[cpus];
    Arrays.fill(freeHead, NIL);
  }

  /** Runs records in a fresh reference; returns a checksum of the final state (equal for both modes). */
  public static long run(RecordList records, int keys, int cpus, boolean grouped) {
    return run(records.stream(), keys, cpus, grouped);
  }

  /** As {@link #run(RecordList, int, int, boolean)} over a stream (closed at the end). */
  public static long run(RecordStream records, int keys, int cpus, boolean grouped) {
    ReferenceLoop r = new ReferenceLoop(keys, cpus);
    RecordBatch b = new RecordBatch();
    try (RecordStream s = records) {
      for (int n = s.read(b); n > 0; n = s.read(b)) {
        if (grouped) {
          for (int from = 0; from < n; from += GROUP) {
            int to = Math.min(n, from + GROUP);
            r.touch(b, from, to);
            r.apply(b, from, to);
          }
        } else {
          r.apply(b, 0, n);
        }
      }
    }
    return r.checksum * 31 + r.capacity;
  }

  private void touch(RecordBatch b, int from, int to) {
    long t = 0;
    for (int i = from; i < to; i++) {
      int k = (int) b.key1[i];
      int op = b.step[i];
      int obj = op == 3 ? aged[k] - 1 : op < 3 ? flows[k] - 1 : -1;
      if (op == 2) {
        t += aged[(int) b.key2[i]];
      }
      if (obj >= 0 && 2 * obj + 1 < objects.length) {
        t += objects[2 * obj + 1];
      }
    }
    touched += t;
  }

  private void apply(RecordBatch b, int from, int to) {
    for (int i = from; i < to; i++) {
      int cpu = b.cpu[i];
      int k = (int) b.key1[i];
      switch (b.step[i]) {
        case 0 -> {
          int old = flows[k] - 1;
          flows[k] = alloc(cpu) + 1;
          if (old >= 0) {
            free(old, cpu);
          }
        }
        case 1 -> take(flows, k, cpu);
        case 2 -> {
          int obj = flows[k] - 1;
          if (obj >= 0) {
            flows[k] = 0;
            int k2 = (int) b.key2[i];
            int old = aged[k2] - 1;
            aged[k2] = obj + 1;
            if (old >= 0) {
              free(old, cpu);
            }
          }
        }
        case 3 -> take(aged, k, cpu);
        default -> free(alloc(cpu), cpu);
      }
    }
  }

  private void take(int[] map, int k, int cpu) {
    int obj = map[k] - 1;
    if (obj >= 0) {
      map[k] = 0;
      free(obj, cpu);
    }
  }

  /** Word 0: the free stamp (CPU); word 1: state in bits 33..32, list link or allocating CPU in bits 31..0. */
  private int alloc(int cpu) {
    int obj = freeHead[cpu];
    if (obj != NIL) {
      freeHead[cpu] = (int) objects[2 * obj + 1];
    } else {
      obj = capacity++;
      if (2 * obj + 1 >= objects.length) {
        objects = Arrays.copyOf(objects, objects.length * 2);
      }
    }
    objects[2 * obj + 1] = LIVE | cpu;
    return obj;
  }

  private void free(int obj, int cpu) {
    long header = objects[2 * obj + 1];
    if ((header & STATE) != LIVE) {
      throw new IllegalStateException("double free of " + obj);
    }
    checksum += (header & 0xFFFF_FFFFL) ^ obj;
    objects[2 * obj] = cpu + 1L;
    objects[2 * obj + 1] = CACHED | (freeHead[cpu] & 0xFFFF_FFFFL);
    freeHead[cpu] = obj;
  }
}
