package org.allocsim.memory;

import java.util.Objects;

/**
 * Parameters of the allocator model of one run. Sources in brackets are those of docs/sources.md.
 *
 * @param cpus                    number of possible CPUs; every allocator has caches on each. Default: the caller's.
 *                                Range 1..{@value #MAX_CPUS} (the object table packs a CPU number into 16 bits).
 * @param irqWorkLatencyNs        ns from irq_work_raise() to bpf_mem_refill() running on the same CPU when the
 *                                program cannot be interrupted synchronously (and for every refill/trim that is not
 *                                forced by an empty cache). Default 2_000 ns [unknown, param].
 * @param rcuGracePeriodNs        ns of a normal RCU grace period: call_rcu_hurry() of stage 1 and, if
 *                                {@code rcuTasksTraceImpliesRcu} is false, the extra call_rcu() of stage 2.
 *                                Default 10 ms [unknown, param].
 * @param tasksTraceGracePeriodNs ns of an RCU Tasks Trace grace period (call_rcu_tasks_trace() of stage 2).
 *                                Default 25 ms [S40: "grace-period latency of roughly 25 milliseconds"].
 * @param rcuTasksTraceImpliesRcu rcu_trace_implies_rcu_gp(): if true, __free_rcu_tasks_trace() frees at once instead
 *                                of chaining a call_rcu(). Default true (current kernels) [S27a].
 * @param freePath                how {@link BpfMemAlloc#free(int, int)} reaches the allocator. Default
 *                                {@link FreePath#RCU} (bpf_obj_drop since v6.7) [S41]; DIRECT is the 2022 design.
 * @param warmCacheBytes          bytes of allocation traffic on a CPU after which an object freed there is no longer
 *                                considered cache-hot. Default 1 MiB [unknown: a per-core L2]. Must be &lt; 2^47.
 * @param cacheStructBytes        bytes of one struct bpf_mem_cache (one per CPU per size class), counted as overhead.
 *                                Default 192 [inferred: struct bpf_mem_cache is ~3 cache lines].
 */
public record MemoryParams(int cpus, long irqWorkLatencyNs, long rcuGracePeriodNs, long tasksTraceGracePeriodNs,
    boolean rcuTasksTraceImpliesRcu, FreePath freePath, long warmCacheBytes, int cacheStructBytes) {

  /** Highest CPU count the object table can encode (16-bit CPU fields, one value reserved for "none"). */
  public static final int MAX_CPUS = 65_534;

  /** Validates every field; the model relies on non-negative times (Timers.after) and the CPU packing. */
  public MemoryParams {
    if (cpus < 1 || cpus > MAX_CPUS) {
      throw new IllegalArgumentException("cpus must be in 1.." + MAX_CPUS + ": " + cpus);
    }
    requireNonNegative(irqWorkLatencyNs, "irqWorkLatencyNs");
    requireNonNegative(rcuGracePeriodNs, "rcuGracePeriodNs");
    requireNonNegative(tasksTraceGracePeriodNs, "tasksTraceGracePeriodNs");
    Objects.requireNonNull(freePath, "freePath");
    if (warmCacheBytes < 0 || warmCacheBytes >= ObjectTable.MAX_TRAFFIC_WINDOW) {
      throw new IllegalArgumentException("warmCacheBytes must be in 0..2^47-1: " + warmCacheBytes);
    }
    requireNonNegative(cacheStructBytes, "cacheStructBytes");
  }

  /** The defaults listed on each component, for {@code cpus} CPUs. */
  public static MemoryParams defaults(int cpus) {
    return new MemoryParams(cpus, 2_000L, 10_000_000L, 25_000_000L, true, FreePath.RCU, 1L << 20, 192);
  }

  /**
   * Delay of the stage-2 callback: call_rcu_tasks_trace(), plus call_rcu() when the tasks-trace GP does not imply
   * an RCU GP (memalloc.c __free_rcu_tasks_trace()).
   */
  public long tasksTraceStageDelayNs() {
    return rcuTasksTraceImpliesRcu ? tasksTraceGracePeriodNs : tasksTraceGracePeriodNs + rcuGracePeriodNs;
  }

  public MemoryParams withCpus(int value) {
    return new MemoryParams(value, irqWorkLatencyNs, rcuGracePeriodNs, tasksTraceGracePeriodNs,
        rcuTasksTraceImpliesRcu, freePath, warmCacheBytes, cacheStructBytes);
  }

  public MemoryParams withIrqWorkLatencyNs(long value) {
    return new MemoryParams(cpus, value, rcuGracePeriodNs, tasksTraceGracePeriodNs,
        rcuTasksTraceImpliesRcu, freePath, warmCacheBytes, cacheStructBytes);
  }

  public MemoryParams withRcuGracePeriodNs(long value) {
    return new MemoryParams(cpus, irqWorkLatencyNs, value, tasksTraceGracePeriodNs,
        rcuTasksTraceImpliesRcu, freePath, warmCacheBytes, cacheStructBytes);
  }

  public MemoryParams withTasksTraceGracePeriodNs(long value) {
    return new MemoryParams(cpus, irqWorkLatencyNs, rcuGracePeriodNs, value,
        rcuTasksTraceImpliesRcu, freePath, warmCacheBytes, cacheStructBytes);
  }

  public MemoryParams withRcuTasksTraceImpliesRcu(boolean value) {
    return new MemoryParams(cpus, irqWorkLatencyNs, rcuGracePeriodNs, tasksTraceGracePeriodNs,
        value, freePath, warmCacheBytes, cacheStructBytes);
  }

  public MemoryParams withFreePath(FreePath value) {
    return new MemoryParams(cpus, irqWorkLatencyNs, rcuGracePeriodNs, tasksTraceGracePeriodNs,
        rcuTasksTraceImpliesRcu, value, warmCacheBytes, cacheStructBytes);
  }

  public MemoryParams withWarmCacheBytes(long value) {
    return new MemoryParams(cpus, irqWorkLatencyNs, rcuGracePeriodNs, tasksTraceGracePeriodNs,
        rcuTasksTraceImpliesRcu, freePath, value, cacheStructBytes);
  }

  public MemoryParams withCacheStructBytes(int value) {
    return new MemoryParams(cpus, irqWorkLatencyNs, rcuGracePeriodNs, tasksTraceGracePeriodNs,
        rcuTasksTraceImpliesRcu, freePath, warmCacheBytes, value);
  }

  private static void requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0: " + value);
    }
  }
}
