package org.allocsim.scenarios.file;

/** Bounds on what a scenario may ask for, so that a small hostile file cannot ask for unbounded work. */
final class SizeLimits {
  /** A struct larger than a page cannot come from bpf_mem_alloc anyway (4096 - 8). */
  static final long MAX_STRUCT_BYTES = 1 << 20;
  /** Expanded timeline entries (repetitions included). */
  static final long MAX_TIMELINE_ACTIONS = 1_000_000;
  /** Inline records. */
  static final int MAX_INLINE_RECORDS = 1_000_000;

  private SizeLimits() {
  }
}
