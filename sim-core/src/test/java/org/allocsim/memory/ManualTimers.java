package org.allocsim.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Test clock: a priority queue of (time, seq, callback), advanced by hand; seq keeps same-time events FIFO. */
final class ManualTimers implements Timers {
  private record Event(long time, long seq, int callback) {}

  private final PriorityQueue<Event> queue = new PriorityQueue<>(
      Comparator.comparingLong(Event::time).thenComparingLong(Event::seq));
  private final List<Runnable> callbacks = new ArrayList<>();
  private long now;
  private long seq;

  @Override
  public long now() {
    return now;
  }

  @Override
  public int callback(Runnable action) {
    callbacks.add(action);
    return callbacks.size() - 1;
  }

  @Override
  public void after(long delayNs, int callback) {
    if (delayNs < 0) {
      throw new IllegalArgumentException("negative delay " + delayNs);
    }
    queue.add(new Event(now + delayNs, seq++, callback));
  }

  /** Runs every event due up to now+deltaNs, then sets the clock there. */
  void advance(long deltaNs) {
    runUntil(now + deltaNs, () -> {});
  }

  /** Runs every event due up to {@code time}, calling {@code afterEach} after each, then sets the clock there. */
  void runUntil(long time, Runnable afterEach) {
    while (!queue.isEmpty() && queue.peek().time() <= time) {
      Event e = queue.poll();
      now = e.time();
      callbacks.get(e.callback()).run();
      afterEach.run();
    }
    now = Math.max(now, time);
  }

  int queued() {
    return queue.size();
  }
}
