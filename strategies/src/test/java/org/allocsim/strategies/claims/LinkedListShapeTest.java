package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.GLOBAL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.assertClean;
import static org.allocsim.strategies.claims.Claims.closeAndDetach;
import static org.allocsim.strategies.claims.Claims.last;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.run;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.Claims.valueAt;
import static org.allocsim.strategies.claims.GraphWorlds.graph;
import static org.allocsim.strategies.claims.GraphWorlds.list;
import static org.allocsim.strategies.claims.GraphWorlds.object;
import static org.allocsim.strategies.claims.RegisterShapeTest.lock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.metrics.Metric;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.RegisterShape.Lock;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * linked_list.c and linked_list_fail.c (linked_list.h: struct foo with a list node node2 and a list of bar under
 * its own lock; array_map's value holds a list of foo under its lock). A list "in a kptr" is foo's own list, which
 * the model reaches as array_map.head.head: a foo taken out of the map's list, worked on under its own lock.
 */
class LinkedListShapeTest {
  private static final List<String> OPS = List.of("push_front", "push_back", "pop_front", "pop_back");

  private static GraphSpec lists() {
    return graph(false, Map.of("array_map", List.of(list("head", "foo", "node2"))), Set.of(), Map.of());
  }

  private static MapSpec arrayMap() {
    return MapSpec.of("array_map", MapType.ARRAY, 1);
  }

  /** The step of op on the list at head ("kptr": foo's list of bar; "map": array_map's list of foo). */
  private static StepSpec op(String op, String head) {
    return GraphWorlds.listOp(op, head.equals("kptr"), "array_map.head");
  }

  private static ProgramSpec prog(String name, StepSpec... steps) {
    return GraphWorlds.taskProgram(name, steps);
  }

  /**
   * prog_tests/linked_list.c's table: *_missing_lock_* ("bpf_spin_lock at off=%d must be held for bpf_list_head")
   * and *_incorrect_lock_* ("held lock and object are not in the same allocation"), for heads in a kptr and in a map
   * value. A lock of another allocation is lock: other wherever it lives (a foo, a map value, an inner map value).
   * Heads in an inner map's value are InnerMapListTest's.
   */
  @Test
  void linkedListFail_missingAndIncorrectLocks_refusedInEveryDesign() {
    List<ProgramSpec> programs = new ArrayList<>();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (String op : OPS) {
      for (String head : List.of("kptr", "map")) {
        String name = head + "_missing_lock_" + op;
        programs.add(prog(name, lock(op(op, head), Lock.NONE)));
        expected.put(name, List.of("must be held for bpf_list_head", "bpf_spin_lock at off="));
        for (String held : List.of("kptr", "map", "inner_map")) {
          String wrong = held + "_" + head + "_incorrect_lock_" + op;
          programs.add(prog(wrong, lock(op(op, head), Lock.OTHER)));
          expected.put(wrong, List.of("held lock and object are not in the same allocation",
              "must be held for bpf_list_head"));
        }
      }
    }
    programs.add(prog("with_lock", op("push_back", "map"), op("push_back", "kptr"), op("pop_front", "kptr")));
    expected.put("with_lock", List.of());
    assertEquals(33, programs.size());
    ObjectSpec o = object("linked_list_fail.bpf.o", List.of(arrayMap()), lists(),
        programs.toArray(ProgramSpec[]::new));
    RegisterShapeTest.check(spec("linked_list_fail", 5 * MS), o, expected);
  }

  /** Runs program with step indices at 1 us apart from start; returns the time after the last. */
  private static long runSteps(RecordList rec, long start, String program, int... steps) {
    long t = start;
    for (int s : steps) {
      rec.add(t, 0, program, s, 0);
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

  /** Live objects after a first run (leave_in_map false), after a second (true), and after the map free. */
  private static void assertLifetime(ObjectSpec o, RecordList rec, long left) {
    RunSpec spec = spec("linked_list", 30 * MS).at(0, load(o, "ll")).at(10 * MS, closeAndDetach("ll"))
        .records(rs -> rec.stream()).build();
    RunResult r = run(GLOBAL, spec);
    assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 2 * MS), "after the run that empties the list");
    assertEquals(left, valueAt(r, Metric.LIVE_OBJECTS, 5 * MS), "after the run that leaves nodes in the map");
    assertEquals(0, last(r, Metric.LIVE_OBJECTS), "after the map free drains the list");
    assertClean(r);
  }

  /** linked_list.c map_list_push_pop: pops of an empty list, a push and pop twice, then a push left in the map. */
  @Test
  void linkedList_mapListPushPop() {
    ObjectSpec o = object("linked_list.bpf.o", List.of(arrayMap()), lists(),
        prog("map_list_push_pop", op("push_front", "map"), op("pop_front", "map")));
    RecordList rec = new RecordList();
    runSteps(rec, MS, "map_list_push_pop", 1, 1, 0, 1, 0, 1, 1, 1);
    runSteps(rec, 3 * MS, "map_list_push_pop", 1, 1, 0);
    assertLifetime(o, rec, 1);
  }

  /** linked_list.c map_list_push_pop_multiple: 8 pushes, 8 pops each pushed back, 8 pops; then left in. */
  @Test
  void linkedList_mapListPushPopMultiple() {
    ObjectSpec o = object("linked_list.bpf.o", List.of(arrayMap()), lists(),
        prog("map_list_push_pop_multiple", op("push_front", "map"), op("pop_front", "map"), op("push_back", "map")));
    RecordList rec = new RecordList();
    // a pop then push back of the same node is a remove and a new add in the model: the count is the same
    long t = runSteps(rec, MS, "map_list_push_pop_multiple", repeat(8, 0));
    t = runSteps(rec, t, "map_list_push_pop_multiple", repeat(8, 1, 2));
    runSteps(rec, t, "map_list_push_pop_multiple", repeat(9, 1));
    t = runSteps(rec, 3 * MS, "map_list_push_pop_multiple", repeat(8, 0));
    runSteps(rec, t, "map_list_push_pop_multiple", repeat(8, 1, 2));
    assertLifetime(o, rec, 8);
  }

  /** linked_list.c map_list_in_list: a foo holding 8 bars in its own list, in the map's list; dropped whole. */
  @Test
  void linkedList_mapListInList() {
    ObjectSpec o = object("linked_list.bpf.o", List.of(arrayMap()), lists(),
        prog("map_list_in_list", op("push_front", "map"), op("push_back", "kptr"), op("pop_front", "kptr"),
            op("pop_front", "map")));
    RecordList rec = new RecordList();
    long t = runSteps(rec, MS, "map_list_in_list", 0);
    t = runSteps(rec, t, "map_list_in_list", repeat(8, 1));
    t = runSteps(rec, t, "map_list_in_list", repeat(9, 2));
    runSteps(rec, t, "map_list_in_list", 3);
    t = runSteps(rec, 3 * MS, "map_list_in_list", 0);
    runSteps(rec, t, "map_list_in_list", repeat(8, 1));
    assertLifetime(o, rec, 9);
  }
}
