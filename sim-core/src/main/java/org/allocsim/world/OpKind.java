package org.allocsim.world;

/**
 * What one step of a program run does. Each step is self-contained except TAKE_HOLD / PUT_HELD, which keep an
 * object on the running program's stack between two trace records (a sleepable program, or Kumar's race 2 where
 * prog2 takes the object out and later puts it back, S3).
 */
public enum OpKind {
  /** p = alloc(T); old = bpf_kptr_xchg(&to, p); drop(old). The stash pattern (scx_flatcg fcg_cgroup_init). */
  ALLOC_STORE(true, false, true),
  /** p = alloc(T); drop(p). A transient object. */
  ALLOC_DROP(true, false, false),
  /** p = bpf_kptr_xchg(&from, NULL); drop(p). */
  TAKE_DROP(false, true, false),
  /** p = bpf_kptr_xchg(&from, NULL); old = bpf_kptr_xchg(&to, p); drop(old). P1 of S7. */
  MOVE(false, true, true),
  /** p = bpf_kptr_xchg(&from, NULL) and keep p across records. */
  TAKE_HOLD(false, true, false),
  /** old = bpf_kptr_xchg(&to, held); drop(old). */
  PUT_HELD(false, false, true),
  /**
   * p = bpf_cpumask_create() or bpf_task_acquire(t) (a kernel object: the kernel's, never the design's allocator);
   * old = bpf_kptr_xchg(&to, p); release(old).
   */
  ACQUIRE_STORE(false, false, true, true),
  /** p = bpf_cpumask_create() or bpf_task_acquire(t); release(p). */
  ACQUIRE_RELEASE(false, false, false, true);

  private final boolean allocates;
  private final boolean takes;
  private final boolean stores;
  private final boolean acquires;

  OpKind(boolean allocates, boolean takes, boolean stores) {
    this(allocates, takes, stores, false);
  }

  OpKind(boolean allocates, boolean takes, boolean stores, boolean acquires) {
    this.allocates = allocates;
    this.takes = takes;
    this.stores = stores;
    this.acquires = acquires;
  }

  /** Acquires a kernel object (a KF_ACQUIRE kfunc) instead of allocating from a design's allocator. */
  public boolean acquires() {
    return acquires;
  }

  public boolean allocates() {
    return allocates;
  }

  /** Reads a kptr field with kptr_xchg(&from, NULL). */
  public boolean takes() {
    return takes;
  }

  /** Writes a kptr field with kptr_xchg(&to, p). */
  public boolean stores() {
    return stores;
  }

  /** Name used in scenario files and traces, e.g. {@code alloc_store}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
