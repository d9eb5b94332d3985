package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.GLOBAL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.assertAccepted;
import static org.allocsim.strategies.claims.Claims.assertClean;
import static org.allocsim.strategies.claims.Claims.assertRejected;
import static org.allocsim.strategies.claims.Claims.closeAndDetach;
import static org.allocsim.strategies.claims.Claims.last;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.map;
import static org.allocsim.strategies.claims.Claims.run;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.Claims.valueAt;
import static org.allocsim.strategies.claims.GraphWorlds.graph;
import static org.allocsim.strategies.claims.GraphWorlds.list;
import static org.allocsim.strategies.claims.GraphWorlds.object;
import static org.allocsim.strategies.claims.RegisterShapeTest.lock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.RegisterShape.Lock;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * linked_list.c and linked_list_fail.c with the list head in an inner map's value (linked_list.h: map_of_maps, an
 * ARRAY_OF_MAPS of one slot whose inner template and inner_map are array_map's type, a bpf_spin_lock and a list of
 * foo). A program reaches the head by bpf_map_lookup_elem(&map_of_maps, &0), then of the inner map: the record key
 * 0 is outer slot 0, inner key 0. A list "in a kptr" is foo's own list (map_of_maps.head.head).
 */
class InnerMapListTest {
  private static final List<String> OPS = List.of("push_front", "push_back", "pop_front", "pop_back");
  private static final String SELFTEST = "linked_list";

  /** array_map, inner_map and map_of_maps' template: the same value, a list of foo under the value's lock. */
  private static GraphSpec lists(String innerMapRoot) {
    Map<String, List<GraphRoot>> roots = new LinkedHashMap<>();
    roots.put("array_map", List.of(list("head", "foo", "node2")));
    roots.put("inner_map", List.of(list(innerMapRoot, "foo", "node2")));
    roots.put("map_of_maps", List.of(list("head", "foo", "node2")));
    return graph(false, roots, Set.of(), Map.of());
  }

  private static List<MapSpec> maps() {
    return List.of(MapSpec.of("array_map", MapType.ARRAY, 1), MapSpec.of("inner_map", MapType.ARRAY, 1),
        MapSpec.outer("map_of_maps", MapType.ARRAY_OF_MAPS, 1, MapSpec.of("map_of_maps.inner", MapType.ARRAY, 1)));
  }

  private static ObjectSpec object(ProgramSpec... programs) {
    return GraphWorlds.object(SELFTEST + ".bpf.o", maps(), lists("head"), programs);
  }

  /** op on the inner map's list of foo ("inner_map") or on the list of bar inside its first foo ("kptr"). */
  private static StepSpec op(String op, String head) {
    return GraphWorlds.listOp(op, head.equals("kptr"), "map_of_maps.head");
  }

  private static ProgramSpec prog(String name, StepSpec... steps) {
    return GraphWorlds.taskProgram(name, steps);
  }

  /**
   * prog_tests/linked_list.c's table for the 16 programs whose head is iv->head: inner_map_missing_lock_* ("at
   * off=0 must be held for bpf_list_head": no lock taken) and {kptr,map,inner_map}_inner_map_incorrect_lock_* (f1's,
   * v's and iv's lock, the last the same inner value looked up a second time: "held lock and object are not in the
   * same allocation"). A program that holds the inner value's own lock is accepted.
   */
  @Test
  void linkedListFail_headInAnInnerMap_missingAndIncorrectLocks_refusedInEveryDesign() {
    List<ProgramSpec> programs = new ArrayList<>();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (String op : OPS) {
      String name = "inner_map_missing_lock_" + op;
      programs.add(prog(name, lock(op(op, "inner_map"), Lock.NONE)));
      expected.put(name, List.of("must be held for bpf_list_head", "bpf_spin_lock at off=", "the inner map's value"));
      for (String held : List.of("kptr", "map", "inner_map")) {
        String wrong = held + "_inner_map_incorrect_lock_" + op;
        programs.add(prog(wrong, lock(op(op, "inner_map"), Lock.OTHER)));
        expected.put(wrong, List.of("held lock and object are not in the same allocation",
            "must be held for bpf_list_head"));
      }
    }
    programs.add(prog("with_lock", op("push_back", "inner_map"), op("pop_front", "inner_map")));
    expected.put("with_lock", List.of());
    assertEquals(17, programs.size());
    ObjectSpec o = GraphWorlds.object("linked_list_fail.bpf.o", maps(), lists("head"),
        programs.toArray(ProgramSpec[]::new));
    RegisterShapeTest.check(spec("linked_list_fail", 5 * MS), o, expected);
  }

