package org.allocsim.world;

/**
 * Which register shapes a step kind can state: a lock and a node reference only around a graph kfunc, a leak only of
 * a reference the step releases or hands over, an unchecked NULL only where bpf_refcount_acquire takes the new object,
 * a {@code less} callback only on an add, an offset or a read after release only where a release kfunc or a root takes
 * the pointer, a plain load or store only where a kptr field is read or written. A misfit is the scenario's error,
 * not the verifier's.
 */
final class ShapeRules {
  private ShapeRules() {}

  /** Null when the kind can state the shape, else what is wrong. */
  static String misfit(StepKind kind, boolean acquires, RegisterShape s) {
    boolean graph = kind.root() != StepKind.Root.NONE;
    if (s.lock() != RegisterShape.Lock.HELD && !graph) {
      return "'lock' goes with graph steps only (a step with a root)";
    }
    if (s.node() != null) {
      if (!graph) {
        return "'node' goes with graph steps only (a step with a root)";
      }
      if (kind.root() == StepKind.Root.ADD && s.node() == RegisterShape.NodeRef.RELEASED) {
        return "'node: released' goes with removing steps (bpf_rbtree_remove takes a non-owning reference)";
      }
    }
    if (s.leaks()) {
      if (kind == StepKind.TAKE_HOLD || kind == StepKind.PUT_HELD || kind == StepKind.TAKE_ADD) {
        return "'leak' goes with steps that release or hand over a reference at their end";
      }
      if (kind == StepKind.NEW_ADD && acquires) {
        return "'leak' on new_add is the bpf_refcount_acquire reference kept, so it takes no acquire_to or"
            + " acquire_root";
      }
    }
    if (!s.nullChecked() && !(kind.acquires() && (acquires || s.leaks())) && kind != StepKind.ALLOC_DROP) {
      return "'null_check: false' goes with alloc_drop (the object read before its NULL check) and with a step"
          + " that passes its new object to bpf_refcount_acquire (new_store_acquire, or new_add with acquire_to,"
          + " acquire_root or leak)";
    }
    String pointer = pointerMisfit(kind, s);
    if (pointer != null) {
      return pointer;
    }
    if (s.dropWith() != null && kind != StepKind.ALLOC_DROP && kind != StepKind.PERCPU_NEW_DROP) {
      return "'drop_with' goes with alloc_drop and percpu_new_drop";
    }
    if (s.lessCalls() != null && kind.root() != StepKind.Root.ADD) {
      return "'less_calls' goes with adding steps (the less callback of bpf_rbtree_add)";
    }
    return null;
  }

  /** The steps that release their object at their end: a release kfunc takes it. */
  private static boolean drops(StepKind kind) {
    return switch (kind) {
      case ALLOC_DROP, PERCPU_NEW_DROP, TAKE_DROP, REMOVE_DROP, ACQUIRE_RELEASE -> true;
      default -> false;
    };
  }

  private static String pointerMisfit(StepKind kind, RegisterShape s) {
    if (s.offset() == RegisterShape.Offset.DROP && (!drops(kind) || s.leaks())) {
      return "'offset: drop' goes with a step that releases its object (alloc_drop, percpu_new_drop, take_drop,"
          + " remove_drop, acquire_release) and does not leak it";
    }
    if (s.offset() == RegisterShape.Offset.ROOT && kind.root() == StepKind.Root.NONE) {
      return "'offset: root' goes with graph steps only (a step with a root)";
    }
    if (s.readAfter() && (!drops(kind) || s.leaks())) {
      return "'read_after' goes with a step that releases its object (alloc_drop, percpu_new_drop, take_drop,"
          + " remove_drop, acquire_release) and does not leak it";
    }
    if (s.plainLoad() && kind != StepKind.MOVE) {
      return "'load: plain' goes with move (its from field read with a plain load, then bpf_kptr_xchg into to)";
    }
    if (s.plainStore() && !kind.stores()) {
      return "'store: plain' goes with steps that store into a kptr field";
    }
    return null;
  }
}
