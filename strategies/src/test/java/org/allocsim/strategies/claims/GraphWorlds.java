package org.allocsim.strategies.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.GraphKind;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;
import org.allocsim.world.StepSpec.FieldSpec;
import org.allocsim.world.StepSpec.RootSpec;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.TypeTraits;

/**
 * Object files with refcounted, graph-node and percpu structs, after the kernel selftests (refcounted_kptr.c,
 * linked_list.c, percpu_alloc_array.c): node_data (72 bytes, bpf_refcount, rb node r, list node l), plain (16
 * bytes), and the graph spec that declares them.
 */
final class GraphWorlds {
  static final Map<String, Integer> TYPES = Map.of("node_data", 72, "plain", 16, "val_t", 16, "big", 600,
      "foo", 56, "bar", 40);

  private GraphWorlds() {}

  static TypeTraits nodeData(boolean refcount) {
    return new TypeTraits("node_data", refcount, Map.of("r", GraphKind.RBTREE, "l", GraphKind.LIST), List.of());
  }

  /** foo has a list node and a list of bar of its own (linked_list.h: nested roots). */
  static TypeTraits foo() {
    return new TypeTraits("foo", false, Map.of("node2", GraphKind.LIST),
        List.of(new GraphRoot("head", GraphKind.LIST, "bar", "node")));
  }

  static TypeTraits bar() {
    return new TypeTraits("bar", false, Map.of("node", GraphKind.LIST), List.of());
  }

  static GraphRoot tree(String name, String type, String field) {
    return new GraphRoot(name, GraphKind.RBTREE, type, field);
  }

  static GraphRoot list(String name, String type, String field) {
    return new GraphRoot(name, GraphKind.LIST, type, field);
  }

  /** A graph spec: traits of node_data (refcounted when refcount), foo and bar; roots per map; flavours. */
  static GraphSpec graph(boolean refcount, Map<String, List<GraphRoot>> roots, Set<String> unlocked,
      Map<String, Map<String, KptrFlavour>> flavours) {
    Map<String, TypeTraits> t = new LinkedHashMap<>();
    t.put("node_data", nodeData(refcount));
    t.put("foo", foo());
    t.put("bar", bar());
    return new GraphSpec(t, roots, unlocked, flavours);
  }

  static ObjectSpec object(String name, List<MapSpec> maps, GraphSpec graph, ProgramSpec... programs) {
    return new ObjectSpec(name, TYPES, maps, List.of(programs), graph);
  }

  private static RootSpec root(String ref) {
    String[] p = ref.split("\\.");
    return new RootSpec(p[0], p[1], p.length > 2 ? p[2] : null);
  }

  private static FieldSpec field(String ref) {
    String[] p = ref.split("\\.");
    return new FieldSpec(p[0], p[1]);
  }

  static StepSpec newAdd(String type, AllocSource source, String root, String acquireTo) {
    return new StepSpec(StepKind.NEW_ADD, type, source, null, null, root(root),
        acquireTo == null ? null : field(acquireTo));
  }

  static StepSpec newAdd(String type, String root) {
    return newAdd(type, AllocSource.DEFAULT, root, null);
  }

  /** refcounted_kptr.c __insert_in_tree_and_list: one node in a tree and, by bpf_refcount_acquire, a list. */
  static StepSpec newAddBoth(String type, String root, String acquireRoot) {
    return new StepSpec(StepKind.NEW_ADD, type, AllocSource.DEFAULT, null, null, root(root), null,
        root(acquireRoot));
  }

  static StepSpec newStoreAcquire(String type, AllocSource source, String to, String acquireTo) {
    return new StepSpec(StepKind.NEW_STORE_ACQUIRE, type, source, null, field(to), null, field(acquireTo));
  }

  static StepSpec removeDrop(String root) {
    return new StepSpec(StepKind.REMOVE_DROP, null, null, null, null, root(root), null);
  }

  static StepSpec removeStore(String root, String to) {
    return new StepSpec(StepKind.REMOVE_STORE, null, null, null, field(to), root(root), null);
  }

  static StepSpec takeAdd(String from, String root) {
    return new StepSpec(StepKind.TAKE_ADD, null, null, field(from), null, root(root), null);
  }

  static StepSpec percpuStore(String type, String to) {
    return new StepSpec(StepKind.PERCPU_NEW_STORE, type, AllocSource.DEFAULT, null, field(to), null, null);
  }

  static StepSpec percpuDrop(String type) {
    return new StepSpec(StepKind.PERCPU_NEW_DROP, type, AllocSource.DEFAULT, null, null, null, null);
  }

  /**
   * linked_list.c's push or pop (op starts with "push" or "pop") on the list of foo at mapHead, or, with inKptr, on
   * foo's list of bar inside the first foo. The model's add is one kind for push_front and push_back, its remove one
   * for pop_front and pop_back: the verifier's lock check (__process_kf_arg_ptr_to_graph_root) is the same for both
   * ends.
   */
  static StepSpec listOp(String op, boolean inKptr, String mapHead) {
    String root = inKptr ? mapHead + ".head" : mapHead;
    return op.startsWith("push") ? newAdd(inKptr ? "bar" : "foo", root) : removeDrop(root);
  }

  /** A program in task context, where BPF_PROG_TEST_RUN runs the selftests' programs. */
  static ProgramSpec taskProgram(String name, StepSpec... steps) {
    return ProgramSpec.of(name, ExecContext.TASK, steps);
  }
}
