package org.allocsim.kernel;

import java.util.function.LongSupplier;

/**
 * The engine's own events in one time order: the trace records and the kernel's timed callbacks
 * ({@link CallbackHeap}). DSOL keeps only control actions and metric samples, and sees this stream as one event at
 * its first item (a callback at {@link Priority#INTERNAL}, a record at {@link Priority#REPLAY}). When that event
 * fires, the stream applies records and runs callbacks in DSOL's own order (time, then priority, then FIFO) up to
 * the first pending DSOL event, then is scheduled again at its next item. So the order of every record, callback
 * and DSOL event is the one DSOL gave them when each callback was a DSOL event (issue 17: a DSOL event costs a lock,
 * a logger lookup and an {@code Object[]}; an irq_work raise is one every few records).
 */
final class KernelStream {
  private final Engine engine;
  private final Replayer replayer;
  private final CallbackHeap callbacks;
  private final long endNs;
  private final boolean oneItemPerEvent;
  private final LongSupplier batch;
  private final LongSupplier one;
  private Runnable audit = () -> {};
  private boolean running;
  private long horizonTime;
  private short horizonPriority;

  /**
   * @param oneItemPerEvent the naive driver: one record or callback per DSOL event, the baseline of the bench
   */
  KernelStream(Engine engine, Replayer replayer, long endNs, boolean oneItemPerEvent) {
    this.engine = engine;
    this.replayer = replayer;
    this.callbacks = engine.callbacks();
    this.endNs = endNs;
    this.oneItemPerEvent = oneItemPerEvent;
    this.batch = replayer::runBatch;
    this.one = replayer::runOne;
  }

  /** Runs after every callback (the opt-in conservation check of {@link Simulation#runAudited}). */
  void afterEachCallback(Runnable r) {
    this.audit = r;
  }

  /** True while the stream applies records and callbacks. */
  boolean running() {
    return running;
  }

  /** A callback added while the stream runs: one due before the next record stops the records there. */
  void callbackAdded(long timeNs) {
    replayer.noteScheduled(timeNs, Priority.INTERNAL);
  }

  /** A DSOL event scheduled while the stream runs: the stream stops before it. */
  void clockEventAdded(long timeNs, short priority) {
    if (before(timeNs, priority, horizonTime, horizonPriority)) {
      horizonTime = timeNs;
      horizonPriority = priority;
    }
    replayer.noteScheduled(timeNs, priority);
  }

  /** Time of the first item, or -1 when none is left before the end of the run. */
  long nextTime() {
    long r = replayer.nextTime();
    long c = nextCallback();
    return c >= 0 && (r < 0 || c <= r) ? c : r;
  }

  /** DSOL priority of the first item; only after {@link #nextTime()} returned a time. */
  short nextPriority() {
    long r = replayer.nextTime();
    long c = nextCallback();
    return c >= 0 && (r < 0 || c <= r) ? Priority.INTERNAL : Priority.REPLAY;
  }

  /**
   * Applies records and runs callbacks that come before the first pending DSOL event, at (timeNs, priority);
   * {@link Long#MAX_VALUE} when there is none. Records run under the current record's label, callbacks under the
   * label of the enclosing event, as they did as DSOL events.
   */
  void run(long timeNs, short priority) {
    horizonTime = timeNs;
    horizonPriority = priority;
    running = true;
    try {
      if (oneItemPerEvent) {
        long c = nextCallback();
        long r = replayer.nextTime();
        if (c >= 0 && (r < 0 || c <= r)) {
          fire();
        } else {
          engine.during(null, one);
        }
        return;
      }
      while (true) {
        long c = nextCallback();
        if (c >= 0 && before(c, Priority.INTERNAL, horizonTime, horizonPriority)) {
          replayer.setHorizon(c, Priority.INTERNAL);
        } else {
          replayer.setHorizon(horizonTime, horizonPriority);
        }
        long r = engine.during(null, batch);
        // The records stopped at a callback (one scheduled by them included) or at the DSOL event.
        c = nextCallback();
        if (c < 0 || (r >= 0 && c > r) || !before(c, Priority.INTERNAL, horizonTime, horizonPriority)) {
          return;
        }
        fire();
      }
    } finally {
      running = false;
    }
  }

  private void fire() {
    long t = callbacks.firstTime();
    Runnable action = callbacks.poll();
    engine.setNow(t);
    action.run();
    audit.run();
  }

  /** Time of the first callback, or -1 when none is due by the end of the run (DSOL would never fire it). */
  private long nextCallback() {
    return !callbacks.isEmpty() && callbacks.firstTime() <= endNs ? callbacks.firstTime() : -1;
  }

  /** DSOL's order: time, then higher priority first. */
  private static boolean before(long t, short p, long otherTime, short otherPriority) {
    return t < otherTime || (t == otherTime && p > otherPriority);
  }
}
