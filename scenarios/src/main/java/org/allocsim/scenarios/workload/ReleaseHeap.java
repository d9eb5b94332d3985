package org.allocsim.scenarios.workload;

import java.util.Arrays;

/**
 * Pending releases as a 4-ary min-heap over primitive arrays: no Java object per release. Ordered by time, then by
 * insertion, so releases due at the same nanosecond come out in the order their stores ran. Its size is the number
 * of objects alive at once (rate × mean lifetime in steady state), not the trace length.
 *
 * <p>Why 4-ary with a moving hole: a pop of the binary heap was ~20 % of a library run (issue 17); four children
 * share one or two cache lines, the tree is half as deep, and each level moves one entry instead of swapping two.
 * The payload (CPU, keys) stays in place in its own slot; the heap moves only time, order and the slot.
 */
final class ReleaseHeap {
  private static final int NIL = -1;

  private long[] time = new long[64];
  private long[] order = new long[64];
  private int[] slot = new int[64];
  private int[] cpu = new int[64];
  private long[] key1 = new long[64];
  private long[] key2 = new long[64];
  private int freeSlot = NIL;
  private int slotsUsed;
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
    return cpu[slot[0]];
  }

  long peekKey1() {
    return key1[slot[0]];
  }

  long peekKey2() {
    return key2[slot[0]];
  }

  void push(long t, int c, long k1, long k2) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      order = Arrays.copyOf(order, n);
      slot = Arrays.copyOf(slot, n);
    }
    int s = takeSlot();
    cpu[s] = c;
    key1[s] = k1;
    key2[s] = k2;
    siftUp(size++, t, inserted++, s);
  }

  /** Removes the earliest release (read it first with the peek methods). */
  void pop() {
    // A free slot's cpu field chains the free slots.
    int s = slot[0];
    cpu[s] = freeSlot;
    freeSlot = s;
    int last = --size;
    if (last > 0) {
      siftDown(time[last], order[last], slot[last]);
    }
  }

  private int takeSlot() {
    if (freeSlot != NIL) {
      int s = freeSlot;
      freeSlot = cpu[s];
      return s;
    }
    if (slotsUsed == cpu.length) {
      int n = slotsUsed * 2;
      cpu = Arrays.copyOf(cpu, n);
      key1 = Arrays.copyOf(key1, n);
      key2 = Arrays.copyOf(key2, n);
    }
    return slotsUsed++;
  }

  private void siftUp(int i, long t, long o, int s) {
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = time[parent];
      if (pt < t || (pt == t && order[parent] < o)) {
        break;
      }
      time[i] = pt;
      order[i] = order[parent];
      slot[i] = slot[parent];
      i = parent;
    }
    time[i] = t;
    order[i] = o;
    slot[i] = s;
  }

  /** Places (t, o, s) from the root down into a heap of size entries whose root is a hole. */
  private void siftDown(long t, long o, int s) {
    int i = 0;
    int n = size;
    while (true) {
      int first = 4 * i + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bt = time[first];
      long bo = order[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = time[c];
        if (ct < bt || (ct == bt && order[c] < bo)) {
          best = c;
          bt = ct;
          bo = order[c];
        }
      }
      if (t < bt || (t == bt && o < bo)) {
        break;
      }
      time[i] = bt;
      order[i] = bo;
      slot[i] = slot[best];
      i = best;
    }
    time[i] = t;
    order[i] = o;
    slot[i] = s;
  }
}
