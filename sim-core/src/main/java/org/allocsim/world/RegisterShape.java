package org.allocsim.world;

import java.util.Locale;
import java.util.Objects;

/**
 * What a step's atomic form hides and the verifier tracks register by register: the lock held around a graph
 * kfunc, the reference a graph kfunc receives, a reference left unreleased at exit, an unchecked NULL, a kfunc called
 * from the rbtree {@code less} callback, a pointer at an offset, a read after release, a plain load or store of a kptr
 * field. Every value but {@link #PLAIN}'s is a program the kernel refuses, so a shape
 * never changes what an accepted step does at run time (kernel/bpf/verifier.c; docs/model.md).
 *
 * @param lock the bpf_spin_lock held around the step's graph kfunc ({@code lock:})
 * @param node the reference the step's graph kfunc receives, or null for the one its kind passes ({@code node:})
 * @param leaks the reference the step would release or hand over is kept to the program's exit ({@code leak:})
 * @param nullChecked the new object is NULL-checked before bpf_refcount_acquire takes it ({@code null_check:})
 * @param lessCalls what the {@code less} callback of bpf_rbtree_add calls, or null ({@code less_calls:})
 * @param dropWith the drop kfunc a dropping step calls, or null for the one its object needs ({@code drop_with:})
 * @param offset the argument given at a constant offset from where the verifier wants it, or null ({@code offset:})
 * @param readAfter the object is read after the step released it ({@code read_after:})
 * @param plainLoad a moving step reads its {@code from} field with a plain load, not bpf_kptr_xchg ({@code load:})
 * @param plainStore a storing step writes its field with a plain store, not bpf_kptr_xchg ({@code store:})
 */
public record RegisterShape(Lock lock, NodeRef node, boolean leaks, boolean nullChecked, LessCall lessCalls,
    DropKfunc dropWith, Offset offset, boolean readAfter, boolean plainLoad, boolean plainStore) {
  /** Every step's default: the root's own lock held, references consumed, NULL checked, a plain callback. */
  public static final RegisterShape PLAIN = new RegisterShape(Lock.HELD, null, false, true, null, null);

  public RegisterShape {
    Objects.requireNonNull(lock, "lock");
  }

  /** A shape of the lock, node, leak, NULL-check, callback and drop keys only. */
  public RegisterShape(Lock lock, NodeRef node, boolean leaks, boolean nullChecked, LessCall lessCalls,
      DropKfunc dropWith) {
    this(lock, node, leaks, nullChecked, lessCalls, dropWith, null, false, false, false);
  }

  public boolean isPlain() {
    return equals(PLAIN);
  }

  /** The same shape with the kept reference released. */
  public RegisterShape withoutLeak() {
    return new RegisterShape(lock, node, false, nullChecked, lessCalls, dropWith, offset, readAfter, plainLoad,
        plainStore);
  }

  /** The same shape with another lock. */
  public RegisterShape withLock(Lock l) {
    return new RegisterShape(l, node, leaks, nullChecked, lessCalls, dropWith, offset, readAfter, plainLoad,
        plainStore);
  }

  /** The same shape with the new object NULL-checked. */
  public RegisterShape withNullCheck() {
    return new RegisterShape(lock, node, leaks, true, lessCalls, dropWith, offset, readAfter, plainLoad, plainStore);
  }

  /** The same shape with the pointer-level keys ({@code offset}, {@code read_after}, {@code load}, {@code store}). */
  public RegisterShape withPointer(Offset o, boolean read, boolean load, boolean store) {
    return new RegisterShape(lock, node, leaks, nullChecked, lessCalls, dropWith, o, read, load, store);
  }

  /**
   * check_func_arg_reg_off / __process_kf_arg_ptr_to_graph_root: which argument a program passes at a constant
   * offset (linked_list_fail.c obj_drop_non_zero_off {@code f+1}, incorrect_head_off1 {@code &f->head + 1};
   * local_kptr_stash_fail.c drop_rb_node_off {@code &res->node}).
   */
  public enum Offset {
    /** The object a release kfunc frees (bpf_obj_drop, bpf_percpu_obj_drop, a kernel object's release). */
    DROP,
    /** The bpf_list_head / bpf_rb_root a graph kfunc takes. */
    ROOT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** check_reg_allocation_locked: which bpf_spin_lock is held when a graph kfunc runs. */
  public enum Lock {
    /** The lock in the same allocation as the root (map value, global data section or object). */
    HELD,
    /** No lock held (rbtree_fail.c rbtree_api_nolock_*, linked_list_fail.c *_missing_lock_*). */
    NONE,
    /** A lock of another allocation: another object, map value or lookup (linked_list_fail.c *_incorrect_lock_*). */
    OTHER,
    /**
     * The root's own lock, taken in one RCU read section and released in another: bpf_rcu_read_unlock is called
     * while it is held (refcounted_kptr_fail.c rbtree_fail_sleepable_lock_across_rcu).
     */
    ACROSS_RCU;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The reference kind a graph kfunc's node argument has (owning: from bpf_obj_new; non-owning: in a root). */
  public enum NodeRef {
    /** Owned by the program: what bpf_rbtree_add / bpf_list_push_* take and consume. */
    OWNING,
    /** Inside a root, valid until the lock is released: what bpf_rbtree_remove takes. */
    NON_OWNING,
    /** A non-owning reference kept past bpf_spin_unlock, which invalidates it (invalidate_non_owning_refs). */
    RELEASED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The release kfunc of a local object: bpf_obj_drop for bpf_obj_new's, bpf_percpu_obj_drop for percpu ones. */
  public enum DropKfunc {
    BPF_OBJ_DROP, BPF_PERCPU_OBJ_DROP;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A call inside the bpf_rbtree_add {@code less} callback, which the verifier runs as a callback frame. */
  public enum LessCall {
    BPF_RBTREE_ADD, BPF_RBTREE_REMOVE, BPF_SPIN_UNLOCK;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
