package org.allocsim.strategy;

import java.util.List;
import java.util.function.ObjLongConsumer;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.memory.MemoryParams;
import org.allocsim.params.Parameters;
import org.allocsim.world.MapView;

/**
 * What a strategy may see and do. It sees the kernel through read-only views; it acts only by taking and dropping
 * allocator references and draining an allocator's caches. The kernel destroys an allocator when its last reference
 * goes, exactly as bpf_mem_alloc_destroy() would be called, and the oracle then checks that this was safe.
 */
public interface StrategyContext {

  /** The run's parameters (strategy options are keyed {@code <strategy>.<option>}). */
  Parameters parameters();

  MemoryParams memory();

  /** Simulated time, ns. */
  long now();

  /** Every map created so far, indexed by map id (freed ones included). */
  List<? extends MapView> maps();

  /** The allocator an allocator map stands for. */
  AllocatorRef allocatorOf(MapView allocatorMap);

  /** The allocator a map's elements come from, or null for a map without element memory. */
  AllocatorRef elementAllocatorOf(MapView map);

  /** The allocator that served a live object (its header). */
  AllocatorRef allocatorOfObject(int object);

  /**
   * Visits the allocators named by the headers of the objects map's kptr fields hold now, in allocator id order,
   * with how many objects each: counts the kernel keeps as it stores and takes, so that a design's walk over every
   * value (design 0's unload walk) costs the number of allocators, not of slots (issue 17).
   */
  void forEachStoredAllocator(MapView map, ObjLongConsumer<AllocatorRef> visitor);

  /** Unit bytes of a live object (header included). */
  int unitBytes(int object);

  /** References the allocator has now. */
  int references(AllocatorRef allocator);

  /** Creates an allocator of every size class, holding one reference for the caller. */
  AllocatorRef createAllocator(String name);

  /** Takes a reference. */
  void acquire(AllocatorRef allocator);

  /** Drops a reference; the last one destroys the allocator. */
  void release(AllocatorRef allocator);

  /** Sends the allocator's free lists back towards slab (design 1's drain on unload, S14); 0 if destroyed. */
  long drainFreeLists(AllocatorRef allocator);

  /** Counts runtime bookkeeping operations (refcount increments, list walks) charged to this design. */
  void chargeBookkeeping(long operations);

  /**
   * Runs action delayNs of simulated time from now, as a kernel callback (a percpu_ref release, a deferred check
   * after a free). A strategy cannot release an allocator from {@link ObjectHooks#freed}, because the free into it
   * follows; it defers the release through here.
   */
  void after(long delayNs, Runnable action);

  /** Asks for per-object notifications on the per-record path (design 1's counts); at most once, from attach. */
  void observe(ObjectHooks hooks);
}
