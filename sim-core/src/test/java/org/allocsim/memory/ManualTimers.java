package org.allocsim.memory;

import java.util.Comparator;
import java.util.PriorityQueue;

/** Test clock: a priority queue of (time, seq, action), advanced by hand; seq keeps same-time events FIFO. */
final class ManualTimers implements Timers {
  private record Event(long time, long seq, Runnable action) {}

  private final PriorityQueue<Event> queue = new PriorityQueue<>(
      Comparator.comparingLong(Event::time).thenComparingLong(Event::seq));
  private long now;
  private long seq;

  @Override
  public long now() {
    return now;
  }

  @Override
  public void after(long delayNs, Runnable action) {
    if (delayNs < 0) {
      throw new IllegalArgumentException("negative delay " + delayNs);
    }
    queue.add(new Event(now + delayNs, seq++, action));
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
      e.action().run();
      afterEach.run();
    }
    now = Math.max(now, time);
  }

  int queued() {
    return queue.size();
  }
}
