package org.allocsim.memory;

import java.util.Objects;

/**
 * One bpf_mem_alloc instance: per-CPU caches of one size class (fixed-size allocator, the hash-map case) or of the
 * 11 classes of {@link SizeClasses} (size==0 allocator, e.g. bpf_global_ma). docs/kernel-allocator.md.
 *
 * <p><b>Warmth.</b> An allocation is WARM when the object popped from the CPU's free list was last freed on that
 * same CPU and less than {@link MemoryParams#warmCacheBytes()} of allocation traffic (sum of unit bytes allocated on
 * that CPU, all allocators) happened on that CPU since that free, whether it came straight from the free list or
 * back from an RCU list through a refill. It is COLD otherwise: prefill/refill objects from slab, objects freed on
 * another CPU, or after too much traffic: at the rates of Alexei's benchmark a grace period is a window of traffic
 * ("Waiting for RCU GP makes objects cache cold", docs/kernel-allocator.md [S28]), at lower rates it is not.
 *
 * <p>Everything runs on the simulator thread; alloc and free allocate no Java objects.
 */
public final class BpfMemAlloc {
  private static final int NIL = ObjectTable.NIL;

  private final Slab slab;
  private final ObjectTable objects;
  private final Timers timers;
  private final MemoryParams params;
  private final int id;
  private final String name;
  private final UnitClasses classes;
  /** Unit of the one class of a fixed-size allocator, 0 for a size==0 allocator. */
  private final int fixedUnitBytes;
  private final Accounts acc = new Accounts();
  private final MemCaches caches;
  private final RcuStages rcu;
  private final Refill refill;
  private final long structBytes;
  /** Bytes one allocation brings into this CPU's cache when that is not the charged unit (a percpu object), else 0. */
  private final int touchedBytes;
  private final AllocatorRef ref = new AllocatorRef(this);
  private final UnitFree frees;
  private boolean destroyed;

  BpfMemAlloc(Slab slab, int id, String name, int fixedUnitBytes, boolean percpu) {
    this.classes = new UnitClasses(fixedUnitBytes, percpu, slab.params().cpus());
    this.slab = slab;
    this.objects = slab.objects();
    this.timers = slab.timers();
    this.params = slab.params();
    this.id = id;
    this.name = name;
    this.fixedUnitBytes = classes.fixedUnitBytes;
    this.touchedBytes = classes.touchedBytes;
    this.caches = new MemCaches(id, classes.units, classes.limitUnits, percpu, slab, acc);
    this.rcu = new RcuStages(caches, timers, params);
    caches.rcu = rcu;
    this.refill = new Refill(caches, rcu, timers, params.irqWorkLatencyNs());
    this.frees = new UnitFree(this, slab, classes, acc, caches, rcu, refill);
    this.structBytes = (long) params.cacheStructBytes() * caches.count();
    slab.addOverhead(structBytes);
    for (int c = 0; c < caches.count(); c++) {
      // prefill_mem_cache(), GFP_KERNEL: one object for a percpu cache (5b95e638f134)
      refill.allocBulk(c, percpu ? 1 : CacheLimits.prefillCount(caches.unit(c)));
    }
  }

  public int id() {
    return id;
  }

  /** The read-only reference strategies hold. */
  public AllocatorRef ref() {
    return ref;
  }

  public String name() {
    return name;
  }

  public boolean destroyed() {
    return destroyed;
  }

  /**
   * Bytes slab charges per object of a fixed-size allocator: the kmalloc bucket of its 8-rounded unit (object plus
   * header); 0 for a size==0 allocator.
   */
  public int fixedUnitBytes() {
    return fixedUnitBytes;
  }

  /** Size classes per CPU: 11 for size==0, 1 for a fixed-size allocator. */
  public int classCount() {
    return caches.classes;
  }

  /**
   * The size class {@link #alloc} uses for a request, or -1 if it cannot be served: for size==0
   * {@link SizeClasses#classOf(int)}; for a fixed-size allocator 0 for any objectBytes &gt; 0, because
   * bpf_mem_cache_alloc() takes no size (the map always asks for its element size, fixed at creation).
   */
  public int sizeClassOf(int objectBytes) {
    return classes.classOf(objectBytes);
  }

