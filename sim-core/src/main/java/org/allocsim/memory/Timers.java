package org.allocsim.memory;

/**
 * Timer service the kernel implements on top of DSOL. Times are nanoseconds of simulated time.
 *
 * <p>This package never reads a wall clock: irq_work and RCU callbacks are the only deferred work, and both go
 * through {@link #after(long, Runnable)}. The Runnables passed are preallocated per cache, so an implementation may
 * keep references to them but must not assume they are distinct per call.
 */
public interface Timers {
  /** Current simulated time in nanoseconds. */
  long now();

  /** Runs action at now()+delayNs (delayNs &gt;= 0) as an internal kernel event (irq_work, RCU callback). */
  void after(long delayNs, Runnable action);
}
