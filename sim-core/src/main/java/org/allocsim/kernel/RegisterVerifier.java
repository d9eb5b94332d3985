package org.allocsim.kernel;

import org.allocsim.world.GraphKind;
import org.allocsim.world.GraphRegistry;
import org.allocsim.world.RegisterShape;
import org.allocsim.world.RootRef;
import org.allocsim.world.Step;
import org.allocsim.world.StepKind;

/**
 * The verifier's register-level refusals of a step's shape ({@link RegisterShape}), in the order the kernel meets
 * them along the step: a NULL dereference or a plain load or store ({@link PointerVerifier}), the refcount_acquire
 * argument, the release kfunc's offset, the root's offset and lock (arg#0 of a graph kfunc), the node argument, the
 * less callback, a read after release, and at exit the references still held. Each reason starts with words of
 * kernel/bpf/verifier.c up to its first colon, so that a kernel log containing them agrees (conformance.Agreement).
 */
final class RegisterVerifier {
  private RegisterVerifier() {}

  /** Null when the shape is plain or the kernel accepts it, else the refusal. */
  static String check(Step op, GraphRegistry g, boolean sleepable) {
    RegisterShape s = op.shape();
    if (s.isPlain()) {
      return null;
    }
    String pointer = PointerVerifier.before(op, g, sleepable, where(op));
    if (pointer != null) {
      return pointer;
    }
    if (!s.nullChecked()) {
      // check_kfunc_args: bpf_refcount_acquire is KF_RCU, its argument must not be PTR_MAYBE_NULL
      return "Possibly NULL pointer passed to trusted arg0: bpf_refcount_acquire takes the object bpf_obj_new returned"
          + " before its NULL check (" + where(op) + ")";
    }
    String offset = PointerVerifier.release(op, where(op));
    if (offset != null) {
      return offset;
    }
    if (s.dropWith() != null) {
      // check_kfunc_args KF_ARG_PTR_TO_ALLOC_BTF_ID: the drop kfunc must match MEM_PERCPU (today's words; older: R1)
      boolean percpu = op.kind().percpu();
      if (percpu != (s.dropWith() == RegisterShape.DropKfunc.BPF_PERCPU_OBJ_DROP)) {
        String needed = percpu ? "bpf_percpu_obj_drop()" : "bpf_obj_drop()";
        return "arg#0 expected for " + needed + ": " + s.dropWith().label() + " is given the object "
            + (percpu ? "bpf_percpu_obj_new" : "bpf_obj_new") + " returned (" + where(op) + ")";
      }
    }
    if (op.root() != null) {
      String graph = graph(op, op.root(), s);
      if (graph != null) {
        return graph;
      }
    }
    return PointerVerifier.after(op, where(op));
  }

  /** check_reference_leak at BPF_EXIT: met after every step's own checks. Null when the step keeps nothing. */
  static String leak(Step op) {
    if (!op.shape().leaks()) {
      return null;
    }
    // check_resource_leak: "Unreleased reference id=%d alloc_insn=%d", then "%s would lead to reference leak"
    return "BPF_EXIT instruction in main prog would lead to reference leak: " + leaked(op) + " is neither released,"
        + " stored nor added before the program exits (" + where(op) + "); the line before in the kernel's log:"
        + " Unreleased reference id=%d alloc_insn=%d";
  }

