package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.ALL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.assertAccepted;
import static org.allocsim.strategies.claims.Claims.assertClean;
import static org.allocsim.strategies.claims.Claims.assertFound;
import static org.allocsim.strategies.claims.Claims.assertRejected;
import static org.allocsim.strategies.claims.Claims.last;
import static org.allocsim.strategies.claims.Claims.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.runAll;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.GraphWorlds.graph;
import static org.allocsim.strategies.claims.GraphWorlds.newAdd;
import static org.allocsim.strategies.claims.GraphWorlds.newStoreAcquire;
import static org.allocsim.strategies.claims.GraphWorlds.object;
import static org.allocsim.strategies.claims.GraphWorlds.percpuStore;
import static org.allocsim.strategies.claims.GraphWorlds.tree;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
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
import org.allocsim.world.OperationSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/**
 * The 2022 designs on the objects that landed after the thread (docs/designs.md, the designs on the new objects):
 * where they then differ.
 */
class ClaimsGraphTest {
  private static ProgramSpec prog(String name, OperationSpec... ops) {
    return ProgramSpec.of(name, ExecContext.TASK, ops);
  }

  /**
   * A node in a tree of a map that outlives the node's allocator: allocator map A and pinned map T in one object; a
   * program adds nodes from A into T's rbtree; the object is closed, T stays pinned until 40 ms. The thread never
   * met a graph root, so each design keeps its kptr-field rule (docs/designs.md): designs that tie A's life to
   * kptr-field bindings or to the unload walk over kptr slots (per-field, per-field-dissolving, first-proposal) do
   * not see the nodes, destroy A with live nodes and free them into a dead allocator; runtime-refcount (a reference
   * per object), global (never destroyed) and btf-placeholder (A claimed by the type, held by T's BTF) stay safe;
   * design 3 refuses the program, A not being T's kptr_allocator.
   */
  @Test
  void nodeInATreeOfAPinnedMap_onlyKptrFieldBindingsLoseTheAllocator() {
    MapSpec t = MapSpec.of("T", MapType.ARRAY, 1).pinnedAt("/sys/fs/bpf/T");
    GraphSpec g = graph(false, Map.of("T", List.of(tree("root", "node_data", "r"))), Set.of(), Map.of());
    ObjectSpec adder = object("adder.bpf.o", List.of(MapSpec.allocator("A", 0), t), g,
        prog("add", newAdd("node_data", AllocSource.allocatorMap("A"), "T.root", null)));
    RecordList rec = new RecordList().add(MS, 0, "add", 0, 0).add(MS, 1, "add", 0, 0);
    RunSpec spec = spec("tree-of-another-map", 60 * MS).at(0, load(adder, "adder"))
        .at(5 * MS, new ControlAction.CloseObject("adder", true))
        .at(40 * MS, new ControlAction.Unpin("/sys/fs/bpf/T")).records(rs -> rec.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (String s : List.of(Claims.GLOBAL, Claims.RUNTIME, Claims.PLACEHOLDER)) {
      assertAccepted(results.get(s), "add", "adder");
      assertClean(results.get(s));
      assertEquals(0, last(results.get(s), Metric.LIVE_OBJECTS), s);
    }
    for (String s : List.of(Claims.PER_FIELD, Claims.DISSOLVING, Claims.FIRST)) {
      assertAccepted(results.get(s), "add", "adder");
      assertFound(results.get(s), ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
      assertFound(results.get(s), ViolationKind.USE_AFTER_FREE);
    }
    assertRejected(results.get(Claims.STATIC), "add", "adder", "kptr_allocator");
    assertClean(results.get(Claims.STATIC));
  }

  /**
   * One refcounted object in two maps whose kptr_allocators differ: allocated from A, stored in M1 (A) and, by
   * bpf_refcount_acquire, in pinned M2 (B). Design 3 refuses it (B is M2's allocator); every other design accepts,
   * frees it once, when the last reference goes at 40 ms, and is clean. The designs that bind fields bind both
   * fields to A, the allocator the program named.
   */
  @Test
  void refcountedObjectInTwoMapsWithDifferentAllocators_onlyDesign3Refuses() {
    MapSpec m1 = MapSpec.of("M1", MapType.ARRAY, 4, new KptrField("node", "node_data")).withKptrAllocator("A");
    MapSpec m2 = MapSpec.of("M2", MapType.ARRAY, 4, new KptrField("node", "node_data")).withKptrAllocator("B")
        .pinnedAt("/sys/fs/bpf/M2");
    GraphSpec g = graph(true, Map.of(), Set.of(), Map.of());
    ObjectSpec two = object("two.bpf.o", List.of(MapSpec.allocator("A", 0), MapSpec.allocator("B", 0), m1, m2), g,
        prog("both", newStoreAcquire("node_data", AllocSource.allocatorMap("A"), "M1.node", "M2.node")));
    RecordList rec = new RecordList().add(MS, 0, "both", 0, 0, 0);
    RunSpec spec = spec("two-maps", 60 * MS).at(0, load(two, "two"))
        .at(5 * MS, new ControlAction.CloseObject("two", true))
        .at(40 * MS, new ControlAction.Unpin("/sys/fs/bpf/M2")).records(rs -> rec.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      assertClean(r);
      if (r.strategy().equals(Claims.STATIC)) {
        assertRejected(r, "both", "two", "M2's kptr_allocator is B");
        continue;
      }
      assertAccepted(r, "both", "two");
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 30 * MS), r.strategy() + ": M2 still holds it");
      assertEquals(0, last(r, Metric.LIVE_OBJECTS), r.strategy());
    }
  }

  /**
   * Percpu objects are the kernel's (bpf_global_percpu_ma) in every design: one kept in a pinned map after its
   * program and allocators are gone is safe under all seven, and is freed into the percpu allocator at map free.
   */
  @Test
  void percpuObjectOutlivingItsProgram_safeInEveryDesign() {
    MapSpec arr = MapSpec.of("arr", MapType.ARRAY, 4, new KptrField("pc", "val_t")).pinnedAt("/sys/fs/bpf/arr");
    GraphSpec g = graph(false, Map.of(), Set.of(), Map.of("arr", Map.of("pc", KptrFlavour.PERCPU)));
    ObjectSpec o = object("pc.bpf.o", List.of(MapSpec.allocator("A", 0), arr), g,
        prog("store", percpuStore("val_t", "arr.pc")));
    RecordList rec = new RecordList().add(MS, 0, "store", 0, 0).add(MS, 1, "store", 0, 1);
    RunSpec spec = spec("percpu-pinned", 60 * MS).at(0, load(o, "pc"))
        .at(5 * MS, new ControlAction.CloseObject("pc", true))
        .at(40 * MS, new ControlAction.Unpin("/sys/fs/bpf/arr")).records(rs -> rec.stream()).build();
    for (RunResult r : runAll(spec, ALL).values()) {
      assertAccepted(r, "store", "pc");
      assertEquals(2, valueAt(r, Metric.LIVE_OBJECTS, 30 * MS), r.strategy());
      assertEquals(0, last(r, Metric.LIVE_OBJECTS), r.strategy());
      assertClean(r);
    }
  }
}
