package org.allocsim.scenarios.workload;

import java.util.Arrays;

/**
 * The generator's release queue up to issue 17, kept as the reference {@link ReleaseQueue} must match pop for pop.
 * Pending releases as a 4-ary min-heap over primitive arrays: no Java object per release. Ordered by time, then by
 * insertion, so releases due at the same nanosecond come out in the order their stores ran. Its size is the number
 * of objects alive at once (rate × mean lifetime in steady state), not the trace length.
 *
 * <p>Why 4-ary with a moving hole: a pop of the binary heap was ~20 % of a library run (issue 17); the tree is
 * half as deep, and each level moves one entry instead of swapping two. A node's time and order sit side by side in
 * one array, so its four children are 64 contiguous bytes (one or two cache lines, where separate time and order
 * arrays touched two to four): at a quarter of a million pending releases the heap is bigger than the L2 cache and a
 * pop is a chain of misses. The payload (CPU, keys) stays in place in its own slot, its three fields side by side;
 * the heap moves only time, order and the slot.
 */
final class ReleaseHeap {
  private static final int NIL = -1;

  /** Node i's time at 2i, its insertion order at 2i + 1. */
  private long[] node = new long[128];
  private int[] slot = new int[64];
  /** Slot s's key1 at 3s, key2 at 3s + 1, CPU at 3s + 2 (a free slot's: the next free slot). */
  private long[] payload = new long[192];
  private int freeSlot = NIL;
  private int slotsUsed;
  private int size;
  private long inserted;

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest release; only when not empty. */
  long peekTime() {
    return node[0];
  }

  int peekCpu() {
    return (int) payload[3 * slot[0] + 2];
  }

  long peekKey1() {
    return payload[3 * slot[0]];
  }

  long peekKey2() {
    return payload[3 * slot[0] + 1];
  }

  void push(long t, int c, long k1, long k2) {
    if (size == slot.length) {
      int n = size * 2;
      node = Arrays.copyOf(node, 2 * n);
      slot = Arrays.copyOf(slot, n);
    }
    int s = takeSlot();
    payload[3 * s] = k1;
    payload[3 * s + 1] = k2;
    payload[3 * s + 2] = c;
    siftUp(size++, t, inserted++, s);
  }

  /** Removes the earliest release (read it first with the peek methods). */
  void pop() {
    int s = slot[0];
    payload[3 * s + 2] = freeSlot;
    freeSlot = s;
    int last = --size;
    if (last > 0) {
      siftDown(node[2 * last], node[2 * last + 1], slot[last]);
    }
  }

  private int takeSlot() {
    if (freeSlot != NIL) {
      int s = freeSlot;
      freeSlot = (int) payload[3 * s + 2];
      return s;
    }
    if (3 * slotsUsed == payload.length) {
      payload = Arrays.copyOf(payload, 2 * payload.length);
    }
    return slotsUsed++;
  }

  private void siftUp(int i, long t, long o, int s) {
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = node[2 * parent];
      if (pt < t || (pt == t && node[2 * parent + 1] < o)) {
        break;
      }
      node[2 * i] = pt;
      node[2 * i + 1] = node[2 * parent + 1];
      slot[i] = slot[parent];
      i = parent;
    }
    node[2 * i] = t;
    node[2 * i + 1] = o;
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
      long bt = node[2 * first];
      long bo = node[2 * first + 1];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = node[2 * c];
        if (ct < bt || (ct == bt && node[2 * c + 1] < bo)) {
          best = c;
          bt = ct;
          bo = node[2 * c + 1];
        }
      }
      if (t < bt || (t == bt && o < bo)) {
        break;
      }
      node[2 * i] = bt;
      node[2 * i + 1] = bo;
      slot[i] = slot[best];
      i = best;
    }
    node[2 * i] = t;
    node[2 * i + 1] = o;
    slot[i] = s;
  }
}
