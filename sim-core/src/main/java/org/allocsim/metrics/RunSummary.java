package org.allocsim.metrics;

/**
 * The summary figures of one run of one strategy.
 *
 * @param loadsAccepted program loads the verifier accepted
 * @param loadsRejected program loads (and inner-map inserts) refused
 * @param safetyViolations oracle findings of every kind
 * @param failedAllocs allocations that returned NULL because a cache was empty (NMI, hard IRQ)
 * @param nullAllocs allocations that returned NULL by the design (no allocator for the step)
 * @param peakBytes highest total allocator memory, exact (tracked on every slab allocation)
 * @param endBytes total allocator memory at the end
 * @param strandedBytesEnd stranded memory at the end
 * @param warmAllocFraction warm allocations / successful allocations (0 when none)
 * @param bookkeepingOps runtime bookkeeping operations charged to the design
 * @param records trace records applied
 * @param idleRuns records whose program had no loaded instance attached
 */
public record RunSummary(long loadsAccepted, long loadsRejected, long safetyViolations, long failedAllocs,
    long nullAllocs, long peakBytes, long endBytes, long strandedBytesEnd, double warmAllocFraction,
    long bookkeepingOps, long records, long idleRuns) {

  /** The figures by file name ({@code loads_accepted}, ...), in a fixed order. */
  public java.util.Map<String, Double> asMap() {
    java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("loads_accepted", (double) loadsAccepted);
    m.put("loads_rejected", (double) loadsRejected);
    m.put("safety_violations", (double) safetyViolations);
    m.put("failed_allocs", (double) failedAllocs);
    m.put("null_allocs", (double) nullAllocs);
    m.put("peak_bytes", (double) peakBytes);
    m.put("end_bytes", (double) endBytes);
    m.put("stranded_bytes_end", (double) strandedBytesEnd);
    m.put("warm_alloc_fraction", warmAllocFraction);
    m.put("bookkeeping_ops", (double) bookkeepingOps);
    m.put("records", (double) records);
    m.put("idle_runs", (double) idleRuns);
    return m;
  }
}
