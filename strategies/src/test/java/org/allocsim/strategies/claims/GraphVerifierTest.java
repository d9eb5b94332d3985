package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.ALL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.assertAccepted;
import static org.allocsim.strategies.claims.Claims.assertRejected;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.runAll;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.GraphWorlds.graph;
import static org.allocsim.strategies.claims.GraphWorlds.newAdd;
import static org.allocsim.strategies.claims.GraphWorlds.newStoreAcquire;
import static org.allocsim.strategies.claims.GraphWorlds.object;
import static org.allocsim.strategies.claims.GraphWorlds.percpuDrop;
import static org.allocsim.strategies.claims.GraphWorlds.percpuStore;
import static org.allocsim.strategies.claims.GraphWorlds.removeStore;
import static org.allocsim.strategies.claims.GraphWorlds.takeAdd;
import static org.allocsim.strategies.claims.GraphWorlds.tree;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.KptrField;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/**
 * The kernel's refusals on the new objects, the same in every design, with the verifier's words (selftests:
 * refcounted_kptr_fail.c, linked_list_fail.c, rbtree_fail.c, percpu_alloc_fail.c, map_kptr_fail.c).
 */
class GraphVerifierTest {

  private static ProgramSpec prog(String name, StepSpec... ops) {
    return ProgramSpec.of(name, ExecContext.TASK, ops);
  }

  private static MapSpec glob() {
    return MapSpec.of("glob", MapType.ARRAY, 1);
  }

  private static MapSpec arr(KptrField... fields) {
    return MapSpec.of("arr", MapType.ARRAY, 4, fields);
  }

  private static GraphSpec treeGraph(boolean refcount, GraphRoot root, Set<String> unlocked,
      Map<String, Map<String, KptrFlavour>> flavours) {
    return graph(refcount, Map.of("glob", List.of(root)), unlocked, flavours);
  }

  /** Loads one object with the given programs and checks each verdict under every design. */
  private static void check(ObjectSpec o, String program, String... words) {
    RunSpec spec = spec("verifier", 5 * MS).at(0, load(o, "v")).build();
    for (RunResult r : runAll(spec, ALL).values()) {
      if (words.length == 0) {
        assertAccepted(r, program, "v");
      } else {
        assertRejected(r, program, "v", words);
      }
    }
  }

  private static final GraphRoot TREE = tree("root", "node_data", "r");
  private static final KptrField STASH = new KptrField("node", "node_data");

  @Test
  void refcountAcquire_ofATypeWithoutBpfRefcount_refused() {
    ObjectSpec o = object("a.bpf.o", List.of(glob(), arr(STASH)), treeGraph(false, TREE, Set.of(), Map.of()),
        prog("p", newAdd("node_data", AllocSource.DEFAULT, "glob.root", "arr.node")));
    check(o, "p", "doesn't point to a type with bpf_refcount field");
  }

  @Test
  void nodeInTwoRoots_ofATypeWithoutBpfRefcount_refused() {
    GraphSpec g = graph(false, Map.of("glob", List.of(TREE, GraphWorlds.list("head", "node_data", "l"))), Set.of(),
        Map.of());
    ObjectSpec o = object("n.bpf.o", List.of(glob()), g,
        prog("p", GraphWorlds.newAddBoth("node_data", "glob.root", "glob.head")));
    check(o, "p", "doesn't point to a type with bpf_refcount field");
  }

  @Test
  void nodeOfAnotherType_inARoot_refused() {
    ObjectSpec o = object("b.bpf.o", List.of(glob()), treeGraph(false, TREE, Set.of(), Map.of()),
        prog("p", newAdd("foo", "glob.root")));
    check(o, "p", "operation on bpf_rb_root expects arg#1 bpf_rb_node at offset=", "in struct node_data, but arg is at "
        + "offset=0 in struct foo");
  }

  @Test
  void containsNamingAListNodeForATree_refused() {
    ObjectSpec o = object("c.bpf.o", List.of(glob()), treeGraph(false, tree("root", "node_data", "l"), Set.of(),
        Map.of()), prog("p", newAdd("node_data", "glob.root")));
    check(o, "p", "__contains(node_data, l)", "has no bpf_rb_node l", "btf_parse_graph_root");
  }

  @Test
  void rootWithoutSpinLock_refused() {
    ObjectSpec o = object("d.bpf.o", List.of(glob()), treeGraph(false, TREE, Set.of("glob"), Map.of()),
        prog("p", newAdd("node_data", "glob.root")));
    check(o, "p", "without a bpf_spin_lock", "btf_parse_fields");
  }

  @Test
  void percpuObject_intoAPlainKptrField_refused() {
    ObjectSpec o = object("e.bpf.o", List.of(arr(new KptrField("pc", "val_t"))), GraphSpec.NONE,
        prog("p", percpuStore("val_t", "arr.pc")));
    check(o, "p", "invalid kptr access, R2 type=percpu_ptr_val_t expected=ptr_val_t");
  }

