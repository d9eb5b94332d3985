package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.ALL;
import static org.allocsim.strategies.claims.Claims.GLOBAL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.assertClean;
import static org.allocsim.strategies.claims.Claims.closeAndDetach;
import static org.allocsim.strategies.claims.Claims.last;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.run;
import static org.allocsim.strategies.claims.Claims.runAll;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.Claims.valueAt;
import static org.allocsim.strategies.claims.GraphWorlds.graph;
import static org.allocsim.strategies.claims.GraphWorlds.list;
import static org.allocsim.strategies.claims.GraphWorlds.newAdd;
import static org.allocsim.strategies.claims.GraphWorlds.object;
import static org.allocsim.strategies.claims.GraphWorlds.percpuDrop;
import static org.allocsim.strategies.claims.GraphWorlds.percpuStore;
import static org.allocsim.strategies.claims.GraphWorlds.removeDrop;
import static org.allocsim.strategies.claims.GraphWorlds.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.world.AllocSource;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.KptrField;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/** The kernel's semantics of refcounted, graph-node and percpu objects, the same under every design. */
class GraphModelTest {

  static ProgramSpec prog(String name, StepSpec... ops) {
    return ProgramSpec.of(name, ExecContext.TASK, ops);
  }

  /** Global data: a one-entry array holding an rbtree of node_data and its bpf_spin_lock. */
  static MapSpec glob() {
    return MapSpec.of("glob", MapType.ARRAY, 1);
  }

  static MapSpec stash() {
    return MapSpec.of("stash", MapType.ARRAY, 2, new KptrField("node", "node_data"));
  }

  static GraphSpec treeOf(boolean refcount) {
    return graph(refcount, Map.of("glob", List.of(tree("root", "node_data", "r"))), Set.of(), Map.of());
  }

