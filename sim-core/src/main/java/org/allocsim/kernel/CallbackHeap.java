package org.allocsim.kernel;

import java.util.Arrays;

/**
 * The kernel's own timed callbacks (irq_work refill and free, the RCU grace-period stages, program frees, a design's
 * deferred actions), kept off DSOL's event list (issue 17): a binary min-heap over primitive arrays, ordered by time,
 * then by insertion, which is DSOL's order for events of one priority. They all rank {@link Priority#INTERNAL}, so
 * this FIFO order is the order DSOL gave them when each was a DSOL event.
 *
 * <p>The heap holds int handles, not Runnables: a callback is registered once (like {@code init_irq_work()} or an
 * {@code rcu_head}), and a one-time action gets a handle until it runs. Storing a reference into an old array costs
 * G1 a card mark behind a StoreLoad fence, which waits for the record's pending cache-missing stores; an int store
 * does not (measured: 2x per store next to a missing store).
 */
final class CallbackHeap {
  private long[] time = new long[64];
  private long[] order = new long[64];
  private int[] handle = new int[64];
  private int size;
  private long inserted;
  private Runnable[] actions = new Runnable[64];
  private boolean[] once = new boolean[64];
  private int registered;
  /** One-time handles free for reuse, chained through {@link #nextFree}. */
  private int[] nextFree = new int[64];
  private int freeOnce = -1;

  /** A handle for action, valid for the whole run. */
  int register(Runnable action) {
    return newHandle(action, false);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the first callback; only when not empty. */
  long firstTime() {
    return time[0];
  }

  /** Adds a registered callback at time t. */
  void add(long t, int h) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      order = Arrays.copyOf(order, n);
      handle = Arrays.copyOf(handle, n);
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
    handle[i] = h;
  }

  /** Adds an action that runs once at time t; its handle is reused after it ran. */
  void addOnce(long t, Runnable action) {
    int h;
    if (freeOnce >= 0) {
      h = freeOnce;
      freeOnce = nextFree[h];
      actions[h] = action;
    } else {
      h = newHandle(action, true);
    }
    add(t, h);
  }

  /** Removes the first callback and returns its action (read {@link #firstTime()} before if its time is needed). */
  Runnable poll() {
    int first = handle[0];
    int last = --size;
    long t = time[last];
    long o = order[last];
    int h = handle[last];
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
      handle[i] = h;
    }
    Runnable action = actions[first];
    if (once[first]) {
      actions[first] = null;
      nextFree[first] = freeOnce;
      freeOnce = first;
    }
    return action;
  }

  private int newHandle(Runnable action, boolean oneTime) {
    if (registered == actions.length) {
      int n = registered * 2;
      actions = Arrays.copyOf(actions, n);
      once = Arrays.copyOf(once, n);
      nextFree = Arrays.copyOf(nextFree, n);
    }
    actions[registered] = action;
    once[registered] = oneTime;
    return registered++;
  }

  private boolean before(int a, int b) {
    return time[a] < time[b] || (time[a] == time[b] && order[a] < order[b]);
  }

  private void move(int from, int to) {
    time[to] = time[from];
    order[to] = order[from];
    handle[to] = handle[from];
  }
}
