package org.allocsim.scenarios.workload;

import java.util.Arrays;

/**
 * Pending releases as a binary min-heap over parallel primitive arrays: no Java object per release. Ordered by
 * time, then by insertion, so releases due at the same nanosecond come out in the order their stores ran.
 * Its size is the number of objects alive at once (rate × mean lifetime in steady state), not the trace length.
 */
final class ReleaseHeap {
  private long[] time = new long[64];
  private long[] order = new long[64];
  private int[] cpu = new int[64];
  private long[] key1 = new long[64];
  private long[] key2 = new long[64];
  private int size;
  private long inserted;

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest release; only when not empty. */
  long peekTime() {
    return time[0];
  }

  int peekCpu() {
    return cpu[0];
  }

  long peekKey1() {
    return key1[0];
  }

  long peekKey2() {
    return key2[0];
  }

  void push(long t, int c, long k1, long k2) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      order = Arrays.copyOf(order, n);
      cpu = Arrays.copyOf(cpu, n);
      key1 = Arrays.copyOf(key1, n);
      key2 = Arrays.copyOf(key2, n);
    }
    int i = size++;
    set(i, t, inserted++, c, k1, k2);
    siftUp(i);
  }

  /** Removes the earliest release (read it first with the peek methods). */
  void pop() {
    int last = --size;
    if (last > 0) {
      set(0, time[last], order[last], cpu[last], key1[last], key2[last]);
      siftDown(0);
    }
  }

  private boolean less(int a, int b) {
    return time[a] < time[b] || (time[a] == time[b] && order[a] < order[b]);
  }

  private void set(int i, long t, long o, int c, long k1, long k2) {
    time[i] = t;
    order[i] = o;
    cpu[i] = c;
    key1[i] = k1;
    key2[i] = k2;
  }

  private void swap(int a, int b) {
    long t = time[a];
    long o = order[a];
    int c = cpu[a];
    long k1 = key1[a];
    long k2 = key2[a];
    set(a, time[b], order[b], cpu[b], key1[b], key2[b]);
    set(b, t, o, c, k1, k2);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int child = left + 1 < size && less(left + 1, left) ? left + 1 : left;
      if (!less(child, i)) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }
}
