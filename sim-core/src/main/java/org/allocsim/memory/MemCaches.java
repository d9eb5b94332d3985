package org.allocsim.memory;

/**
 * The {@code struct bpf_mem_cache} of every CPU and size class of one allocator, as struct of arrays indexed by
 * {@code cache = cpu * classes + sizeClass}, and every move of an object between its lists.
 *
 * <p>Each list is a per-cache stack of object ids ({@link ObjectLists}) in place of the llist_node in the object
 * header. Each move keeps the object state and {@link Accounts} in step, so the byte
 * counters stay exact without scans. List order follows memalloc.c: every llist_add()/__llist_add() pushes at the
 * head and llist_del_first() pops the head, so reuse order is the kernel's.
 */
final class MemCaches {
  static final int NIL = ObjectTable.NIL;

  final int cpus;
  final int classes;
  /** c->draining: set by bpf_mem_alloc_destroy(); late irq_work and RCU callbacks then do nothing. */
  boolean draining;

  final ObjectLists free; // free_llist
  final int[] freeCnt; // free_cnt
  final int[] tgt; // c->tgt: allocating cache of the last object freed here ("hint")
  /** c->tgt when it is a cache of another allocator (an object it served was freed here), else null. */
  final MemCaches[] tgtOwner;
  final ObjectLists freeByRcu; // free_by_rcu
  final ObjectLists waitingForGp; // waiting_for_gp
  final ObjectLists freeByRcuTtrace; // free_by_rcu_ttrace
  final ObjectLists waitingForGpTtrace; // waiting_for_gp_ttrace

  final int allocatorId;
  /** This allocator's RCU stages, for a stage 2 that another allocator's free_bulk() starts here. */
  RcuStages rcu;
  private final int[] classUnit;
  /** Per cache, so that the per-record path reads a table instead of dividing by the class count. */
  private final int[] cacheUnit;
  private final int[] cacheCpu;
  private final CacheLimits[] cacheLimits;
  private final Slab slab;
  private final ObjectTable objects;
  private final Accounts acc;
  // Written, never read: the store keeps the JIT from dropping the read-ahead loads as dead code.
  @SuppressWarnings("UnusedVariable")
  private long sink;

  /**
   * classUnits: bytes charged per object of each class; limitUnits: the unit_size its watermarks follow; percpu: the
   * caches of a percpu allocator, with their own limits (CacheLimits.PERCPU).
   */
  MemCaches(int allocatorId, int[] classUnits, int[] limitUnits, boolean percpu, Slab slab, Accounts acc) {
    this.allocatorId = allocatorId;
    this.cpus = slab.params().cpus();
    this.classes = classUnits.length;
    this.classUnit = classUnits.clone();
    CacheLimits[] classLimits = new CacheLimits[classes];
    for (int i = 0; i < classes; i++) {
      classLimits[i] = percpu ? CacheLimits.PERCPU : CacheLimits.forUnit(limitUnits[i]);
    }
    this.slab = slab;
    this.objects = slab.objects();
    this.acc = acc;
    int n = cpus * classes;
    cacheUnit = new int[n];
    cacheCpu = new int[n];
    cacheLimits = new CacheLimits[n];
    for (int c = 0; c < n; c++) {
      cacheUnit[c] = classUnit[c % classes];
      cacheCpu[c] = c / classes;
      cacheLimits[c] = classLimits[c % classes];
    }
    free = new ObjectLists(n);
    freeCnt = new int[n];
    tgt = new int[n];
    tgtOwner = new MemCaches[n];
    for (int c = 0; c < n; c++) {
      tgt[c] = c; // bpf_mem_alloc_init(): c->tgt = c
    }
    freeByRcu = new ObjectLists(n);
    waitingForGp = new ObjectLists(n);
    freeByRcuTtrace = new ObjectLists(n);
    waitingForGpTtrace = new ObjectLists(n);
  }

  int count() {
    return cpus * classes;
  }

