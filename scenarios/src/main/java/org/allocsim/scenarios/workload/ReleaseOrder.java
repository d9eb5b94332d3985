package org.allocsim.scenarios.workload;

import java.util.Arrays;

/**
 * A 4-ary min-heap of (time, insertion order, entry) over primitive arrays, ordered by time, then order: the
 * ordering half of a {@link ReleaseQueue}, whose entries hold the payload. Why 4-ary with a moving hole: a pop of
 * the binary heap was ~20 % of a library run (issue 17); the tree is half as deep, and each level moves one entry
 * instead of swapping two. A node's time and order sit side by side in one array, so its four children are 64
 * contiguous bytes.
 */
final class ReleaseOrder {
  /** Node i's time at 2i, its insertion order at 2i + 1. */
  private long[] node = new long[128];
  private int[] entry = new int[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** The earliest node's time, order and entry; only when not empty. */
  long peekTime() {
    return node[0];
  }

  long peekOrder() {
    return node[1];
  }

  int peekEntry() {
    return entry[0];
  }

  void push(long t, long o, int e) {
    if (size == entry.length) {
      int n = size * 2;
      node = Arrays.copyOf(node, 2 * n);
      entry = Arrays.copyOf(entry, n);
    }
    siftUp(size++, t, o, e);
  }

  /** Removes the earliest node (read it first with the peek methods). */
  void pop() {
    int last = --size;
    if (last > 0) {
      siftDown(node[2 * last], node[2 * last + 1], entry[last]);
    }
  }

  private void siftUp(int i, long t, long o, int e) {
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = node[2 * parent];
      if (pt < t || (pt == t && node[2 * parent + 1] < o)) {
        break;
      }
      node[2 * i] = pt;
      node[2 * i + 1] = node[2 * parent + 1];
      entry[i] = entry[parent];
      i = parent;
    }
    node[2 * i] = t;
    node[2 * i + 1] = o;
    entry[i] = e;
  }

  /** Places (t, o, e) from the root down into a heap of size nodes whose root is a hole. */
  private void siftDown(long t, long o, int e) {
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
      entry[i] = entry[best];
      i = best;
    }
    node[2 * i] = t;
    node[2 * i + 1] = o;
    entry[i] = e;
  }
}
