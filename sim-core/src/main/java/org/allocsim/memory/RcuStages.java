package org.allocsim.memory;

/**
 * The two RCU-delayed free stages of one allocator (memalloc.c, current kernel; docs/kernel-allocator.md):
 * stage 1 free_by_rcu -&gt; waiting_for_gp -&gt; (RCU GP) -&gt; tgt's free_by_rcu_ttrace; stage 2
 * free_by_rcu_ttrace -&gt; waiting_for_gp_ttrace -&gt; (Tasks Trace GP [+ RCU GP]) -&gt; slab.
 *
 * <p>Each stage has at most one callback in flight per cache (call_rcu_in_progress,
 * call_rcu_ttrace_in_progress). Grace periods are fixed lengths from {@link MemoryParams}; the two callbacks of each
 * cache are preallocated like the rcu_head/rcu_ttrace members of struct bpf_mem_cache.
 */
final class RcuStages {
  private final MemCaches caches;
  private final Timers timers;
  private final long rcuGpNs;
  private final long ttraceStageNs;
  private final boolean[] callRcuInProgress;
  private final boolean[] callRcuTtraceInProgress;
  private final Runnable[] freeByRcuCallback;
  private final Runnable[] freeRcuCallback;
  private int inFlight;

  RcuStages(MemCaches caches, Timers timers, MemoryParams params) {
    this.caches = caches;
    this.timers = timers;
    this.rcuGpNs = params.rcuGracePeriodNs();
    this.ttraceStageNs = params.tasksTraceStageDelayNs();
    int n = caches.count();
    callRcuInProgress = new boolean[n];
    callRcuTtraceInProgress = new boolean[n];
    freeByRcuCallback = new Runnable[n];
    freeRcuCallback = new Runnable[n];
    for (int c = 0; c < n; c++) {
      int cache = c;
      freeByRcuCallback[c] = () -> freeByRcu(cache);
      freeRcuCallback[c] = () -> freeRcu(cache);
    }
  }

  /** Any callback of either stage pending on any cache. */
  boolean inFlight() {
    return inFlight > 0;
  }

  /** unit_free_rcu() raises irq_work only while no stage-1 callback is in flight. */
  boolean stage1InFlight(int c) {
    return callRcuInProgress[c];
  }

  /** check_free_by_rcu(): start a stage-1 grace period for everything on free_by_rcu, if none is running. */
  void checkFreeByRcu(int c) {
    if (caches.freeByRcu.isEmpty(c)) {
      return;
    }
    if (callRcuInProgress[c]) {
      // The kernel calls rcu_request_urgent_qs_task() to make RCU hurry; grace periods here have a fixed
      // length, so the objects simply stay on free_by_rcu until a later irq_work finds stage 1 idle.
      return;
    }
    callRcuInProgress[c] = true;
    inFlight++;
    caches.startRcuWait(c);
    timers.after(rcuGpNs, freeByRcuCallback[c]); // call_rcu_hurry(&c->rcu, __free_by_rcu)
  }

  /** do_call_rcu_ttrace(): start a stage-2 grace period for free_by_rcu_ttrace, if none is running. */
  void doCallRcuTtrace(int c) {
    if (callRcuTtraceInProgress[c]) {
      return; // objects wait on free_by_rcu_ttrace (and stay reusable by alloc_bulk)
    }
    callRcuTtraceInProgress[c] = true;
    inFlight++;
    caches.startTasksTraceWait(c);
    // call_rcu_tasks_trace(); __free_rcu_tasks_trace() chains call_rcu() unless rcu_trace_implies_rcu_gp()
    timers.after(ttraceStageNs, freeRcuCallback[c]);
  }

  /** __free_by_rcu(): stage 1 done; hand waiting_for_gp to the target cache's stage 2. */
  private void freeByRcu(int c) {
    if (!caches.draining) {
      int to = caches.tgt[c]; // c->tgt is read when the callback runs, as in the kernel
      MemCaches dst = caches.tgtOwner[c] != null ? caches.tgtOwner[c] : caches;
      if (dst.draining) {
        // tgt is a cache of a destroyed allocator: the kernel writes into freed memory (S19's hole)
        caches.slab().lateFreeIntoDestroyed(dst.allocatorId);
        caches.drainWaitingForGp(c);
      } else if (caches.spliceWaitingForGp(c, dst, to)) {
        dst.rcu.doCallRcuTtrace(to); // "Objects went through regular RCU GP. Send them to RCU tasks trace"
      }
    }
    // destroy drained waiting_for_gp already; the kernel's late callback finds it empty too
    callRcuInProgress[c] = false;
    inFlight--;
  }

  /** __free_rcu(): stage 2 done; what alloc_bulk() did not reuse goes back to slab. */
  private void freeRcu(int c) {
    if (!caches.draining) {
      caches.freeWaitingTasksTrace(c);
    }
    callRcuTtraceInProgress[c] = false;
    inFlight--;
  }
}
