package org.allocsim.scenarios.workload;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The order {@link ReleaseQueue} must pop in, stated plainly: by time, then by insertion, so releases due at the same
 * nanosecond come out in the order their stores ran. A JDK priority queue of records, independent of the queue's
 * own heaps and buckets, so a test compares the two pop by pop.
 */
final class ReferenceReleases {
  private record Release(long time, long order, int cpu, long key1, long key2) {}

  private final PriorityQueue<Release> pending = new PriorityQueue<>(
      Comparator.comparingLong(Release::time).thenComparingLong(Release::order));
  private long inserted;

  boolean isEmpty() {
    return pending.isEmpty();
  }

  void push(long time, int cpu, long key1, long key2) {
    pending.add(new Release(time, inserted++, cpu, key1, key2));
  }

  long peekTime() {
    return pending.element().time();
  }

  int peekCpu() {
    return pending.element().cpu();
  }

  long peekKey1() {
    return pending.element().key1();
  }

  long peekKey2() {
    return pending.element().key2();
  }

  void pop() {
    pending.remove();
  }
}
