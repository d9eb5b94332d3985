package org.allocsim.kernel;

import java.util.Arrays;

/**
 * The kernel's own timed callbacks (irq_work refill and free, the RCU grace-period stages, program frees, a design's
 * deferred actions), kept off DSOL's event list (issue 17): a binary min-heap over primitive arrays, ordered by time,
 * then by insertion, which is DSOL's order for events of one priority. They all rank {@link Priority#INTERNAL}, so
 * this FIFO order is the order DSOL gave them when each was a DSOL event.
 */
final class CallbackHeap {
  private long[] time = new long[64];
  private long[] order = new long[64];
  private Runnable[] action = new Runnable[64];
  private int size;
  private long inserted;

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the first callback; only when not empty. */
  long firstTime() {
    return time[0];
  }

  void add(long t, Runnable a) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      order = Arrays.copyOf(order, n);
      action = Arrays.copyOf(action, n);
    }
    long o = inserted++;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (time[parent] < t || (time[parent] == t && order[parent] < o)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    time[i] = t;
    order[i] = o;
    action[i] = a;
  }

  /** Removes the first callback and returns it (read {@link #firstTime()} before if its time is needed). */
  Runnable poll() {
    Runnable first = action[0];
    int last = --size;
    long t = time[last];
    long o = order[last];
    Runnable a = action[last];
    action[last] = null;
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(child + 1, child)) {
        child++;
      }
      if (t < time[child] || (t == time[child] && o < order[child])) {
        break;
      }
      move(child, i);
      i = child;
    }
    if (size > 0) {
      time[i] = t;
      order[i] = o;
      action[i] = a;
    }
    return first;
  }

  private boolean before(int a, int b) {
    return time[a] < time[b] || (time[a] == time[b] && order[a] < order[b]);
  }

  private void move(int from, int to) {
    time[to] = time[from];
    order[to] = order[from];
    action[to] = action[from];
  }
}
