package org.allocsim.strategies;

import java.util.Arrays;
import java.util.BitSet;
import org.allocsim.memory.AllocatorRef;

/**
 * Design 1's per-CPU live-object counts, per allocator (negative allowed on a CPU that frees more than it
 * allocates), and which allocators the counts hold a reference on.
 */
final class LiveCounts {
  private final int cpus;
  private long[][] counts = new long[16][];
  private AllocatorRef[] byId = new AllocatorRef[16];
  private final BitSet holding = new BitSet();
  private final BitSet seen = new BitSet();

  LiveCounts(int cpus) {
    this.cpus = cpus;
  }

  void add(AllocatorRef a, int cpu, long delta) {
    counts(a)[cpu] += delta;
  }

  long sum(AllocatorRef a) {
    int id = a.id();
    if (id >= counts.length || counts[id] == null) {
      return 0;
    }
    long s = 0;
    for (long c : counts[id]) {
      s += c;
    }
    return s;
  }

  /** Whether the counts hold a reference on a. */
  boolean holds(AllocatorRef a) {
    return holding.get(a.id());
  }

  void setHolding(AllocatorRef a, boolean holds) {
    remember(a);
    holding.set(a.id(), holds);
  }

  /** Marks a as one whose counts the end-of-run check compares. */
  void remember(AllocatorRef a) {
    int id = a.id();
    if (id >= byId.length) {
      byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
    }
    byId[id] = a;
    seen.set(id);
  }

  /** Allocators the counts hold, in id order (a copy: settling changes the set). */
  AllocatorRef[] held() {
    return holding.stream().mapToObj(i -> byId[i]).toArray(AllocatorRef[]::new);
  }

  /** Every allocator ever counted or held by a program, in id order. */
  AllocatorRef[] seen() {
    return seen.stream().mapToObj(i -> byId[i]).toArray(AllocatorRef[]::new);
  }

  private long[] counts(AllocatorRef a) {
    int id = a.id();
    if (id >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
    }
    if (counts[id] == null) {
      counts[id] = new long[cpus];
      remember(a);
    }
    return counts[id];
  }
}
