package org.allocsim.kernel;

import java.util.Set;
import org.allocsim.btf.BtfType;
import org.allocsim.world.FieldRef;
import org.allocsim.world.GraphRegistry;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.RegisterShape;
import org.allocsim.world.Step;
import org.allocsim.world.StepKind;

/**
 * The verifier's pointer-level refusals of a step's shape: a pointer at a constant offset given to a release kfunc
 * or a graph kfunc's root argument, an object read before its NULL check or after its release, a kptr field read or
 * written without bpf_kptr_xchg. Each reason starts with the words kernel/bpf/verifier.c prints on Linux 6.18 (each
 * checked on the live kernel, docs/selftests.md), up to its first colon.
 */
final class PointerVerifier {
  /** rcu_protected_types (verifier.c): a plain load of a referenced kptr of these is MEM_RCU in an RCU section. */
  private static final Set<String> RCU_PROTECTED_KERNEL = Set.of("task_struct", "cgroup", "bpf_cpumask");

  private PointerVerifier() {}

  /** The refusal met before the step's kfuncs run (a NULL dereference, a plain load or store), else null. */
  static String before(Step op, GraphRegistry g, boolean sleepable, String where) {
    RegisterShape s = op.shape();
    if (!s.nullChecked() && op.kind() == StepKind.ALLOC_DROP) {
      // linked_list_fail.c new_null_ret: check_mem_access on PTR_TO_BTF_ID | MEM_ALLOC | PTR_MAYBE_NULL
      return "invalid mem access 'ptr_or_null_': a field of the object bpf_obj_new returned is read before its NULL"
          + " check (" + where + ")";
    }
    if (s.plainStore()) {
      FieldRef f = op.to();
      if (f != null && flavour(g, f) != KptrFlavour.UNTRUSTED) {
        // check_map_kptr_access: only BPF_LDX may touch a referenced or percpu kptr (map_kptr_fail.c
        // reject_untrusted_store_to_ref)
        return "store to referenced kptr disallowed: " + f + " is written with a plain store, not bpf_kptr_xchg ("
            + where + ")";
      }
    }
    if (s.plainLoad()) {
      String why = "bpf_kptr_xchg into " + op.to() + " is given what a plain load of " + op.from() + " returned,"
          + " which the program does not own (" + where + ")";
      String loaded = loadedType(op.from(), g, sleepable);
      return loaded != null ? "R2 type=" + loaded + " expected=ptr_: " + why
          : "verifier bug: invalid PTR_TO_BTF_ID register for type match (Linux 6.18, a local struct without a graph"
              + " node): " + why;
    }
    return null;
  }

  /** The release kfunc's argument at an offset (check_func_arg_reg_off), else null. */
  static String release(Step op, String where) {
    if (op.shape().offset() != RegisterShape.Offset.DROP) {
      return null;
    }
    return "R1 must have zero offset when passed to release func or trusted arg to kfunc: the release of "
        + released(op) + " is given a pointer into it, not its start (" + where + ")";
  }

  /** __process_kf_arg_ptr_to_graph_root: no root at the offset the argument points to, checked before the lock. */
  static String root(Step op, String rootType, String where) {
    if (op.shape().offset() != RegisterShape.Offset.ROOT) {
      return null;
    }
    return rootType + " not found at offset: the root argument points past " + op.root() + ", where the kernel prints"
        + " offset=%d (" + where + ")";
  }

  /** release_reference turns every copy of the released pointer into a scalar: a read after it is refused. */
  static String after(Step op, String where) {
    if (!op.shape().readAfter()) {
      return null;
    }
    return "invalid mem access 'scalar': " + released(op) + " is read after its release (" + where + ")";
  }

  /**
   * What a plain load of a referenced kptr gives, as bpf_kptr_xchg's check prints it (map_kptr_fail.c; Linux 6.18 on
   * local structs, docs/selftests.md): in a non-sleepable program (in_rcu_cs) an RCU pointer for an RCU-protected
   * kernel type or a local struct with a graph node; PTR_UNTRUSTED for other kernel types and in sleepable programs
   * (the model states no RCU read section); null for a local struct without a graph node, which Linux 6.18 meets as a
   * verifier bug.
   */
  private static String loadedType(FieldRef f, GraphRegistry g, boolean sleepable) {
    BtfType t = f.type();
    if (sleepable) {
      return "untrusted_ptr_";
    }
    if (t.isKernel()) {
      return RCU_PROTECTED_KERNEL.contains(t.name()) ? "rcu_ptr_" : "untrusted_ptr_";
    }
    return g.traits(t).nodes().isEmpty() ? null : "rcu_ptr_";
  }

  private static KptrFlavour flavour(GraphRegistry g, FieldRef f) {
    return f.viaOuter() ? KptrFlavour.REFERENCED : g.flavour(f.map(), f.field());
  }

  private static String released(Step op) {
    return switch (op.kind()) {
      case ALLOC_DROP -> "the object bpf_obj_new returned";
      case PERCPU_NEW_DROP -> "the object bpf_percpu_obj_new returned";
      case ACQUIRE_RELEASE -> "the kernel object acquired";
      case TAKE_DROP -> "the object bpf_kptr_xchg took out of " + op.from();
      default -> "the node removed from " + op.root();
    };
  }
}
