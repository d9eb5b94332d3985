package org.allocsim.kernel;

import org.allocsim.memory.Timers;

/**
 * The run's clock and the kernel's timers: the memory's irq_work and RCU callbacks, program frees and a design's
 * deferred actions all wait in one {@link CallbackHeap}, which {@link KernelStream} runs between the records, and
 * the {@link Scheduler} hears of each so that it runs at its place in time.
 */
final class KernelTimers implements Timers {
  private final CallbackHeap callbacks = new CallbackHeap();
  private Scheduler scheduler;
  private long now;

  /** Told of every callback added, so that the records and DSOL's events leave it its place in time. */
  interface Scheduler {
    void callbackAdded(long timeNs);
  }

  void setScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public long now() {
    return now;
  }

  void setNow(long timeNs) {
    this.now = timeNs;
  }

  @Override
  public int callback(Runnable action) {
    return callbacks.register(action);
  }

  @Override
  public void after(long delayNs, int callback) {
    long t = at(delayNs);
    callbacks.add(t, callback);
    scheduler.callbackAdded(t);
  }

  /** A one-time callback (a program free, a design's deferred action), in the order of every other one. */
  void once(long delayNs, Runnable action) {
    long t = at(delayNs);
    callbacks.addOnce(t, action);
    scheduler.callbackAdded(t);
  }

  /** The pending callbacks, which {@link KernelStream} runs between records. */
  CallbackHeap callbacks() {
    return callbacks;
  }

  private long at(long delayNs) {
    if (delayNs < 0) {
      throw new IllegalArgumentException("a callback " + delayNs + " ns in the past");
    }
    return now + delayNs;
  }
}
