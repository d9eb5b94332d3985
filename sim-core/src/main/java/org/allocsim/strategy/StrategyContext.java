package org.allocsim.strategy;

import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.MemoryParams;
import org.allocsim.memory.ObjectTable;
import org.allocsim.params.Parameters;
import org.allocsim.world.BpfMap;
import org.allocsim.world.World;

/**
 * What a strategy may see and do. Allocators are reference counted by the kernel: a strategy takes and drops
 * references, and the kernel destroys an allocator when its last reference goes, exactly as
 * bpf_mem_alloc_destroy() would be called. The oracle then checks that this was safe.
 */
public interface StrategyContext {

  World world();

  ObjectTable objects();

  MemoryParams memory();

  /** The run's parameters (strategy options are keyed {@code <strategy>.<option>}). */
  Parameters parameters();

  /** Simulated time, ns. */
  long now();

  /** Creates an allocator (0 = every size class) holding one reference for the caller. */
  int createAllocator(String name, int fixedUnitBytes);

  void acquire(int allocator);

  /** Drops a reference; the last one destroys the allocator. */
  void release(int allocator);

  int references(int allocator);

  BpfMemAlloc allocator(int allocator);

  /** The allocator an allocator map owns. */
  default int allocatorOf(BpfMap allocatorMap) {
    return allocatorMap.allocator();
  }

  /** Counts runtime bookkeeping operations (refcount increments, list walks) charged to this design. */
  void chargeBookkeeping(long operations);

  /**
   * Runs action delayNs of simulated time from now, as a kernel callback (a percpu_ref release, a deferred check
   * after a free). A strategy cannot release an allocator inside {@link LifetimeStrategy#onFree} or
   * {@link LifetimeStrategy#freeTarget}, because the free into it follows; it defers the release through here.
   */
  void after(long delayNs, Runnable action);
}
