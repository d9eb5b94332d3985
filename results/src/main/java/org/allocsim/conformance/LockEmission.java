package org.allocsim.conformance;

import org.allocsim.world.RegisterShape;
import org.allocsim.world.RegisterShape.Lock;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;

/**
 * The {@code lock} shape of a graph step in C, as linked_list_fail.c writes its *_missing_lock_* and
 * *_incorrect_lock_* programs: no bpf_spin_lock around the kfunc, or the lock of a second lookup of the same value
 * ({@code map_map}, {@code inner_map_inner_map}: two lookups are two allocations to the verifier). The verifier refuses
 * both ("bpf_spin_lock at off=%d must be held for ...", "held lock and object are not in the same allocation"), so
 * the step never runs. A lock taken and released in two RCU read sections ({@code across_rcu}) is refused at the
 * bpf_rcu_read_unlock between them.
 */
final class LockEmission {
  private LockEmission() {}

  /** A graph step whose only register shape is a lock other than its own value's. */
  static boolean translates(StepSpec o) {
    RegisterShape s = o.shape();
    return o.kind().root() != StepKind.Root.NONE && s.lock() != Lock.HELD
        && s.withLock(Lock.HELD).isPlain();
  }

  /**
   * The lines that take the lock before the graph kfunc on v's root, indented by indent; held is the node the
   * program owns at that point (dropped when the second lookup finds nothing), or null.
   */
  static String lock(Lock lock, String indent, String held) {
    return switch (lock) {
      case HELD -> indent + "bpf_spin_lock(&v->lock);";
      case NONE -> indent + "/* lock: none, bpf_spin_lock left out */";
      case OTHER -> indent + "if (!v2) { " + (held == null ? "" : "bpf_obj_drop_impl(" + held + ", 0); ")
          + "return 0; }\n    " + indent + "bpf_spin_lock(&v2->lock); /* lock: other */";
      // refcounted_kptr_fail.c rbtree_fail_sleepable_lock_across_rcu: the lock taken in one RCU read section
      case ACROSS_RCU -> indent + "bpf_rcu_read_lock(); bpf_spin_lock(&v->lock); /* lock: across_rcu */";
    };
  }

  /** The unlock after the graph kfunc. */
  static String unlock(Lock lock, String indent) {
    return switch (lock) {
      case HELD -> indent + "bpf_spin_unlock(&v->lock);";
      case NONE -> indent + "/* no bpf_spin_unlock */";
      case OTHER -> indent + "bpf_spin_unlock(&v2->lock);";
      // ... and released in another: bpf_rcu_read_unlock while it is held
      case ACROSS_RCU -> indent + "bpf_rcu_read_unlock(); bpf_rcu_read_lock(); bpf_spin_unlock(&v->lock);"
          + " bpf_rcu_read_unlock();";
    };
  }
}
