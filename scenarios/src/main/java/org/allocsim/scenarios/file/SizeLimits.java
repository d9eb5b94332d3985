package org.allocsim.scenarios.file;

/** Bounds on what a scenario may ask for, so that a small hostile file cannot ask for unbounded work. */
final class SizeLimits {
  /** A struct larger than a page cannot come from bpf_mem_alloc anyway (4096 - 8). */
  static final long MAX_STRUCT_BYTES = 1 << 20;
  /** Expanded timeline entries (repetitions included). */
  static final long MAX_TIMELINE_ACTIONS = 1_000_000;
  /** Heap an expanded timeline action takes, about (action record, names, the node it came from): measured ~300. */
  static final long BYTES_PER_ACTION = 400;

  /**
   * Expanded timeline actions this JVM can hold in a quarter of its heap, at most {@link #MAX_TIMELINE_ACTIONS}: a
   * one-line repetition must not be able to exhaust a small heap.
   */
  static long timelineActions() {
    return Math.min(MAX_TIMELINE_ACTIONS, Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_ACTION);
  }

  /** Inline records. */
  static final int MAX_INLINE_RECORDS = 1_000_000;

  private SizeLimits() {}
}
