package org.allocsim.strategy;

import org.allocsim.memory.AllocatorRef;

/**
 * Per-object notifications on the per-record path, for a design that keeps runtime counts (design 1). A design
 * that wants them registers once with {@link StrategyContext#observe}; the kernel calls nothing per record for the
 * others. Arguments are primitive or preexisting so that no call allocates.
 */
public interface ObjectHooks {

  /** object was served by allocator on cpu. */
  void allocated(int object, AllocatorRef allocator, int cpu);

  /** object is about to go back to allocator from cpu. A design must not release allocator from here. */
  void freed(int object, AllocatorRef allocator, int cpu);
}
