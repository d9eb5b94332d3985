package org.allocsim.memory;

/**
 * Per-CPU cache limits of one size class. docs/kernel-allocator.md; memalloc.c init_refill_work() and
 * prefill_mem_cache() (formula unchanged from the 2022 patch 8 to the current kernel, non-percpu caches).
 *
 * @param low   low_watermark: unit_alloc() raises irq_work when free_cnt drops below it
 * @param high  high_watermark: unit_free() raises irq_work when free_cnt rises above it
 * @param batch objects alloc_bulk() adds per refill
 */
public record CacheLimits(int low, int high, int batch) {

  private static final int SMALL_UNIT_BYTES = 256;

  /** Validates the invariants the refill/trim loop depends on (1 &lt;= low &lt; high, batch &gt;= 1). */
  public CacheLimits {
    if (low < 1 || high <= low || batch < 1) {
      throw new IllegalArgumentException("bad limits low=" + low + " high=" + high + " batch=" + batch);
    }
  }

  /**
   * Limits for a cache of {@code unitBytes}: &lt;=256: 32/96/48; else low=max(32*256/unit,1),
   * high=max(96*256/unit,3), batch=max((high-low)/4*3,1), all integer divisions in that order.
   */
  public static CacheLimits forUnit(int unitBytes) {
    if (unitBytes <= 0) {
      throw new IllegalArgumentException("unitBytes must be > 0: " + unitBytes);
    }
    int low;
    int high;
    if (unitBytes <= SMALL_UNIT_BYTES) {
      low = 32;
      high = 96;
    } else {
      // memalloc.c: "order-0 cache will have low_mark == 2 and high_mark == 6 with batch alloc of 3"
      low = Math.max(32 * SMALL_UNIT_BYTES / unitBytes, 1);
      high = Math.max(96 * SMALL_UNIT_BYTES / unitBytes, 3);
    }
    int batch = Math.max((high - low) / 4 * 3, 1);
    return new CacheLimits(low, high, batch);
  }

  /**
   * The limits of a percpu cache (bpf_percpu_obj_new's bpf_global_percpu_ma, percpu hash maps) since v6.8: low 1,
   * high 3, batch 1, so a cache holds at most three objects and each refill adds one (memalloc.c init_refill_work,
   * 0e2ba9f96f9b "bpf: Use smaller low/high marks for percpu allocation"; prefill of one, 5b95e638f134 "bpf: Refill
   * only one percpu element in memalloc").
   */
  public static final CacheLimits PERCPU = new CacheLimits(1, 3, 1);

  /** free_bulk() pops until free_cnt &lt;= (high+low)/2. */
  public int trimTarget() {
    return (high + low) / 2;
  }

  /**
   * Objects prefill_mem_cache() puts in each cache at init: 4 if unit&lt;=256 else 1 ("assume that 1st run of bpf
   * prog won't be doing more than 4 map_update_elem from irq disabled region").
   */
  public static int prefillCount(int unitBytes) {
    return unitBytes <= SMALL_UNIT_BYTES ? 4 : 1;
  }
}
