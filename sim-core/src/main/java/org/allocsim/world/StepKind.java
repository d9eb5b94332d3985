package org.allocsim.world;

/**
 * What one step of a program run does. Each step is self-contained except TAKE_HOLD / PUT_HELD, which keep an
 * object on the running program's stack between two trace records (a sleepable program, or Kumar's race 2 where
 * prog2 takes the object out and later puts it back, S3).
 */
public enum StepKind {
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
   * p = bpf_obj_new(T); bpf_rbtree_add / bpf_list_push_back(&root, p). With {@code acquire_to}: before the add,
   * q = bpf_refcount_acquire(p); old = bpf_kptr_xchg(&acquire_to, q); drop(old): owned by a tree and a map at once.
   */
  NEW_ADD(true, false, false, Root.ADD),
  /** p = bpf_obj_new(T); q = bpf_refcount_acquire(p); kptr_xchg p into {@code to} and q into {@code acquire_to}. */
  NEW_STORE_ACQUIRE(true, false, true, Root.NONE),
  /** p = bpf_rbtree_first + bpf_rbtree_remove (or bpf_list_pop_front); bpf_obj_drop(p). */
  REMOVE_DROP(false, false, false, Root.REMOVE),
  /** p = remove the first node of a root; old = bpf_kptr_xchg(&to, p); drop(old). scx_flatcg's dispatch. */
  REMOVE_STORE(false, false, true, Root.REMOVE),
  /** p = bpf_kptr_xchg(&from, NULL); add p to a root. scx_flatcg's enqueue. */
  TAKE_ADD(false, true, false, Root.ADD),
  /** p = bpf_percpu_obj_new(T) from bpf_global_percpu_ma; old = bpf_kptr_xchg(&to, p); percpu_obj_drop(old). */
  PERCPU_NEW_STORE(true, false, true, Root.NONE),
  /** p = bpf_percpu_obj_new(T); bpf_percpu_obj_drop(p). */
  PERCPU_NEW_DROP(true, false, false, Root.NONE),
  /**
   * p = bpf_cpumask_create() or bpf_task_acquire(t) (a kernel object: the kernel's, never the design's allocator);
   * old = bpf_kptr_xchg(&to, p); release(old).
   */
  ACQUIRE_STORE(false, false, true, Root.NONE),
  /** p = bpf_cpumask_create() or bpf_task_acquire(t); release(p). */
  ACQUIRE_RELEASE(false, false, false, Root.NONE),
  /**
   * bpf_map_update_elem(&map, &key, &value, BPF_ANY) from the program: the old value's special fields are released
   * (bpf_obj_free_fields: kptrs dropped, roots drained) on the program's CPU; the new value's kptr fields are NULL
   * (copy_map_value skips special fields).
   */
  MAP_UPDATE(false, false, false, Root.NONE),
  /** bpf_map_delete_elem(&map, &key) from the program: the element's special fields released; -EINVAL on an ARRAY. */
  MAP_DELETE(false, false, false, Root.NONE);

  /** What a step does to a graph root. */
  public enum Root {
    NONE, ADD, REMOVE
  }

  private final boolean allocates;
  private final boolean takes;
  private final boolean stores;
  private final Root root;

  StepKind(boolean allocates, boolean takes, boolean stores) {
    this(allocates, takes, stores, Root.NONE);
  }

  StepKind(boolean allocates, boolean takes, boolean stores, Root root) {
    this.allocates = allocates;
    this.takes = takes;
    this.stores = stores;
    this.root = root;
  }

  /** Adds to or removes from a graph root ({@code root:} in the file). */
  public Root root() {
    return root;
  }

  /** Takes a second reference with bpf_refcount_acquire and stores it ({@code acquire_to:}); optional for NEW_ADD. */
  public boolean acquires() {
    return this == NEW_ADD || this == NEW_STORE_ACQUIRE;
  }

  /** Acquires a kernel object (a KF_ACQUIRE kfunc such as bpf_cpumask_create), never from a design's allocator. */
  public boolean kernelObject() {
    return this == ACQUIRE_STORE || this == ACQUIRE_RELEASE;
  }

  /** Updates or deletes a whole element of the map it names ({@code map:} in the file), the key from the record. */
  public boolean mapOperation() {
    return this == MAP_UPDATE || this == MAP_DELETE;
  }

  /** Allocates from an allocator the design names: every allocating kind but the percpu ones. */
  public boolean allocatesFromDesign() {
    return allocates && !percpu();
  }

  /** Allocates from bpf_global_percpu_ma, the kernel's, in every design. */
  public boolean percpu() {
    return this == PERCPU_NEW_STORE || this == PERCPU_NEW_DROP;
  }

  /** Stores a new object in a kptr field: what the 2022 designs bind as an allocation's destination. */
  public boolean storesNew() {
    return this == ALLOC_STORE || this == NEW_STORE_ACQUIRE;
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