  /**
   * unit_alloc on cpu. Returns the object id, or -1 on failure (NMI/HARDIRQ with an empty free list, size too big,
   * or destroyed allocator). Marks it LIVE, counts warm/cold/failed, raises irq_work below the low watermark.
   * "Size too big" means objectBytes &lt;= 0 or objectBytes + 8 &gt; 4096 for a size==0 allocator; a fixed-size
   * allocator only rejects objectBytes &lt;= 0 (see {@link #sizeClassOf(int)}).
   *
   * <p>A TASK or SOFTIRQ program that finds the list empty runs the pending refill at once and retries once
   * ([S23]: the irq_work self-IPI refills "by interrupting the program"). Every -1 counts in
   * {@link Slab#failedAllocs()}.
   */
  public int alloc(int cpu, int objectBytes, ExecContext ctx) {
    Objects.checkIndex(cpu, caches.cpus);
    int cls = sizeClassOf(objectBytes);
    if (destroyed || cls < 0) {
      slab.countFailure();
      return -1;
    }
    int c = caches.index(cpu, cls);
    int obj = unitAlloc(c);
    if (obj == NIL && ctx.refillsSynchronously() && caches.freeCnt[c] < caches.limits(c).low()) {
      refill.runNow(c);
      obj = unitAlloc(c);
    }
    if (obj == NIL) {
      slab.countFailure();
      return -1;
    }
    boolean warm = objects.isWarm(obj, cpu, slab.cpuTraffic(cpu), params.warmCacheBytes());
    slab.countAlloc(cpu, touchedBytes > 0 ? touchedBytes : caches.unit(c), warm);
    return obj;
  }

  /** unit_free / unit_free_rcu chosen by {@link MemoryParams#freePath()}; see {@link #free(int, int, FreePath)}. */
  public void free(int obj, int cpu) {
    free(obj, cpu, params.freePath());
  }

  /**
   * unit_free / unit_free_rcu from cpu, into THIS allocator's cache on that cpu (the kernel frees to the current
   * CPU's cache; c->tgt remembers the allocating cache).
   *
   * @throws IllegalStateException    if the object is not LIVE or the allocator is destroyed (use-after-free in
   *                                  the kernel; the oracle must catch it before calling)
   * @throws IllegalArgumentException if the object was allocated by another allocator
   */
  public void free(int obj, int cpu, FreePath path) {
    frees.free(obj, cpu, path);
  }

  /**
   * bpf_mem_alloc_destroy: drain every list of every CPU straight back to slab (kernel drain_mem_cache), release
   * the per-CPU cache structs, mark destroyed. LIVE objects are NOT touched (the kernel does not track them).
   * RCU callbacks that fire later find a destroyed allocator and do nothing. A second call does nothing.
   */
  public void destroy() {
    if (destroyed) {
      return;
    }
    destroyed = true;
    caches.draining = true; // WRITE_ONCE(c->draining, true); pending irq_work then does nothing
    slab.releaseOverhead(structBytes);
    for (int c = 0; c < caches.count(); c++) {
      caches.drain(c);
    }
    // The kernel frees the percpu structs after rcu_barrier()s in a worker when callbacks are in flight;
    // the contract counts them released here, while callbacksInFlight() still reports the late callbacks.
  }

  /**
   * Sends every per-CPU free list back towards slab through free_bulk()'s path (a tasks-trace grace period), so
   * that an idle allocator keeps only its structs: design 1's "freelists drained on unload" (Delyan 08-31, S14).
   * Returns the bytes that left the free lists.
   */
  public long drainFreeLists() {
    if (destroyed) {
      return 0;
    }
    long before = acc.cachedBytes;
    for (int c = 0; c < caches.count(); c++) {
      refill.drainToSlab(c);
    }
    return before - acc.cachedBytes;
  }

