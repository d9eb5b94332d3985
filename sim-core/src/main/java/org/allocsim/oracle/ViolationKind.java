package org.allocsim.oracle;

/** What the oracle checks. */
public enum ViolationKind {
  /** bpf_mem_alloc_destroy() with objects it served outstanding: their headers dangle (docs/kernel-allocator.md). */
  DESTROYED_WITH_LIVE_OBJECTS("allocator destroyed while objects it served are outstanding"),
  /**
   * Destroyed while the RCU callback that frees a program able to use it is still in flight: a run of that
   * program may still be executing (programs are freed after a grace period, bpf_prog_put -> call_rcu).
   */
  DESTROYED_DURING_GRACE_PERIOD("allocator destroyed while RCU callbacks are in flight"),
  /** An object freed into, or an allocation served by, an allocator that no longer exists. */
  USE_AFTER_FREE("object freed into or allocated from an allocator that no longer exists"),
  /** At the end of the run an object is live but no map, program or held register reaches it. */
  LEAK("object unreachable and never freed"),
  /** allocated != live + cached + waiting for a grace period + returned. */
  CONSERVATION("memory conservation broken");

  private final String description;

  ViolationKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Name used in files, e.g. {@code use_after_free}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
