package org.allocsim.conformance;

import org.allocsim.world.GraphKind;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;
import org.allocsim.world.TypeTraits;

/**
 * The C of what landed after the 2022 thread, as the kernel selftests write it (refcounted_kptr.c, rbtree.c,
 * linked_list.c, percpu_alloc_array.c): the graph structs and kfuncs of bpf_experimental.h, which libbpf-dev does
 * not install; structs with a {@code bpf_refcount} and node fields; map values holding a {@code bpf_spin_lock} and
 * roots declared {@code __contains(type, node)}; and kptr field flavours. Debian's uapi {@code linux/bpf.h} (6.1)
 * lacks the graph structs, a newer one has them: its names are moved aside while it is included, and ours, with the
 * kernel's sizes, are used either way.
 */
final class CGraphTypes {
  private static final String[] GRAPH_STRUCTS = {"bpf_list_head", "bpf_list_node", "bpf_rb_root", "bpf_rb_node",
      "bpf_refcount"};

  private CGraphTypes() {}

  /** Whether an object needs any of this: special structs, roots, flavoured fields or graph and percpu steps. */
  static boolean uses(ObjectSpec o) {
    GraphSpec g = o.graph();
    if (!g.types().isEmpty() || !g.mapRoots().isEmpty() || !g.flavours().isEmpty()) {
      return true;
    }
    return o.programs().stream().flatMap(p -> p.steps().stream()).anyMatch(CGraphTypes::isGraphStep);
  }

  /** A step the graph translation writes (CGraphStep). */
  static boolean isGraphStep(StepSpec s) {
    return s.kind().root() != StepKind.Root.NONE || s.kind().acquires() || s.kind().percpu();
  }

  /** Lines before {@code #include <linux/bpf.h>}: hide the uapi graph structs, if it has them. */
  static String beforeIncludes() {
    StringBuilder s = new StringBuilder();
    for (String n : GRAPH_STRUCTS) {
      s.append("#define ").append(n).append(" allocsim_uapi_").append(n).append('\n');
    }
    return s.toString();
  }

  /** The graph structs with the kernel's sizes, the annotations, and bpf_experimental.h's kfunc declarations. */
  static String declarations() {
    StringBuilder s = new StringBuilder();
    for (String n : GRAPH_STRUCTS) {
      s.append("#undef ").append(n).append('\n');
    }
    s.append("""
        struct bpf_list_head { __u64 __opaque[2]; } __attribute__((aligned(8)));
        struct bpf_list_node { __u64 __opaque[3]; } __attribute__((aligned(8)));
        struct bpf_rb_root { __u64 __opaque[2]; } __attribute__((aligned(8)));
        struct bpf_rb_node { __u64 __opaque[4]; } __attribute__((aligned(8)));
        struct bpf_refcount { __u32 __opaque[1]; } __attribute__((aligned(4)));
        #define __contains(name, node) __attribute__((btf_decl_tag("contains:" #name ":" #node)))
        #define __percpu_kptr __attribute__((btf_type_tag("percpu_kptr")))
        #define __kptr_untrusted __attribute__((btf_type_tag("kptr_untrusted")))
        #ifndef container_of
        #define container_of(ptr, type, member) ((type *)((void *)(ptr) - __builtin_offsetof(type, member)))
        #endif
        extern void *bpf_refcount_acquire_impl(void *kptr, void *meta) __ksym;
        extern int bpf_list_push_back_impl(struct bpf_list_head *head, struct bpf_list_node *node, void *meta,
            __u64 off) __ksym;
        extern struct bpf_list_node *bpf_list_pop_front(struct bpf_list_head *head) __ksym;
        extern int bpf_rbtree_add_impl(struct bpf_rb_root *root, struct bpf_rb_node *node,
            _Bool (less)(struct bpf_rb_node *a, const struct bpf_rb_node *b), void *meta, __u64 off) __ksym;
        extern struct bpf_rb_node *bpf_rbtree_first(struct bpf_rb_root *root) __ksym;
        extern struct bpf_rb_node *bpf_rbtree_remove(struct bpf_rb_root *root, struct bpf_rb_node *node) __ksym;
        extern void *bpf_percpu_obj_new_impl(__u64 local_type_id, void *meta) __ksym;
        extern void bpf_percpu_obj_drop_impl(void *kptr, void *meta) __ksym;
        extern void bpf_rcu_read_lock(void) __ksym;
        extern void bpf_rcu_read_unlock(void) __ksym;
        """);
    return s.toString();
  }

  /** The less callback of an rbtree: always false, so a node goes in last and bpf_rbtree_first is the oldest. */
  static String lessName(String type, String node) {
    return "less_" + type + "_" + node;
  }

  /**
   * Less callbacks for every rbtree node field of the object's structs. The model keeps trees in insertion order
   * (model.md): bpf_rbtree_add goes right on "not less", so a callback that is never true keeps the same order.
   */
  static String lessCallbacks(ObjectSpec o, CNames names) {
    StringBuilder s = new StringBuilder();
    for (TypeTraits t : o.graph().types().values()) {
      t.nodes().forEach((node, kind) -> {
        if (kind == GraphKind.RBTREE) {
          s.append("static _Bool ").append(lessName(names.local(t.name()), node))
              .append("(struct bpf_rb_node *a, const struct bpf_rb_node *b)\n{\n  return 0;\n}\n");
        }
      });
    }
    return s.length() == 0 ? "" : s.append('\n').toString();
  }

  /** The members of a struct with special fields in TypeTraits.nodeOffset's layout, padded to its size; null if plain. */
  static String structBody(ObjectSpec o, CNames names, String type, int size) {
    TypeTraits t = o.graph().traits(type);
    if (t.isPlain()) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    if (t.refcounted()) {
      s.append(" struct bpf_refcount ref;");
    }
    if (!t.roots().isEmpty()) {
      s.append(" struct bpf_spin_lock lock;");
    }
    for (GraphRoot r : t.roots()) {
      s.append(root(r, names));
    }
    t.nodes().forEach((name, kind) -> s.append(" struct ").append(kind.nodeType()).append(' ').append(name)
        .append(';'));
    if (size > t.specialBytes()) {
      s.append(" __u8 bytes[").append(size - t.specialBytes()).append("];");
    }
    return s.toString();
  }

  /** A map value's lock and roots, after its kptr fields (so a census sees the fields first); empty without. */
  static String valueRoots(ObjectSpec o, CNames names, MapSpec m) {
    StringBuilder s = new StringBuilder();
    var roots = o.graph().roots(m.name());
    if (roots.isEmpty()) {
      return "";
    }
    if (!o.graph().unlockedMaps().contains(m.name())) {
      s.append(" struct bpf_spin_lock lock;");
    }
    roots.forEach(r -> s.append(root(r, names)));
    return s.toString();
  }

  private static String root(GraphRoot r, CNames names) {
    return " struct " + r.kind().rootType() + " " + r.name() + " __contains(" + names.local(r.nodeType()) + ", "
        + r.nodeField() + ");";
  }

  /** The BTF type tag of a kptr field: __kptr, __percpu_kptr or __kptr_untrusted. */
  static String tag(ObjectSpec o, String map, String field) {
    KptrFlavour f = o.graph().flavour(map, field);
    return f.tag();
  }
}
