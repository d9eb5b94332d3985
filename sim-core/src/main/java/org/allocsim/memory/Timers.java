package org.allocsim.memory;

/**
 * Timer service the kernel implements (its callback heap, between the records; issue 17). Times are nanoseconds of
 * simulated time.
 *
 * <p>This package never reads a wall clock: irq_work and RCU callbacks are the only deferred work, and both go
 * through {@link #after(long, int)}. A cache registers each of its callbacks once, as the kernel initialises an
 * irq_work or embeds an rcu_head, and schedules it by handle: no object per call.
 */
public interface Timers {
  /** Current simulated time in nanoseconds. */
  long now();

  /** Registers action once (init_irq_work(), an rcu_head); returns the handle {@link #after(long, int)} takes. */
  int callback(Runnable action);

  /** Runs the registered callback at now()+delayNs (delayNs &gt;= 0) as an internal kernel event. */
  void after(long delayNs, int callback);
}