  /**
   * Writes off a LIVE object of this allocator after a use-after-free: it goes back to slab so that later figures
   * stay conservative (the kernel would corrupt memory instead). Allowed on a destroyed allocator.
   */
  public void writeOff(int obj) {
    if (!objects.isLive(obj) || objects.allocator(obj) != id) {
      throw new IllegalStateException("write-off of object " + obj + " that is not live in " + name);
    }
    acc.liveToSlab(objects.unitBytes(obj));
    slab.kfree(obj);
  }

  /**
   * bpf_mem_free(this, p) of a LIVE object that {@code owner} served (Alexei's cross-allocator free, 2022-09-02,
   * S19): p goes on this allocator's list of the current CPU, reusable here, while c->tgt keeps the owner's cache
   * from p's header, so that a later free_bulk() or __free_by_rcu() of this cache sends what it frees to the owner
   * (a use-after-free if the owner is destroyed by then). The unit must fit this allocator.
   */
  public void freeForeign(int obj, int cpu, BpfMemAlloc owner) {
    frees.freeForeign(obj, cpu, owner, owner.frees);
  }

  /** bpf_mem_prefill-like helper for scenarios: alloc_bulk(count) on that cache now (reuse first, then slab). */
  public void prefill(int cpu, int sizeClass, int count) {
    if (destroyed) {
      throw new IllegalStateException("prefill of destroyed allocator " + name);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
    refill.allocBulk(cache(cpu, sizeClass), count);
  }

  /** free_cnt of that cache (tests, NMI claims). */
  public int freeCount(int cpu, int sizeClass) {
    return caches.freeCnt[cache(cpu, sizeClass)];
  }

  /** Objects allocated from this allocator and not freed. */
  public long liveObjects() {
    return acc.liveObjects;
  }

  /** Unit bytes (header included) of the live objects. */
  public long liveBytes() {
    return acc.liveBytes;
  }

  /** Bytes on the free lists (free_llist) of all CPUs. */
  public long cachedBytes() {
    return acc.cachedBytes;
  }

  /** Bytes waiting in both RCU stages (free_by_rcu, waiting_for_gp, free_by_rcu_ttrace, waiting_for_gp_ttrace). */
  public long waitingBytes() {
    return acc.waitingBytes;
  }

  /** cacheStructBytes * cpus * caches (0 after destroy). */
  public long overheadBytes() {
    return destroyed ? 0 : structBytes;
  }

  /** Bytes this allocator ever got from slab (prefill + refills). */
  public long allocatedBytes() {
    return acc.allocatedBytes;
  }

  /** Bytes this allocator gave back to slab (after stage 2, or by destroy). */
  public long returnedBytes() {
    return acc.returnedBytes;
  }

  /** Any RCU stage callback pending on any CPU (still true after destroy until the late callbacks fire). */
  public boolean callbacksInFlight() {
    return rcu.inFlight();
  }

  /** Time of the last free into this allocator, either path (for the oracle), -1 if none. */
  public long lastRcuFreeTime() {
    return frees.lastFreeTime();
  }

  @Override
  public String toString() {
    return "BpfMemAlloc[" + id + " " + name + (fixedUnitBytes == 0 ? " size==0" : " unit=" + fixedUnitBytes)
        + (destroyed ? " destroyed" : "") + "]";
  }

  // ---- package-private views for tests ----

  MemCaches caches() {
    return caches;
  }

  boolean irqWorkPending(int cpu, int sizeClass) {
    return refill.pending(cache(cpu, sizeClass));
  }

  /** unit_alloc(): pop; raise irq_work if free_cnt is now below low (also when the list was empty). */
  private int unitAlloc(int c) {
    int obj = caches.allocFromFreeList(c);
    int cnt = obj == NIL ? 0 : caches.freeCnt[c];
    if (cnt < caches.limits(c).low()) {
      refill.raise(c);
    }
    return obj;
  }

  private int cache(int cpu, int sizeClass) {
    Objects.checkIndex(cpu, caches.cpus);
    Objects.checkIndex(sizeClass, caches.classes);
    return caches.index(cpu, sizeClass);
  }
}