  int index(int cpu, int sizeClass) {
    return cpu * classes + sizeClass;
  }

  int cpuOf(int cache) {
    return cacheCpu[cache];
  }

  int unit(int cache) {
    return cacheUnit[cache];
  }

  int classUnit(int sizeClass) {
    return classUnit[sizeClass];
  }

  CacheLimits limits(int cache) {
    return cacheLimits[cache];
  }

  // ---- free_llist ----

  /** alloc_bulk(), last loop: a new object from kmalloc_node() onto free_llist. */
  void addNewToFreeList(int c) {
    int obj = slab.kmalloc(allocatorId, unit(c), cpuOf(c));
    free.push(c, obj);
    freeCnt[c]++;
    acc.slabToCache(unit(c));
  }

  /** unit_alloc(): pop free_llist, --free_cnt, write the owning cache into the header. NIL if empty. */
  int allocFromFreeList(int c) {
    int obj = free.pop(c);
    if (obj != NIL) {
      freeCnt[c]--;
      objects.markAllocated(obj, cpuOf(c));
      acc.cacheToLive(unit(c));
    }
    return obj;
  }

  /** unit_free(): push on free_llist, ++free_cnt. */
  void freeToFreeList(int c, int obj) {
    free.push(c, obj);
    freeCnt[c]++;
    objects.setListed(obj);
    acc.liveToCache(unit(c));
  }

  /**
   * free_bulk() loop body: pop one object and enque_to_free() it on cache {@code to} of {@code dst} (this
   * allocator, or the one c->tgt names).
   */
  boolean trimOne(int c, MemCaches dst, int to) {
    int obj = free.pop(c);
    if (obj == NIL) {
      return false;
    }
    freeCnt[c]--;
    dst.freeByRcuTtrace.push(to, obj); // listed before and after: its record is not written
    if (dst == this) {
      acc.cacheToWaiting(unit(c));
    } else {
      acc.cachedOut(unit(c));
      dst.acc.waitingIn(unit(c));
      objects.setAllocator(obj, dst.allocatorId);
    }
    return true;
  }

  /** free_bulk() towards a destroyed allocator's cache: what it would enqueue there goes back to slab here. */
  void trimToSlab(int c, int target) {
    int obj = free.pop(c);
    while (obj != NIL) {
      freeCnt[c]--;
      acc.cacheToSlab(unit(c));
      slab.kfree(obj);
      if (freeCnt[c] <= target) {
        return;
      }
      obj = free.pop(c);
    }
  }

  /**
   * alloc_bulk(), first two loops: up to {@code count} llist_del_first() from free_by_rcu_ttrace, then from
   * waiting_for_gp_ttrace, each onto free_llist. Returns how many it reused. The objects stay listed, so only the
   * ids move (issue 17: the refill's writes to cold records led the profile at 1M live objects).
   */
  int reuseToFreeList(int c, int count) {
    int first = Math.min(count, freeByRcuTtrace.size(c));
    free.moveFirst(c, freeByRcuTtrace, c, first);
    int second = Math.min(count - first, waitingForGpTtrace.size(c));
    free.moveFirst(c, waitingForGpTtrace, c, second);
    int n = first + second;
    freeCnt[c] += n;
    acc.waitingToCache(unit(c), n);
    readAhead(free, c, n);
    return n;
  }

  /**
   * Reads the records of the top {@code n} objects of list c, changing nothing: the next allocations write them, and
   * their misses overlap here, one batch, rather than one per allocation on the record's path (issue 17; writing
   * the state here, as before, did the same at the cost of a dirtied line).
   */
  private void readAhead(ObjectLists list, int c, int n) {
    int[] ids = list.raw(c);
    long s = 0;
    for (int k = list.size(c) - n; k < list.size(c); k++) {
      s += objects.touch(ids[k]);
    }
    sink += s;
  }

  // ---- stage 1: normal RCU GP ----

