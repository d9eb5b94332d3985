package org.allocsim.kernel;

import java.util.HashSet;
import java.util.Set;
import org.allocsim.btf.BtfType;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.BpfMap;

/**
 * Kernel objects a program acquires (KF_ACQUIRE kfuncs) and releases: references outside every design's
 * allocators. A {@code bpf_cpumask} comes from the kernel's own {@code bpf_cpumask_ma} (kernel/bpf/cpumask.c:
 * bpf_mem_alloc_init(&bpf_cpumask_ma, sizeof(struct bpf_cpumask), false); bpf_cpumask_release() frees with
 * bpf_mem_cache_free_rcu); any other kernel struct (task_struct, cgroup, ...) already exists, so acquiring it takes
 * a reference and allocates nothing. The kernel creates bpf_cpumask_ma at boot; here it is created at the first
 * cpumask, so scenarios without one do not carry its prefill.
 */
final class KernelObjects {
  /** What {@link #acquire} returns for a reference to an object that already exists. */
  static final int EXISTING = -2;
  private static final String CPUMASK = "bpf_cpumask";

  private final Engine engine;
  /** Slots (map id, slot) that hold a reference to an existing kernel object: a side table, no memory. */
  private final Set<Long> references = new HashSet<>();
  private int cpumaskAllocator = -1;

  KernelObjects(Engine engine) {
    this.engine = engine;
  }

  /** Whether type is allocated by the kernel's own allocator (bpf_cpumask) rather than already existing. */
  static boolean allocated(BtfType type) {
    return type.name().equals(CPUMASK);
  }

  /** The allocator acquiring type uses, for the census: bpf_cpumask_ma, or -1. */
  int allocatorFor(BtfType type) {
    return allocated(type) ? cpumaskAllocator : -1;
  }

  /**
   * bpf_cpumask_create() (from bpf_cpumask_ma; -1 when it returns NULL) or bpf_task_acquire() and the like
   * ({@link #EXISTING}).
   */
  int acquire(BtfType type, int cpu, ExecContext ctx) {
    if (!allocated(type)) {
      return EXISTING;
    }
    if (cpumaskAllocator < 0) {
      // struct bpf_cpumask plus the 8-byte llist_node header of a fixed-size bpf_mem_alloc
      cpumaskAllocator = engine.createAllocator("bpf_cpumask_ma", type.sizeBytes() + 8);
    }
    return engine.allocator(cpumaskAllocator).alloc(cpu, type.sizeBytes(), ctx);
  }

  /** Whether obj is a kernel object (from bpf_cpumask_ma): its release bypasses the design. */
  boolean owns(int obj) {
    return cpumaskAllocator >= 0 && engine.objects().allocator(obj) == cpumaskAllocator;
  }

  /**
   * bpf_cpumask_release(): the last reference frees it into bpf_cpumask_ma, with bpf_mem_cache_free_rcu since
   * "bpf: Convert bpf_cpumask to bpf_mem_cache_free_rcu" (the S28 series, v6.5), bpf_mem_cache_free before: the
   * run's memory.free_path, which the presets set.
   */
  void release(int obj, int cpu) {
    BpfMemAlloc a = engine.allocator(cpumaskAllocator);
    a.free(obj, cpu);
  }

  /** Stores a reference to an existing kernel object in a slot; true if the slot held one (now released). */
  boolean storeReference(BpfMap m, long slot) {
    return !references.add(key(m, slot));
  }

  /** bpf_kptr_xchg(&slot, NULL) on a slot holding a reference to an existing object: true if there was one. */
  boolean takeReference(BpfMap m, long slot) {
    // Every empty take asks: without references held (no task_struct kptr in the world), no boxed key (issue 17).
    return !references.isEmpty() && references.remove(key(m, slot));
  }

  /** Map free: every reference the map held is released (the objects themselves stay). */
  void releaseAll(BpfMap m) {
    references.removeIf(k -> (int) (k >>> 40) == m.id());
  }

  /** References to existing kernel objects held in maps now. */
  int heldReferences() {
    return references.size();
  }

  private static long key(BpfMap m, long slot) {
    return ((long) m.id() << 40) | slot;
  }
}
