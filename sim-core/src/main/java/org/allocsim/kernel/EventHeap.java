package org.allocsim.kernel;

import java.util.Arrays;

/**
 * A binary min-heap of timed actions in DSOL's order (time, then higher priority first, then FIFO), for the
 * {@link ReplayDriver#PLAIN_LOOP} driver. Parallel primitive arrays keep it free of per-event wrapper objects.
 */
final class EventHeap {
  private long[] time = new long[64];
  private short[] priority = new short[64];
  private long[] seq = new long[64];
  private Runnable[] action = new Runnable[64];
  private int size;
  private long nextSeq;

  boolean isEmpty() {
    return size == 0;
  }

  long firstTime() {
    return time[0];
  }

  short firstPriority() {
    return priority[0];
  }

  void add(long t, short p, Runnable a) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      priority = Arrays.copyOf(priority, n);
      seq = Arrays.copyOf(seq, n);
      action = Arrays.copyOf(action, n);
    }
    int i = size++;
    set(i, t, p, nextSeq++, a);
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(i, parent)) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
  }

  /** Removes the first action; call {@link #firstTime()} before if its time is needed. */
  Runnable poll() {
    Runnable first = action[0];
    size--;
    set(0, time[size], priority[size], seq[size], action[size]);
    action[size] = null;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(child + 1, child)) {
        child++;
      }
      if (!before(child, i)) {
        break;
      }
      swap(i, child);
      i = child;
    }
    return first;
  }

  private boolean before(int a, int b) {
    if (time[a] != time[b]) {
      return time[a] < time[b];
    }
    if (priority[a] != priority[b]) {
      return priority[a] > priority[b];
    }
    return seq[a] < seq[b];
  }

  private void set(int i, long t, short p, long s, Runnable a) {
    time[i] = t;
    priority[i] = p;
    seq[i] = s;
    action[i] = a;
  }

  private void swap(int a, int b) {
    long t = time[a];
    short p = priority[a];
    long s = seq[a];
    Runnable r = action[a];
    set(a, time[b], priority[b], seq[b], action[b]);
    set(b, t, p, s, r);
  }
}