  @Test
  void plainObject_intoAPercpuKptrField_refused() {
    ObjectSpec o = object("f.bpf.o", List.of(arr(new KptrField("pc", "val_t"))),
        graph(false, Map.of(), Set.of(), Map.of("arr", Map.of("pc", KptrFlavour.PERCPU))),
        prog("p", StepSpec.allocStore("val_t", AllocSource.DEFAULT, "arr", "pc")));
    check(o, "p", "invalid kptr access, R2 type=ptr_ expected=ptr_val_t", "__percpu_kptr");
  }

  /** percpu_alloc_fail.c test_array_map_2: a percpu val2_t into a val_t percpu field. */
  @Test
  void percpuObjectOfAnotherType_intoAPercpuField_refused() {
    ObjectSpec o = object("m.bpf.o", List.of(arr(new KptrField("pc", "val_t"))),
        graph(false, Map.of(), Set.of(), Map.of("arr", Map.of("pc", KptrFlavour.PERCPU))),
        prog("p", percpuStore("plain", "arr.pc")));
    check(o, "p", "invalid kptr access, R2 type=percpu_ptr_plain expected=ptr_val_t");
  }

  @Test
  void percpuObjectOver512Bytes_refused() {
    ObjectSpec o = object("g.bpf.o", List.of(), GraphSpec.NONE, prog("p", percpuDrop("big")));
    check(o, "p", "bpf_percpu_obj_new type size (600) is greater than 512");
  }

  @Test
  void percpuObjectWithSpecialFields_refused() {
    ObjectSpec o = object("h.bpf.o", List.of(), graph(true, Map.of(), Set.of(), Map.of()),
        prog("p", percpuDrop("node_data")));
    check(o, "p", "bpf_percpu_obj_new type ID argument must not contain special fields");
  }

  /** local_kptr_stash_fail.c stash_rb_nodes: a node_data2 into a node_data field. */
  @Test
  void objectOfAnotherType_intoAKptrField_refused() {
    ObjectSpec o = object("l.bpf.o", List.of(glob(), arr(STASH)), treeGraph(true, TREE, Set.of(), Map.of()),
        prog("p", newAdd("node_data", AllocSource.DEFAULT, "glob.root", null)),
        prog("q", GraphWorlds.newStoreAcquire("plain", AllocSource.DEFAULT, "arr.node", "arr.node")));
    check(o, "q", "invalid kptr access, R2 type=ptr_plain expected=ptr_node_data");
  }

  @Test
  void kptrXchg_onAnUntrustedField_refused() {
    ObjectSpec o = object("i.bpf.o", List.of(arr(STASH)),
        graph(false, Map.of(), Set.of(), Map.of("arr", Map.of("node", KptrFlavour.UNTRUSTED))),
        prog("p", StepSpec.allocStore("node_data", AllocSource.DEFAULT, "arr", "node")));
    check(o, "p", "kptr isn't referenced kptr");
  }

  @Test
  void wellFormedGraphPrograms_accepted() {
    MapSpec stash = arr(STASH);
    ObjectSpec o = object("j.bpf.o", List.of(glob(), stash), treeGraph(true, TREE, Set.of(), Map.of()),
        prog("both", newStoreAcquire("node_data", AllocSource.DEFAULT, "arr.node", "arr.node")),
        prog("enqueue", takeAdd("arr.node", "glob.root")),
        prog("dispatch", removeStore("glob.root", "arr.node")));
    RunSpec spec = spec("verifier", 5 * MS).at(0, load(o, "v")).build();
    for (RunResult r : runAll(spec, List.of(Claims.GLOBAL, Claims.RUNTIME, Claims.PER_FIELD)).values()) {
      for (String p : List.of("both", "enqueue", "dispatch")) {
        assertAccepted(r, p, "v");
      }
    }
  }

  /**
   * BTF identity: a reloaded object's node_data is another type (btf_struct_ids_match compares BTF objects), so
   * its program may not add to the tree of the pinned map the first load created.
   */
  @Test
  void reloadAddingToAPinnedMapsTree_refusedOnBtfIdentity() {
    MapSpec pinned = glob().pinnedAt("/sys/fs/bpf/glob");
    ObjectSpec o = object("k.bpf.o", List.of(pinned), treeGraph(false, TREE, Set.of(), Map.of()),
        prog("p", newAdd("node_data", "glob.root")));
    RunSpec spec = spec("reload", 5 * MS).at(0, load(o, "k1")).at(MS, new ControlAction.CloseObject("k1", true))
        .at(2 * MS, load(o, "k2")).build();
    for (RunResult r : runAll(spec, ALL).values()) {
      assertAccepted(r, "p", "k1");
      assertRejected(r, "p", "k2", "expects arg#1 bpf_rb_node at offset=", "in struct node_data, but arg is at offset=",
          "another BTF object");
    }
  }
}
