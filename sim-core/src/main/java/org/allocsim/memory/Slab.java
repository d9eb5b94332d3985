package org.allocsim.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every allocator shares in one run: the object table, per-CPU allocation traffic (for warmth), the slab
 * (kmalloc) side and run-wide counters. One instance per simulation run; never static state.
 *
 * <p>Slab itself is modelled as infinite and instantaneous: kmalloc_node(GFP_NOWAIT) never fails here, so the only
 * allocation failures are those of the per-CPU caches (docs/kernel-allocator.md).
 */
public final class Slab {
  private final MemoryParams params;
  private final Timers timers;
  private final ObjectTable objects = new ObjectTable();
  /** Sum of unit bytes successfully allocated on each CPU, all allocators: the clock of cache warmth. */
  private final long[] cpuTraffic;
  private final Map<Integer, BpfMemAlloc> allocators = new HashMap<>();
  private long warmAllocs;
  private long coldAllocs;
  private long failedAllocs;
  private long slabAllocatedBytes;
  private long slabReturnedBytes;
  private long overheadBytes;
  private long peakBytes;

  private LateFreeListener lateFreeListener;
  private long lateFreesIntoDestroyed;

  public Slab(MemoryParams params, Timers timers) {
    this.params = Objects.requireNonNull(params, "params");
    this.timers = Objects.requireNonNull(timers, "timers");
    this.cpuTraffic = new long[params.cpus()];
    objects.listedBy((obj, allocatorId) -> allocators.get(allocatorId).caches().listState(obj));
  }

  public MemoryParams params() {
    return params;
  }

  public ObjectTable objects() {
    return objects;
  }

  /**
   * bpf_mem_alloc_init(): caches on every CPU, each prefilled from slab (docs/kernel-allocator.md).
   *
   * @param allocatorId    id recorded in {@link ObjectTable#allocator(int)}; unique in this run
   * @param fixedUnitBytes 0 = size==0 allocator with 11 classes; otherwise the unit size (object plus the 8-byte
   *                       header), rounded up to 8, of a one-class allocator (the hash-map case)
   */
  public BpfMemAlloc create(int allocatorId, String name, int fixedUnitBytes) {
    return create(allocatorId, name, fixedUnitBytes, false);
  }

  /**
   * As {@link #create(int, String, int)}; {@code percpu}: a cache of bpf_global_percpu_ma (CacheLimits.PERCPU), whose
   * objects are each a 16-byte kmalloc (c->percpu_size: the llist_node and the per-CPU pointer) plus the unit on
   * every possible CPU (memalloc.c __alloc(): kmalloc_node(c->percpu_size) and __alloc_percpu_gfp(c->unit_size, 8)),
   * cached ones included: they give their per-CPU areas back only in free_one().
   */
  public BpfMemAlloc create(int allocatorId, String name, int fixedUnitBytes, boolean percpu) {
    Objects.requireNonNull(name, "name");
    if (fixedUnitBytes < 0) {
      throw new IllegalArgumentException("fixedUnitBytes must be >= 0: " + fixedUnitBytes);
    }
    if (allocators.containsKey(allocatorId)) {
      throw new IllegalArgumentException("allocator id already used in this run: " + allocatorId);
    }
    BpfMemAlloc ma = new BpfMemAlloc(this, allocatorId, name, fixedUnitBytes, percpu);
    allocators.put(allocatorId, ma);
    return ma;
  }

  /** kmalloc(c->percpu_size): LLIST_NODE_SZ + sizeof(void *), in kmalloc-16. */
  static final int PERCPU_POINTER_BYTES = 16;

  /** The allocator created with {@code allocatorId} (destroyed ones included), or null. */
  public BpfMemAlloc allocator(int allocatorId) {
    return allocators.get(allocatorId);
  }

  /** Successful allocations whose object was cache-hot; see {@link BpfMemAlloc#alloc}. */
  public long warmAllocs() {
    return warmAllocs;
  }

  /** Successful allocations whose object was cache-cold; see {@link BpfMemAlloc#alloc}. */
  public long coldAllocs() {
    return coldAllocs;
  }

  /** Allocations that returned -1, for any reason. */
  public long failedAllocs() {
    return failedAllocs;
  }

  /** Bytes ever obtained by kmalloc (prefill + refills). */
  public long slabAllocatedBytes() {
    return slabAllocatedBytes;
  }

  /** Bytes given back to slab (after the last grace period, or by destroy's drain). */
  public long slabReturnedBytes() {
    return slabReturnedBytes;
  }

  /** Allocation traffic of {@code cpu} so far, in unit bytes. */
  /** Highest allocator memory ever in use: objects obtained from slab and not returned, plus cache structs. */
  public long peakBytes() {
    return peakBytes;
  }

  public long cpuTraffic(int cpu) {
    return cpuTraffic[cpu];
  }

  // ---- package-private: the kmalloc side and the counters BpfMemAlloc feeds ----

  Timers timers() {
    return timers;
  }

  /** kmalloc_node(unit_size) for a cache of {@code allocatorId} on {@code cpu}; the object lands on a free list. */
  int kmalloc(int allocatorId, int unit, int cpu) {
    slabAllocatedBytes += unit;
    notePeak();
    return objects.acquire(allocatorId, unit, cpu, ObjectTable.CACHED);
  }

  /** kfree(): free_one() in memalloc.c. */
  void kfree(int obj) {
    slabReturnedBytes += objects.unitBytes(obj);
    objects.release(obj);
  }

  /** Counts a successful allocation of {@code unit} bytes on {@code cpu}; warmth is judged before the count. */
  void countAlloc(int cpu, int unit, boolean warm) {
    cpuTraffic[cpu] += unit;
    if (warm) {
      warmAllocs++;
    } else {
      coldAllocs++;
    }
  }

  /** The struct bpf_mem_cache memory of a new allocator. */
  void addOverhead(long bytes) {
    overheadBytes += bytes;
    notePeak();
  }

  /** The struct bpf_mem_cache memory of a destroyed allocator goes back. */
  void releaseOverhead(long bytes) {
    overheadBytes -= bytes;
  }

  private void notePeak() {
    long inUse = slabAllocatedBytes - slabReturnedBytes + overheadBytes;
    if (inUse > peakBytes) {
      peakBytes = inUse;
    }
  }

  void countFailure() {
    failedAllocs++;
  }

  /** Who hears of a free_bulk() or __free_by_rcu() whose c->tgt is a cache of a destroyed allocator. */
  public interface LateFreeListener {
    void intoDestroyed(int allocatorId);
  }

  /** Sets the listener of {@link #lateFreeIntoDestroyed} (the kernel's oracle); none by default. */
  public void onLateFreeIntoDestroyed(LateFreeListener listener) {
    this.lateFreeListener = listener;
  }

  void lateFreeIntoDestroyed(int allocatorId) {
    lateFreesIntoDestroyed++;
    if (lateFreeListener != null) {
      lateFreeListener.intoDestroyed(allocatorId);
    }
  }

  /** free_bulk()/__free_by_rcu() calls that found c->tgt in a destroyed allocator (use-after-free in the kernel). */
  public long lateFreesIntoDestroyed() {
    return lateFreesIntoDestroyed;
  }
}
