package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allocsim.world.GraphKind;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.RegisterShape;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;

/**
 * The register-shape keys of a step ({@code lock}, {@code node}, {@code leak}, {@code null_check},
 * {@code less_calls}, {@code drop_with}, {@code offset}, {@code read_after}, {@code load}, {@code store}): what the
 * verifier sees that a step's atomic form hides. All are optional; omitted, a step has the plain shape the kernel
 * accepts.
 */
final class ShapeKeys {
  private ShapeKeys() {}

  /** The shape keys a kind may carry (world.ShapeRules says which combinations make sense). */
  static List<String> allowed(StepKind kind) {
    List<String> out = new ArrayList<>();
    if (kind.root() != StepKind.Root.NONE) {
      out.addAll(List.of("lock", "node"));
    }
    if (kind != StepKind.TAKE_HOLD && kind != StepKind.PUT_HELD && kind != StepKind.TAKE_ADD) {
      out.add("leak");
    }
    if (kind.acquires() || kind == StepKind.ALLOC_DROP) {
      out.add("null_check");
    }
    switch (kind) {
      case ALLOC_DROP, PERCPU_NEW_DROP, TAKE_DROP, REMOVE_DROP, ACQUIRE_RELEASE -> out.addAll(List.of("offset",
          "read_after"));
      default -> {
        if (kind.root() != StepKind.Root.NONE) {
          out.add("offset");
        }
      }
    }
    if (kind == StepKind.MOVE) {
      out.add("load");
    }
    if (kind.stores()) {
      out.add("store");
    }
    if (kind.root() == StepKind.Root.ADD) {
      out.add("less_calls");
    }
    if (kind == StepKind.ALLOC_DROP || kind == StepKind.PERCPU_NEW_DROP) {
      out.add("drop_with");
    }
    return out;
  }

  static RegisterShape read(YMap args, StepKind kind, StepSpec.RootSpec root, Map<String, List<GraphRoot>> roots) {
    RegisterShape.Lock lock = args.has("lock") ? choice(args.get("lock"), RegisterShape.Lock.class)
        : RegisterShape.Lock.HELD;
    RegisterShape.NodeRef node = args.has("node") ? choice(args.get("node"), RegisterShape.NodeRef.class) : null;
    RegisterShape.LessCall less = args.has("less_calls") ? choice(args.get("less_calls"),
        RegisterShape.LessCall.class) : null;
    if (node != null && kind.root() == StepKind.Root.ADD && node == RegisterShape.NodeRef.RELEASED) {
      throw args.get("node").error("an add takes node: owning or non_owning (released goes with removing steps)");
    }
    if (node != null && kind.root() == StepKind.Root.REMOVE && node == RegisterShape.NodeRef.OWNING) {
      // since v6.15 bpf_rbtree_remove takes an owning (refcounted) reference and returns NULL if it is in no tree
      throw args.get("node").error("a remove takes node: non_owning or released (an owning node removed returns"
          + " NULL at run time, which the model does not follow)");
    }
    if ((less != null || (node != null && kind.root() == StepKind.Root.REMOVE)) && !rbtree(root, roots)) {
      YNode at = less != null ? args.get("less_calls") : args.get("node");
      throw at.error((less != null ? "less_calls" : "node on a remove") + " needs a bpf_rb_root of a map (" + root
          + " is not one): bpf_list_push_back has no callback and bpf_list_pop_front no node argument");
    }
    boolean leak = args.has("leak") && args.get("leak").bool();
    boolean nullChecked = !args.has("null_check") || args.get("null_check").bool();
    RegisterShape.DropKfunc drop = args.has("drop_with") ? choice(args.get("drop_with"),
        RegisterShape.DropKfunc.class) : null;
    RegisterShape.Offset offset = args.has("offset") ? choice(args.get("offset"), RegisterShape.Offset.class) : null;
    boolean readAfter = args.has("read_after") && args.get("read_after").bool();
    boolean plainLoad = args.has("load") && choice(args.get("load"), Access.class) == Access.PLAIN;
    boolean plainStore = args.has("store") && choice(args.get("store"), Access.class) == Access.PLAIN;
    return new RegisterShape(lock, node, leak, nullChecked, less, drop).withPointer(offset, readAfter, plainLoad,
        plainStore);
  }

  /** How a kptr field is read or written: with bpf_kptr_xchg (the default) or a plain load or store. */
  private enum Access {
    XCHG, PLAIN
  }

  private static boolean rbtree(StepSpec.RootSpec r, Map<String, List<GraphRoot>> roots) {
    if (r == null || r.inner() != null) {
      return false;
    }
    return roots.getOrDefault(r.map(), List.of()).stream()
        .anyMatch(g -> g.name().equals(r.root()) && g.kind() == GraphKind.RBTREE);
  }

  private static <E extends Enum<E>> E choice(YNode node, Class<E> type) {
    List<String> labels = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String label = e.name().toLowerCase(Locale.ROOT);
      if (label.equals(node.text())) {
        return e;
      }
      labels.add(label);
    }
    throw node.error("expected one of " + String.join(", ", labels) + " for " + node.what() + ", got '"
        + node.text() + "'" + Suggest.nearest(node.text(), labels));
  }
}
