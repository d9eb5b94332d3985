package org.allocsim.kernel;

import org.allocsim.btf.BtfType;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.world.FieldRef;
import org.allocsim.world.GraphRegistry;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.StepKind;
import org.allocsim.world.Step;
import org.allocsim.world.Program;
import org.allocsim.world.RootRef;
import org.allocsim.world.TypeTraits;
import org.allocsim.world.World;

/**
 * The kernel's own checks on refcounted, graph and percpu steps and kptr flavours, the same in every design and run
 * before the design's: the messages are kernel/bpf/verifier.c's and btf.c's words (docs/model.md cites them).
 */
final class GraphVerifier {
  /** BPF_GLOBAL_PERCPU_MA_MAX_SIZE (kernel/bpf/verifier.c). */
  static final int PERCPU_MAX_SIZE = 512;

  private GraphVerifier() {}

  static LoadVerdict verify(Program p, World world) {
    GraphRegistry g = world.graph();
    for (Step op : p.steps()) {
      String refusal = MapTypeRules.check(op);
      if (refusal == null) {
        refusal = check(op, g);
      }
      if (refusal == null) {
        refusal = RegisterVerifier.check(op, g, p.spec().sleepable());
      }
      if (refusal != null) {
        return LoadVerdict.reject(refusal);
      }
    }
    return LoadVerdict.ACCEPT;
  }

  /** The references a program keeps to its exit (check_reference_leak), checked after the design's own rules. */
  static LoadVerdict leaks(Program p) {
    for (Step op : p.steps()) {
      String leak = RegisterVerifier.leak(op);
      if (leak != null) {
        return LoadVerdict.reject(leak);
      }
    }
    return LoadVerdict.ACCEPT;
  }

  private static String check(Step op, GraphRegistry g) {
    for (FieldRef f : new FieldRef[] {op.from(), op.to(), op.acquireTo()}) {
      if (f != null && flavour(g, f) == KptrFlavour.UNTRUSTED) {
        // process_kptr_func: bpf_kptr_xchg needs a referenced kptr field
        return "off=" + f.field() + " kptr isn't referenced kptr (" + f + " is __kptr_untrusted)";
      }
    }
    StepKind k = op.kind();
    if (k.allocates() && k != StepKind.ALLOC_STORE && k != StepKind.ALLOC_DROP && op.allocType().isKernel()) {
      return "bpf_obj_new/bpf_percpu_obj_new requires prog BTF (struct " + op.allocType().name() + " is vmlinux's)";
    }
    if (k.percpu()) {
      String percpu = percpuNew(op, g);
      if (percpu != null) {
        return percpu;
      }
    }
    String stores = storedFlavour(op, g);
    if (stores != null) {
      return stores;
    }
    if (k == StepKind.NEW_ADD || k == StepKind.NEW_STORE_ACQUIRE) {
      for (FieldRef f : new FieldRef[] {op.to(), op.acquireTo()}) {
        if (f != null && !op.allocType().sameAs(f.type())) {
          return "invalid kptr access, R2 type=ptr_" + op.allocType().name() + " expected=ptr_" + f.type().name()
              + " (" + f + ")";
        }
      }
    }
    if (k.acquires() && (op.acquireTo() != null || op.acquireRoot() != null || op.shape().leaks())
        && !g.traits(op.allocType()).refcounted()) {
      return "arg#0 doesn't point to a type with bpf_refcount field (bpf_refcount_acquire of struct "
          + op.allocType().name() + ")";
    }
    String root = op.root() == null ? null : root(op, op.root(), g);
    return root != null || op.acquireRoot() == null ? root : root(op, op.acquireRoot(), g);
  }

  private static KptrFlavour flavour(GraphRegistry g, FieldRef f) {
    return f.viaOuter() ? KptrFlavour.REFERENCED : g.flavour(f.map(), f.field());
  }