  private static long runSteps(RecordList rec, long start, String program, int... steps) {
    long t = start;
    for (int s : steps) {
      rec.add(t, 0, program, s, 0); // key 0: outer slot 0, inner key 0
      t += MS / 1000;
    }
    return t;
  }

  private static int[] repeat(int times, int... steps) {
    int[] out = new int[times * steps.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = steps[i % steps.length];
    }
    return out;
  }

  /** The object loaded, inner_map put into map_of_maps[0] as linked_list.h's .values = { [0] = &inner_map }. */
  private static RunSpec.Builder loaded(ObjectSpec o, RecordList rec, long durationNs) {
    return spec(SELFTEST, durationNs).at(0, load(o, "ll"))
        .at(0, new ControlAction.InsertInner(map("ll", "map_of_maps"), 0, map("ll", "inner_map")))
        .records(rs -> rec.stream());
  }

  /** Live objects after the emptying run (1 ms), after the run that leaves nodes (3 ms), after the close. */
  private static void assertLifetime(ObjectSpec o, RecordList rec, long left) {
    RunResult r = run(GLOBAL, loaded(o, rec, 30 * MS).at(10 * MS, closeAndDetach("ll")).build());
    assertAccepted(r, "inner-map insert inner_map into map_of_maps[0]", "ll");
    assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 2 * MS), "after the run that empties the inner map's list");
    assertEquals(left, valueAt(r, Metric.LIVE_OBJECTS, 5 * MS), "after the run that leaves nodes in it");
    assertEquals(0, last(r, Metric.LIVE_OBJECTS), "after the inner map's free drains its list");
    assertClean(r);
  }

  /** linked_list.c inner_map_list_push_pop: list_push_pop on iv->head, emptied, then one foo left in. */
  @Test
  void linkedList_innerMapListPushPop() {
    ObjectSpec o = object(prog("inner_map_list_push_pop", op("push_front", "inner_map"), op("pop_front",
        "inner_map")));
    RecordList rec = new RecordList();
    runSteps(rec, MS, "inner_map_list_push_pop", 1, 1, 0, 1, 0, 1, 1, 1);
    runSteps(rec, 3 * MS, "inner_map_list_push_pop", 1, 1, 0);
    assertLifetime(o, rec, 1);
  }

  /** linked_list.c inner_map_list_push_pop_multiple: 8 pushes, 8 pops pushed back, 8 pops; then 8 left in. */
  @Test
  void linkedList_innerMapListPushPopMultiple() {
    ObjectSpec o = object(prog("inner_map_list_push_pop_multiple", op("push_front", "inner_map"),
        op("pop_front", "inner_map"), op("push_back", "inner_map")));
    RecordList rec = new RecordList();
    String p = "inner_map_list_push_pop_multiple";
    long t = runSteps(rec, MS, p, repeat(8, 0));
    t = runSteps(rec, t, p, repeat(8, 1, 2));
    runSteps(rec, t, p, repeat(9, 1));
    t = runSteps(rec, 3 * MS, p, repeat(8, 0));
    runSteps(rec, t, p, repeat(8, 1, 2));
    assertLifetime(o, rec, 8);
  }

  /** linked_list.c inner_map_list_in_list: a foo holding 8 bars in the inner map's list; drained whole. */
  @Test
  void linkedList_innerMapListInList() {
    assertLifetime(listInList(), listInListRecords(), 9);
  }

  private static ObjectSpec listInList() {
    return object(listInListProgram());
  }

  private static ProgramSpec listInListProgram() {
    return prog("inner_map_list_in_list", op("push_front", "inner_map"), op("push_back", "kptr"),
        op("pop_front", "kptr"), op("pop_front", "inner_map"));
  }

  /** list_in_list(false) at 1 ms, then list_in_list(true) at 3 ms: one foo with its 8 bars stays in. */
  private static RecordList listInListRecords() {
    RecordList rec = new RecordList();
    String p = "inner_map_list_in_list";
    long t = runSteps(rec, MS, p, 0);
    t = runSteps(rec, t, p, repeat(8, 1));
    t = runSteps(rec, t, p, repeat(9, 2));
    runSteps(rec, t, p, 3);
    t = runSteps(rec, 3 * MS, p, 0);
    runSteps(rec, t, p, repeat(8, 1));
    return rec;
  }

  /**
   * The inner map outlives the object's fds while a pinned outer map holds it; a user-space delete of the slot then
   * drops its last reference, and bpf_map_fd_put_ptr(need_defer) frees it only after an RCU grace period
   * (rcu.grace_period_ns, 10 ms): its list, nested lists included, is drained then, not at the delete. With
   * kernel.inner_map_free=direct (v6.4) it is drained at the delete.
   */
  @Test
  void aDeletedInnerMap_isDrainedAfterTheGracePeriod_recursively() {
    ObjectSpec o = GraphWorlds.object(SELFTEST + ".bpf.o", List.of(MapSpec.of("inner_map", MapType.ARRAY, 1),
        MapSpec.outer("map_of_maps", MapType.ARRAY_OF_MAPS, 1, MapSpec.of("map_of_maps.inner", MapType.ARRAY, 1))
            .pinnedAt("/sys/fs/bpf/map_of_maps")),
        lists("head"), listInListProgram());
    for (String mode : List.of("deferred", "direct")) {
      RunSpec s = loaded(o, listInListRecords(), 40 * MS).set("kernel.inner_map_free", mode)
          .at(6 * MS, closeAndDetach("ll"))
          .at(8 * MS, new ControlAction.DeleteInner(MapRef.pinned("/sys/fs/bpf/map_of_maps"), 0))
          .at(30 * MS, new ControlAction.Unpin("/sys/fs/bpf/map_of_maps")).build();
      RunResult r = run(GLOBAL, s);
      assertEquals(9, valueAt(r, Metric.LIVE_OBJECTS, 7 * MS), mode + ": held by the pinned outer map's inner map");
      assertEquals(mode.equals("deferred") ? 9 : 0, valueAt(r, Metric.LIVE_OBJECTS, 9 * MS),
          mode + ": one millisecond after the delete");
      assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 20 * MS), mode + ": after the grace period");
      assertClean(r);
    }
  }

  /**
   * af66bfd3c853: when a sleepable program uses the outer map (sleepable_refcnt, held until the program is freed),
   * the deleted inner map waits an RCU tasks trace grace period (rcu.tasks_trace_grace_period_ns, 25 ms) instead.
   */
  @Test
  void anInnerMapDeletedWhileASleepableProgramUsesTheOuterMap_waitsForTasksTrace() {
    ProgramSpec p = listInListProgram();
    ObjectSpec o = GraphWorlds.object(SELFTEST + ".bpf.o", List.of(MapSpec.of("inner_map", MapType.ARRAY, 1),
        MapSpec.outer("map_of_maps", MapType.ARRAY_OF_MAPS, 1, MapSpec.of("map_of_maps.inner", MapType.ARRAY, 1))),
        lists("head"), new ProgramSpec(p.name(), ExecContext.TASK, true, p.steps()));
    RunSpec s = loaded(o, listInListRecords(), 60 * MS)
        .at(6 * MS, new ControlAction.DeleteInner(map("ll", "map_of_maps"), 0))
        .at(7 * MS, new ControlAction.CloseObject("ll", false)).build();
    RunResult r = run(GLOBAL, s);
    assertEquals(9, valueAt(r, Metric.LIVE_OBJECTS, 20 * MS), "an RCU grace period after the close: still waiting");
    assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 33 * MS), "after the tasks trace grace period");
    assertClean(r);
  }

  /**
   * bpf_map_meta_equal compares btf_records: an inner map whose roots differ from the template's, or whose roots
   * come from another load's BTF, is refused (-EINVAL); the object's own inner_map goes in.
   */
  @Test
  void anInnerMapWithOtherRoots_orAnotherLoadsBtf_isRefused() {
    ObjectSpec other = GraphWorlds.object("other.bpf.o", maps(), lists("head2"));
    RunSpec s = spec(SELFTEST, 5 * MS).at(0, load(object(), "ll")).at(0, load(other, "other"))
        .at(0, load(GraphWorlds.object("again.bpf.o", maps(), lists("head")), "again"))
        .at(MS, new ControlAction.InsertInner(map("ll", "map_of_maps"), 0, map("other", "inner_map")))
        .at(MS, new ControlAction.InsertInner(map("ll", "map_of_maps"), 0, map("again", "inner_map")))
        .at(MS, new ControlAction.InsertInner(map("ll", "map_of_maps"), 0, map("ll", "inner_map"))).build();
    RunResult r = run(GLOBAL, s);
    List<LoadRecord> inserts = r.verdicts().stream()
        .filter(v -> v.subject().equals("inner-map insert inner_map into map_of_maps[0]")).toList();
    assertEquals(3, inserts.size(), r.verdicts().toString());
    assertRejected(r, inserts.get(0), "inner map does not match template");
    assertRejected(r, inserts.get(1), "bpf_map_meta_equal", "graph roots", "-EINVAL");
    assertTrue(inserts.get(2).accepted(), inserts.get(2).reason());
  }
}