  private static String graph(Step op, RootRef r, RegisterShape s) {
    String rootType = r.target().kind().rootType();
    String offset = PointerVerifier.root(op, rootType, where(op));
    if (offset != null) {
      return offset;
    }
    String lock = "bpf_spin_lock at off=%d of " + lockOwner(r) + " must be held for " + rootType + " ("
        + where(op) + ")";
    switch (s.lock()) {
      case NONE -> {
        // __process_kf_arg_ptr_to_graph_root: check_reg_allocation_locked finds no active lock
        return "must be held for " + rootType + ": " + lock;
      }
      case OTHER -> {
        // check_reg_allocation_locked: the active lock's ptr/id is not the root's allocation; it prints its line,
        // then the caller the same line as for no lock, the last of the log (checked on Linux 6.18, c46)
        return "must be held for " + rootType + ": " + lock + "; the line before in the kernel's log: held lock and"
            + " object are not in the same allocation";
      }
      case HELD, ACROSS_RCU -> {
      }
    }
    String func = r.target().kind() == GraphKind.RBTREE ? (op.kind().root() == StepKind.Root.ADD ? "bpf_rbtree_add"
        : "bpf_rbtree_remove") : (op.kind().root() == StepKind.Root.ADD ? "bpf_list_push_back" : "bpf_list_pop_front");
    if (s.node() == RegisterShape.NodeRef.NON_OWNING && op.kind().root() == StepKind.Root.ADD) {
      // check_kfunc_args KF_ARG_PTR_TO_{LIST,RB}_NODE: an add takes exactly PTR_TO_BTF_ID | MEM_ALLOC (owning)
      return "arg#1 expected pointer to allocated object: " + func + " is given a node already in a root, a"
          + " non-owning reference (" + where(op) + ")";
    }
    if (s.node() == RegisterShape.NodeRef.RELEASED) {
      // bpf_spin_unlock invalidates non-owning references (invalidate_non_owning_refs); v6.15+ words
      return func + " can only take non-owning or refcounted bpf_rb_node pointer: the non-owning reference was kept"
          + " past bpf_spin_unlock (" + where(op) + ")";
    }
    if (s.lock() == RegisterShape.Lock.ACROSS_RCU) {
      // check_kfunc_call: bpf_rcu_read_{lock,unlock} while a bpf_spin_lock is held (Linux 6.18's words)
      return "function calls are not allowed while holding a lock: bpf_rcu_read_unlock is called between"
          + " bpf_spin_lock and bpf_spin_unlock of " + lockOwner(r) + " (" + where(op) + ")";
    }
    if (s.lessCalls() != null) {
      // the less callback runs as an rbtree-lock-required callback frame (in_rbtree_lock_required_cb)
      return switch (s.lessCalls()) {
        case BPF_RBTREE_ADD -> "arg#1 expected pointer to allocated object: the less callback adds its own non-owning"
            + " argument (" + where(op) + ")";
        case BPF_RBTREE_REMOVE -> "bpf_rbtree_remove not allowed in rbtree cb: the less callback removes a node ("
            + where(op) + ")";
        case BPF_SPIN_UNLOCK -> "can't spin_{lock,unlock} in rbtree cb: the less callback releases the lock ("
            + where(op) + ")";
      };
    }
    return null;
  }

  /**
   * Whose allocation holds the bpf_spin_lock guarding the root: the map value (an inner map's, for a root reached
   * through an outer map: linked_list_fail.c's iv->lock), or the object a nested root is in.
   */
  private static String lockOwner(RootRef r) {
    return r.innerSpec() != null ? "the struct " + r.spec().nodeType() + " holding " + r.innerSpec().name()
        : r.viaOuter() ? "the inner map's value (through " + r.map().name() + ")"
        : "the value of map " + r.map().name();
  }

  /** The reference a leaking step keeps. */
  private static String leaked(Step op) {
    return switch (op.kind()) {
      case ALLOC_DROP -> "the object bpf_obj_new returned";
      case PERCPU_NEW_DROP -> "the object bpf_percpu_obj_new returned";
      case ACQUIRE_RELEASE -> "the kernel object acquired";
      case TAKE_DROP -> "the object bpf_kptr_xchg took out of " + op.from();
      case REMOVE_DROP -> "the node removed from " + op.root();
      case NEW_ADD -> "the reference bpf_refcount_acquire returned";
      default -> "the old value bpf_kptr_xchg returned from " + op.to();
    };
  }

  private static String where(Step op) {
    return "step " + op.index() + ", " + op;
  }
}