  /** refcounted_kptr.c: obj_new, refcount_acquire, rbtree_add and kptr_xchg of the second reference. */
  @Test
  void refcountedNode_inTreeAndMap_freedOnlyWithTheLastReference() {
    ObjectSpec o = object("rc.bpf.o", List.of(glob(), stash()), treeOf(true),
        prog("insert", newAdd("node_data", AllocSource.DEFAULT, "glob.root", "stash.node")),
        prog("remove", removeDrop("glob.root")),
        prog("unstash", StepSpec.takeDrop("stash", "node")));
    RecordList records = new RecordList().add(MS, 0, "insert", 0, 0, 0).add(2 * MS, 0, "remove", 0, 0)
        .add(3 * MS, 0, "unstash", 0, 0).add(4 * MS, 0, "insert", 0, 0, 1);
    RunSpec spec = spec("refcounted", 30 * MS).at(0, load(o, "rc")).at(10 * MS, closeAndDetach("rc"))
        .records(rs -> records.stream()).build();
    for (RunResult r : runAll(spec, ALL).values()) {
      if (r.strategy().equals(Claims.STATIC)) {
        // design 3: the tree's map and the stash have kptr_allocators of their own; one object cannot be in both
        Claims.assertRejected(r, "insert", "rc", "kptr_allocator");
        continue;
      }
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, MS + MS / 2), r.strategy());
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 2 * MS + MS / 2), r.strategy() + ": the stash still holds it");
      assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 3 * MS + MS / 2), r.strategy() + ": last reference gone");
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 5 * MS), r.strategy());
      // map free: one drop from the stash, one from the tree (bpf_rb_root_free): freed once, nothing leaks
      assertEquals(0, last(r, Metric.LIVE_OBJECTS), r.strategy());
    }
    assertClean(run(GLOBAL, spec));
  }

  /**
   * refcounted_kptr.c insert_and_remove_tree_true_list_false and its kin: one refcounted node in a tree and a list
   * (refcount 2); removing it from either leaves it in the other; the second removal frees it.
   */
  @Test
  void refcountedNode_inTreeAndList_freedByTheSecondRemoval() {
    GraphSpec g = graph(true, Map.of("glob", List.of(tree("root", "node_data", "r"), list("head", "node_data", "l"))),
        Set.of(), Map.of());
    ObjectSpec o = object("tl.bpf.o", List.of(glob()), g,
        prog("insert", GraphWorlds.newAddBoth("node_data", "glob.root", "glob.head")),
        prog("from_tree", removeDrop("glob.root")), prog("from_list", removeDrop("glob.head")));
    RecordList records = new RecordList().add(MS, 0, "insert", 0, 0).add(2 * MS, 0, "from_tree", 0, 0)
        .add(3 * MS, 0, "from_tree", 0, 0).add(4 * MS, 0, "from_list", 0, 0).add(5 * MS, 0, "from_list", 0, 0);
    RunSpec spec = spec("tree-and-list", 10 * MS).at(0, load(o, "tl")).records(rs -> records.stream()).build();
    for (String s : List.of(GLOBAL, Claims.RUNTIME, Claims.PER_FIELD)) {
      RunResult r = run(s, spec);
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, MS + MS / 2), s);
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 3 * MS + MS / 2), s + ": still in the list");
      assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 4 * MS + MS / 2), s + ": the last reference");
      assertClean(r);
    }
  }

  /** A node left in a root at the end of the run is held by its map: the leak audit must not call it a leak. */
  @Test
  void nodesInLiveRoots_areNotLeaks() {
    ObjectSpec o = object("t.bpf.o", List.of(glob()), treeOf(false), prog("add", newAdd("node_data", "glob.root")));
    RecordList records = new RecordList().add(MS, 0, "add", 0, 0).add(2 * MS, 1, "add", 0, 0);
    RunSpec spec = spec("tree-kept", 10 * MS).at(0, load(o, "t")).records(rs -> records.stream()).build();
    RunResult r = run(GLOBAL, spec);
    assertEquals(2, last(r, Metric.LIVE_OBJECTS));
    assertClean(r);
  }

  /**
   * linked_list.c's nested lists: a foo in the map's list holds a list of bar. Freeing the map drops foo, whose
   * bpf_obj_free_fields drains its own list: every bar goes too, recursively.
   */
  @Test
  void mapFree_drainsNestedRootsRecursively() {
    GraphSpec g = graph(false, Map.of("glob", List.of(list("head", "foo", "node2"))), Set.of(), Map.of());
    ObjectSpec o = object("ll.bpf.o", List.of(glob()), g, prog("add_foo", newAdd("foo", "glob.head")),
        prog("add_bar", newAdd("bar", "glob.head.head")));
    RecordList records = new RecordList().add(MS, 0, "add_bar", 0, 0) // no foo yet: the program drops its bar
        .add(2 * MS, 0, "add_foo", 0, 0).add(3 * MS, 0, "add_bar", 0, 0).add(3 * MS, 1, "add_bar", 0, 0);
    RunSpec spec = spec("nested", 30 * MS).at(0, load(o, "ll")).at(10 * MS, closeAndDetach("ll"))
        .records(rs -> records.stream()).build();
    for (String s : List.of(GLOBAL, Claims.RUNTIME)) {
      RunResult r = run(s, spec);
      assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, MS + MS / 2), s);
      assertEquals(3, valueAt(r, Metric.LIVE_OBJECTS, 5 * MS), s);
      assertEquals(0, last(r, Metric.LIVE_OBJECTS), s);
      assertClean(r);
    }
  }

  /** A user-space update of the element drops what its roots held (bpf_obj_free_fields on the old value). */
  @Test
  void elementUpdate_dropsTheValuesRootNodes() {
    MapSpec h = MapSpec.of("h", MapType.HASH, 4);
    GraphSpec g = graph(false, Map.of("h", List.of(tree("root", "node_data", "r"))), Set.of(), Map.of());
    ObjectSpec o = object("u.bpf.o", List.of(h), g, prog("add", newAdd("node_data", "h.root")));
    RecordList records = new RecordList().add(MS, 0, "add", 0, 1).add(MS, 0, "add", 0, 2);
    RunSpec spec = spec("update", 10 * MS).at(0, load(o, "u"))
        .at(3 * MS, new org.allocsim.kernel.ControlAction.UpdateElement(Claims.map("u", "h"), 1))
        .records(rs -> records.stream()).build();
    RunResult r = run(GLOBAL, spec);
    assertEquals(2, valueAt(r, Metric.LIVE_OBJECTS, 2 * MS));
    assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 4 * MS));
    assertClean(r);
  }

  /**
   * percpu_alloc_array.c: bpf_percpu_obj_new comes from bpf_global_percpu_ma, created when the first program
   * that needs it loads, one cache per size; the design is not asked, and its allocators see none of it.
   */
  @Test
  void percpuObjects_comeFromTheKernelsPercpuAllocator_inEveryDesign() {
    MapSpec arr = MapSpec.of("arr", MapType.ARRAY, 4, new KptrField("pc", "val_t"));
    GraphSpec g = graph(false, Map.of(), Set.of(), Map.of("arr", Map.of("pc", KptrFlavour.PERCPU)));
    ObjectSpec o = object("pc.bpf.o", List.of(arr), g, prog("store", percpuStore("val_t", "arr.pc")),
        prog("churn", percpuDrop("val_t")));
    RecordList records = new RecordList();
    for (int k = 0; k < 4; k++) {
      records.add(MS, k % 2, "store", 0, k);
    }
    records.add(2 * MS, 0, "churn", 0, 0);
    RunSpec spec = spec("percpu", 30 * MS).at(0, load(o, "pc")).at(10 * MS, closeAndDetach("pc"))
        .records(rs -> records.stream()).build();
    for (RunResult r : runAll(spec, ALL).values()) {
      assertEquals(4, valueAt(r, Metric.LIVE_OBJECTS, 5 * MS), r.strategy());
      assertEquals(0, last(r, Metric.LIVE_OBJECTS), r.strategy());
      assertTrue(r.verdicts().stream().allMatch(v -> v.accepted()), r.strategy() + ": " + r.verdicts());
      assertClean(r);
    }
  }

  /**
   * bpf_global_percpu_ma charges each object a 16-byte kmalloc (the llist_node and the per-CPU pointer) and its
   * unit on every possible CPU (memalloc.c __alloc()): a 16-byte val_t (unit 32) costs 16 + 32 x cpus.
   */
  @Test
  void percpuObject_isChargedItsUnitOnEveryPossibleCpu() {
    MapSpec arr = MapSpec.of("arr", MapType.ARRAY, 4, new KptrField("pc", "val_t"));
    GraphSpec g = graph(false, Map.of(), Set.of(), Map.of("arr", Map.of("pc", KptrFlavour.PERCPU)));
    ObjectSpec o = object("pc.bpf.o", List.of(arr), g, prog("store", percpuStore("val_t", "arr.pc")));
    RecordList records = new RecordList();
    for (int k = 0; k < 4; k++) {
      records.add(MS, 0, "store", 0, k);
    }
    for (int cpus : new int[] {2, 8}) {
      RunSpec spec = spec("percpu-charge", 10 * MS).set("cpus", Integer.toString(cpus)).at(0, load(o, "pc"))
          .records(rs -> records.stream()).build();
      RunResult r = run(GLOBAL, spec);
      assertEquals(4L * (16 + 32 * cpus), valueAt(r, Metric.LIVE_BYTES, 5 * MS), "cpus=" + cpus);
      assertClean(r);
    }
  }

  @Test
  void mapFree_dropsTreeNodes() {
    ObjectSpec o = object("t.bpf.o", List.of(glob()), treeOf(false), prog("add", newAdd("node_data", "glob.root")));
    RecordList records = new RecordList().add(MS, 0, "add", 0, 0);
    RunSpec spec = spec("tree-closed", 30 * MS).at(0, load(o, "t")).at(5 * MS, closeAndDetach("t"))
        .records(rs -> records.stream()).build();
    RunResult r = run(GLOBAL, spec);
    assertEquals(0, r.violations(ViolationKind.LEAK));
    assertEquals(0, last(r, Metric.LIVE_OBJECTS));
  }
}