  private static String percpuNew(Step op, GraphRegistry g) {
    BtfType t = op.allocType();
    if (t.sizeBytes() > PERCPU_MAX_SIZE) {
      return "bpf_percpu_obj_new type size (" + t.sizeBytes() + ") is greater than " + PERCPU_MAX_SIZE;
    }
    if (!g.traits(t).isPlain()) {
      return "bpf_percpu_obj_new type ID argument must not contain special fields (struct " + t.name() + ")";
    }
    return null;
  }

  /** map_kptr_match_type: a percpu pointer goes only into a __percpu_kptr field, and a plain one never. */
  private static String storedFlavour(Step op, GraphRegistry g) {
    boolean percpuValue = op.kind().percpu() || (op.from() != null && flavour(g, op.from()) == KptrFlavour.PERCPU);
    for (FieldRef f : new FieldRef[] {op.to(), op.acquireTo()}) {
      if (f == null) {
        continue;
      }
      boolean percpuField = flavour(g, f) == KptrFlavour.PERCPU;
      if (percpuValue && percpuField && op.kind().percpu() && !op.allocType().sameAs(f.type())) {
        return "invalid kptr access, R2 type=percpu_ptr_" + op.allocType().name() + " expected=ptr_"
            + f.type().name() + " (" + f + ")";
      }
      if (percpuField != percpuValue) {
        // the words of percpu_alloc_fail.c: a plain pointer prints as "ptr_", the field's type as "ptr_T"
        String name = f.type().name();
        // an acquired kernel object is trusted_ptr_ (percpu_alloc_fail.c reject_kernel_ptr_into_percpu_kptr)
        String plain = op.kind().kernelObject() ? "trusted_ptr_" : "ptr_";
        return "invalid kptr access, R2 type=" + (percpuValue ? "percpu_ptr_" + name : plain) + " expected=ptr_"
            + name + " (" + f + (percpuField ? " is __percpu_kptr)" : " is __kptr)");
      }
    }
    if (op.root() != null && percpuValue) {
      return "operation on " + op.root().target().kind().rootType() + " expects arg#1 "
          + op.root().target().kind().nodeType() + ", not a percpu pointer";
    }
    return null;
  }

  private static String root(Step op, RootRef r, GraphRegistry g) {
    GraphRoot root = r.target();
    if (g.unlocked(r.map())) {
      // btf_parse_fields: bpf_{list_head, rb_root} require bpf_spin_lock in the same value
      return "map " + r.map().name() + ": " + root.kind().rootType() + " without a bpf_spin_lock in the same value"
          + " (btf_parse_fields: -EINVAL, the map cannot be created)";
    }
    BtfType node = r.map().btf().type(root.nodeType());
    TypeTraits traits = node == null ? null : g.traits(node);
    if (traits == null || traits.nodes().get(root.nodeField()) != root.kind()) {
      return "__contains(" + root.nodeType() + ", " + root.nodeField() + ") of " + r + ": "
          + (node == null ? "no struct " + root.nodeType() : "struct " + root.nodeType() + " has no "
              + root.kind().nodeType() + " " + root.nodeField())
          + " (btf_parse_graph_root: -EINVAL)";
    }
    BtfType value = switch (op.kind()) {
      case NEW_ADD -> op.allocType();
      case TAKE_ADD -> op.from().type();
      default -> null;
    };
    if (value != null && !value.sameAs(node)) {
      // __process_kf_arg_ptr_to_graph_node's words, with TypeTraits.nodeOffset's layout for the offsets
      int argOffset = g.traits(value).nodeOffset(root.nodeField());
      return "operation on " + root.kind().rootType() + " expects arg#1 " + root.kind().nodeType() + " at offset="
          + traits.nodeOffset(root.nodeField()) + " in struct " + root.nodeType() + ", but arg is at offset="
          + Math.max(0, argOffset) + " in struct " + value.name() + (value.name().equals(node.name())
              ? ": the same name from another BTF object (btf_struct_ids_match)" : "");
    }
    if (op.kind() == StepKind.REMOVE_STORE && !node.sameAs(op.to().type())) {
      return "invalid kptr access, R2 type=ptr_" + node.name() + " expected=ptr_" + op.to().type().name() + " ("
          + op.to() + ")";
    }
    return null;
  }
}