  /** unit_free_rcu(): __llist_add() on free_by_rcu. */
  void freeToFreeByRcu(int c, int obj) {
    freeByRcu.push(c, obj);
    objects.setListed(obj);
    acc.liveToWaiting(unit(c));
  }

  /** check_free_by_rcu(): waiting_for_gp takes the whole free_by_rcu list (O(1): the arrays swap). */
  void startRcuWait(int c) {
    waitingForGp.takeAll(c, freeByRcu);
  }

  /**
   * __free_by_rcu(): llist_add_batch() of all of waiting_for_gp in front of free_by_rcu_ttrace of cache {@code to}
   * of {@code dst} (this allocator, or the one c->tgt names). False if waiting_for_gp was empty.
   */
  boolean spliceWaitingForGp(int c, MemCaches dst, int to) {
    int n = waitingForGp.size(c);
    if (n == 0) {
      return false;
    }
    if (dst != this) {
      // Into another allocator's books: each record names its new allocator. Within one allocator the objects stay
      // listed and only the ids move, as llist_add_batch() touches only the batch's ends (issue 17).
      int[] ids = waitingForGp.raw(c);
      for (int k = 0; k < n; k++) {
        int obj = ids[k];
        int unit = objects.unitBytes(obj);
        acc.waitingOut(unit);
        dst.acc.waitingIn(unit);
        objects.setAllocator(obj, dst.allocatorId);
      }
    }
    dst.freeByRcuTtrace.addAllInFront(to, waitingForGp, c);
    return true;
  }

  // ---- stage 2: RCU Tasks Trace GP ----

  /**
   * do_call_rcu_ttrace(): every object of free_by_rcu_ttrace is llist_add()ed one by one to the (empty)
   * waiting_for_gp_ttrace, which reverses the order as in the kernel.
   */
  void startTasksTraceWait(int c) {
    waitingForGpTtrace.addEachInFront(c, freeByRcuTtrace, c);
  }

  /** __free_rcu(): free_all() of whatever alloc_bulk() did not reuse from waiting_for_gp_ttrace. */
  void freeWaitingTasksTrace(int c) {
    drainWaiting(waitingForGpTtrace, c);
  }

  /** Which list of this allocator holds obj: {@link ObjectTable#state(int)} of a listed object (a search). */
  byte listState(int obj) {
    for (int c = 0; c < count(); c++) {
      if (free.contains(c, obj)) {
        return ObjectTable.CACHED;
      }
      if (freeByRcu.contains(c, obj) || waitingForGp.contains(c, obj)) {
        return ObjectTable.WAITING_RCU;
      }
      if (freeByRcuTtrace.contains(c, obj) || waitingForGpTtrace.contains(c, obj)) {
        return ObjectTable.WAITING_TASKS_TRACE;
      }
    }
    throw new IllegalStateException("object " + obj + " is listed in its record but on no list of allocator "
        + allocatorId);
  }

  Slab slab() {
    return slab;
  }

  /** waiting_for_gp straight back to slab (its c->tgt is gone). */
  void drainWaitingForGp(int c) {
    drainWaiting(waitingForGp, c);
  }

  // ---- teardown ----

  /** drain_mem_cache(): every list straight back to slab, no grace period. */
  void drain(int c) {
    drainWaiting(freeByRcuTtrace, c);
    drainWaiting(waitingForGpTtrace, c);
    int obj = free.pop(c);
    while (obj != NIL) {
      acc.cacheToSlab(unit(c));
      slab.kfree(obj);
      obj = free.pop(c);
    }
    freeCnt[c] = 0;
    drainWaiting(freeByRcu, c);
    drainWaiting(waitingForGp, c);
  }

  private void drainWaiting(ObjectLists list, int c) {
    int obj = list.pop(c);
    while (obj != NIL) {
      acc.waitingToSlab(objects.unitBytes(obj));
      slab.kfree(obj);
      obj = list.pop(c);
    }
  }
}
