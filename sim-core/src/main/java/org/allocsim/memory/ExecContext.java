package org.allocsim.memory;

/**
 * Where a program runs; decides what happens when a per-CPU cache is empty. docs/kernel-allocator.md [S23].
 *
 * <p>Only the non-RT kernel is modelled: Kumar's table (confirmed "All looks correct" by Alexei, v4 thread) says the
 * irq_work self-IPI refills task and softirq programs synchronously "by interrupting the program", while a hard-IRQ
 * program sees NULL until its handler returns and an NMI program sees -ENOMEM once the cache is depleted.
 */
public enum ExecContext {
  /** Process context (syscall, sleepable or non-sleepable program run from a task). */
  TASK,
  /** Softirq (e.g. XDP/tc from NAPI). */
  SOFTIRQ,
  /** Hard interrupt handler: the self-IPI is deferred until the handler returns. */
  HARDIRQ,
  /** Non-maskable interrupt (e.g. perf_event programs): nothing can refill in time. */
  NMI;

  /** task/softirq (non-RT): the irq_work self-IPI refills "by interrupting the program". */
  public boolean refillsSynchronously() {
    return this == TASK || this == SOFTIRQ;
  }
}
