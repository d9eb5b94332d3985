package org.allocsim.memory;

import java.util.Objects;

/**
 * The free side of one allocator: unit_free() and unit_free_rcu() from a CPU into that CPU's cache, the c->tgt hint
 * they leave, and bpf_mem_free() of an object another allocator served (Alexei's cross-allocator free, 2022-09-02,
 * S19). Split from {@link BpfMemAlloc}, which delegates to it.
 */
final class UnitFree {
  private final BpfMemAlloc allocator;
  private final Slab slab;
  private final ObjectTable objects;
  private final Timers timers;
  private final UnitClasses classes;
  private final Accounts acc;
  private final MemCaches caches;
  private final RcuStages rcu;
  private final Refill refill;
  private long lastFreeTime = -1;

  UnitFree(BpfMemAlloc allocator, Slab slab, UnitClasses classes, Accounts acc, MemCaches caches, RcuStages rcu,
      Refill refill) {
    this.allocator = allocator;
    this.slab = slab;
    this.objects = slab.objects();
    this.timers = slab.timers();
    this.classes = classes;
    this.acc = acc;
    this.caches = caches;
    this.rcu = rcu;
    this.refill = refill;
  }

  /** Time of the last free into this allocator, either path, -1 if none. */
  long lastFreeTime() {
    return lastFreeTime;
  }

  /** See {@link BpfMemAlloc#free(int, int, FreePath)}. */
  void free(int obj, int cpu, FreePath path) {
    Objects.checkIndex(cpu, caches.cpus);
    // One read of the header word gives the state, the allocator, the size class and the allocating CPU.
    long header = objects.headerWord(obj);
    if (allocator.destroyed() || !ObjectWords.isLive(header)) {
      throw new IllegalStateException("free of object " + obj + " in state " + objects.state(obj)
          + " into " + allocator.name() + (allocator.destroyed() ? " (destroyed)" : ""));
    }
    if (ObjectWords.allocatorOf(header) != allocator.id()) {
      throw new IllegalArgumentException("object " + obj + " belongs to allocator "
          + ObjectWords.allocatorOf(header) + ", not " + allocator.id());
    }
    // A size==0 allocator's object records its class; a fixed-unit allocator has the one class 0. The recorded
    // class is SizeClasses.classOfUnit(unit) whenever that exists (ObjectTable.acquire), which is what
    // classOfOwnUnit() gave, for a foreign object too: only class units fit a size==0 allocator.
    int cls = classes.fixedUnitBytes == 0 ? ObjectWords.sizeClassOf(header) : 0;
    int c = caches.index(cpu, cls);
    // "Remember bpf_mem_cache that allocated this object. The hint is not accurate."
    caches.tgt[c] = caches.index(ObjectWords.linkOf(header), cls);
    caches.tgtOwner[c] = null;
    lastFreeTime = timers.now();
    // No free_llist_extra: a discrete-event model never re-enters a cache, so 'active' is never busy.
    // Warm-eligible on both paths: after an RCU free the refill reuses it after the grace period (alloc_bulk,
    // 04fabf00b4d3), and whether its lines are still cached depends on the traffic since (docs/model.md, Warmth).
    objects.recordFree(obj, cpu, slab.cpuTraffic(cpu), true);
    if (path == FreePath.DIRECT) {
      caches.freeToFreeList(c, obj);
      if (caches.freeCnt[c] > caches.limits(c).high()) {
        refill.raise(c); // "free few objects from current cpu into global kmalloc pool"
      }
    } else {
      caches.freeToFreeByRcu(c, obj);
      if (!rcu.stage1InFlight(c)) {
        refill.raise(c); // its check_free_by_rcu() starts the RCU GP
      }
    }
  }

  /** See {@link BpfMemAlloc#freeForeign(int, int, BpfMemAlloc)}; {@code owner} is the owner's free side. */
  void freeForeign(int obj, int cpu, BpfMemAlloc ownerAllocator, UnitFree owner) {
    if (!objects.isLive(obj) || objects.allocator(obj) != ownerAllocator.id() || owner == this
        || allocator.destroyed()) {
      throw new IllegalStateException("free of object " + obj + " of " + ownerAllocator.name() + " into "
          + allocator.name());
    }
    int unit = objects.unitBytes(obj);
    int cls = classes.classOfForeignUnit(unit);
    if (cls < 0) {
      throw new IllegalArgumentException("a " + unit + "-byte unit does not fit allocator " + allocator.name());
    }
    int ownerCache = owner.caches.index(objects.allocCpu(obj), owner.classes.classOfOwnUnit(unit));
    // The lists (and so the books) are this allocator's from now on; the header's cache stays the owner's.
    owner.acc.liveOut(unit);
    acc.liveIn(unit);
    objects.setAllocator(obj, allocator.id());
    free(obj, cpu, slab.params().freePath());
    int c = caches.index(cpu, cls);
    caches.tgt[c] = ownerCache;
    caches.tgtOwner[c] = owner.caches;
  }
}
