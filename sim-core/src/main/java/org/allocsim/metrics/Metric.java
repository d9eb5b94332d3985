package org.allocsim.metrics;

/**
 * The sampled metrics. The five memory categories are disjoint and add up to {@link #TOTAL_BYTES}: stranded memory
 * is carved out of live, cached and overhead memory, never counted twice.
 */
public enum Metric {
  /** Objects allocated and reachable by a loaded program (in a reachable map, or held by a running program). */
  LIVE_BYTES("bytes"),
  /** Free objects on per-CPU free lists of allocators a loaded program can allocate from. */
  CACHED_BYTES("bytes"),
  /** Freed objects waiting for an RCU or RCU-tasks-trace grace period. */
  WAITING_BYTES("bytes"),
  /** struct bpf_mem_cache memory of allocators a loaded program can allocate from. */
  OVERHEAD_BYTES("bytes"),
  /** Live objects no loaded program reaches, and caches and overhead of allocators no loaded program uses. */
  STRANDED_BYTES("bytes"), TOTAL_BYTES("bytes"),
  /** Allocations served warm, cumulative (README, "Warmth"). */
  WARM_ALLOCS("count"), COLD_ALLOCS("count"), FAILED_ALLOCS("count"), LOADS_ACCEPTED("count"), LOADS_REJECTED(
      "count"), BOOKKEEPING_OPS("count"), LIVE_ALLOCATORS("count"), LIVE_OBJECTS("count");

  private final String unit;

  Metric(String unit) {
    this.unit = unit;
  }

  public String unit() {
    return unit;
  }

  /** Name used in files, e.g. {@code live_bytes}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
