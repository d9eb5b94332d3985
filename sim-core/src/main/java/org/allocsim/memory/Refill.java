package org.allocsim.memory;

/**
 * The irq_work of every cache of one allocator: bpf_mem_refill() with alloc_bulk() and free_bulk()
 * (memalloc.c; docs/kernel-allocator.md).
 *
 * <p>irq_work_queue() on a pending work is a no-op, so each cache has at most one pending run. A task or softirq
 * program that finds its cache empty runs the pending work at once (the self-IPI interrupts it, [S23]); the timer
 * event raised earlier is then stale. Instead of cancelling it, each cache remembers when its pending run is due and
 * the event only runs the work if it is still pending and due, which keeps the raise path free of allocation.
 */
final class Refill {
  private final MemCaches caches;
  private final RcuStages rcu;
  private final Timers timers;
  private final long latencyNs;
  private final boolean[] pending;
  private final long[] dueNs;
  private final int[] refillWork;

  Refill(MemCaches caches, RcuStages rcu, Timers timers, long latencyNs) {
    this.caches = caches;
    this.rcu = rcu;
    this.timers = timers;
    this.latencyNs = latencyNs;
    int n = caches.count();
    pending = new boolean[n];
    dueNs = new long[n];
    refillWork = new int[n];
    for (int c = 0; c < n; c++) {
      int cache = c;
      refillWork[c] = timers.callback(() -> fire(cache)); // init_irq_work(&c->refill_work, bpf_mem_refill)
    }
  }

  /** irq_work_raise(): queue bpf_mem_refill() on this cache's CPU unless already pending. */
  void raise(int c) {
    if (pending[c]) {
      return;
    }
    pending[c] = true;
    dueNs[c] = timers.now() + latencyNs;
    timers.after(latencyNs, refillWork[c]);
  }

  boolean pending(int c) {
    return pending[c];
  }

  /** Runs the work now: the self-IPI that interrupts a task/softirq program, or the timer event. */
  void runNow(int c) {
    pending[c] = false;
    if (!caches.draining) { // bpf_mem_alloc_destroy() did irq_work_sync() before draining
      bpfMemRefill(c);
    }
  }

  /**
   * alloc_bulk(c, cnt): reuse from free_by_rcu_ttrace, then waiting_for_gp_ttrace (both cold), then kmalloc.
   * Also the prefill at init (prefill_mem_cache()).
   */
  void allocBulk(int c, int count) {
    for (int i = caches.reuseToFreeList(c, count); i < count; i++) {
      caches.addNewToFreeList(c); // kmalloc_node(GFP_NOWAIT) never fails in this model
    }
  }

  /** Every free object of cache c goes the free_bulk() way (RCU tasks trace, then slab). */
  void drainToSlab(int c) {
    if (caches.freeCnt[c] > 0) {
      freeBulk(c, 0);
    }
  }

  private void fire(int c) {
    if (pending[c] && timers.now() >= dueNs[c]) {
      runNow(c);
    }
  }

  /** bpf_mem_refill(): refill below low, trim above high, then always check_free_by_rcu(). */
  private void bpfMemRefill(int c) {
    CacheLimits limits = caches.limits(c);
    int cnt = caches.freeCnt[c];
    if (cnt < limits.low()) {
      allocBulk(c, limits.batch());
    } else if (cnt > limits.high()) {
      freeBulk(c, limits.trimTarget());
    }
    rcu.checkFreeByRcu(c);
  }

  /** free_bulk(): pop until free_cnt &lt;= (high+low)/2, all to c->tgt's free_by_rcu_ttrace, then stage 2. */
  private void freeBulk(int c, int target) {
    int to = caches.tgt[c];
    MemCaches dst = caches.tgtOwner[c] != null ? caches.tgtOwner[c] : caches;
    if (dst.draining) {
      // c->tgt names a cache of a destroyed allocator: enque_to_free() writes into freed memory (S19's hole)
      caches.slab().lateFreeIntoDestroyed(dst.allocatorId);
      caches.trimToSlab(c, target);
      return;
    }
    boolean popped;
    do {
      popped = caches.trimOne(c, dst, to);
    } while (popped && caches.freeCnt[c] > target);
    dst.rcu.doCallRcuTtrace(to);
  }
}
