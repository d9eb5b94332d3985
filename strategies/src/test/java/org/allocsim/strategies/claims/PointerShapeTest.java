package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.ALL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.GraphWorlds.graph;
import static org.allocsim.strategies.claims.GraphWorlds.list;
import static org.allocsim.strategies.claims.GraphWorlds.newAdd;
import static org.allocsim.strategies.claims.GraphWorlds.object;
import static org.allocsim.strategies.claims.RegisterShapeTest.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.allocsim.kernel.RunSpec;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.KptrField;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.RegisterShape;
import org.allocsim.world.RegisterShape.Offset;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * The verifier's pointer-level refusals (issue 14): a pointer at an offset given to a release kfunc or as a graph
 * root, an object read before its NULL check or after its release, a kptr field read or written without
 * bpf_kptr_xchg. Written as the selftests' programs and refused by every design with the words Linux 6.18 prints
 * (kernel.PointerVerifier); each program's plain form is accepted. static-per-map refuses the plain forms' bpf_obj_new
 * for its own rule (no kptr_allocator in reach), after the verifier's refusals, so it is asked only about those.
 */
class PointerShapeTest {
  private static final List<String> NOT_STATIC = ALL.stream().filter(d -> !d.equals(Claims.STATIC)).toList();
  private static final String ZERO_OFFSET = "R1 must have zero offset when passed to release func";

  private static ProgramSpec prog(String name, StepSpec... ops) {
    return ProgramSpec.of(name, ExecContext.TASK, ops);
  }

  private static StepSpec pointer(StepSpec s, Offset offset, boolean readAfter, boolean load, boolean store) {
    return s.withShape(s.shape().withPointer(offset, readAfter, load, store));
  }

  private static StepSpec foo() {
    return StepSpec.allocDrop("foo", AllocSource.DEFAULT);
  }

  /** Refused programs under every design, accepted ones under all but static-per-map. */
  private static void judge(Supplier<RunSpec.Builder> b, ObjectSpec o, Map<String, List<String>> refused,
      String... accepted) {
    check(b.get(), o, refused);
    Map<String, List<String>> plain = new HashMap<>();
    for (String p : accepted) {
      plain.put(p, List.of());
    }
    check(b.get(), o, plain, NOT_STATIC);
  }

  /**
   * linked_list_fail.c obj_drop_non_zero_off ({@code bpf_obj_drop(f+1)}), use_after_drop, new_null_ret
   * ({@code bpf_obj_new(struct foo)->data}) and incorrect_head_off1 ({@code bpf_list_push_front(&f->head + 1,
   * &b->node)} under f's lock: foo's own list of bar, reached as array_map.head.head).
   */
  @Test
  void linkedListFail_offsetsNullAndUseAfterDrop() {
    GraphSpec g = graph(false, Map.of("array_map", List.of(list("head", "foo", "node2"))), Set.of(), Map.of());
    ObjectSpec o = object("linked_list_fail.bpf.o", List.of(MapSpec.of("array_map", MapType.ARRAY, 1)), g,
        prog("obj_drop_non_zero_off", pointer(foo(), Offset.DROP, false, false, false)),
        prog("use_after_drop", pointer(foo(), null, true, false, false)),
        prog("new_null_ret", foo().withShape(new RegisterShape(RegisterShape.Lock.HELD, null, false, false, null,
            null))),
        prog("incorrect_head_off1", pointer(newAdd("bar", "array_map.head.head"), Offset.ROOT, false, false, false)),
        prog("plain", foo(), newAdd("bar", "array_map.head.head")));
    judge(() -> spec("linked_list_fail", 5 * MS), o, Map.of(
        "obj_drop_non_zero_off", List.of(ZERO_OFFSET, "or trusted arg to kfunc", "bpf_obj_new returned"),
        "use_after_drop", List.of("invalid mem access 'scalar'", "read after its release"),
        "new_null_ret", List.of("invalid mem access 'ptr_or_null_'", "before its NULL check"),
        "incorrect_head_off1", List.of("bpf_list_head not found at offset", "offset=%d")), "plain");
  }

  /** local_kptr_stash_fail.c drop_rb_node_off: {@code bpf_obj_drop(&res->node)}, the node field's address. */
  @Test
  void localKptrStashFail_dropAtTheNodesOffset() {
    MapSpec someNodes = MapSpec.of("some_nodes", MapType.ARRAY, 2, new KptrField("node", "node_data"));
    ObjectSpec o = object("local_kptr_stash_fail.bpf.o", List.of(someNodes), graph(false, Map.of(), Set.of(),
        Map.of()),
        prog("drop_rb_node_off", pointer(StepSpec.allocDrop("node_data", AllocSource.DEFAULT),
            Offset.DROP, false, false, false)),
        prog("plain", StepSpec.allocDrop("node_data", AllocSource.DEFAULT)));
    judge(() -> spec("local_kptr_stash_fail", 5 * MS), o, Map.of("drop_rb_node_off", List.of(ZERO_OFFSET)), "plain");
  }

  /**
   * map_kptr_fail.c reject_untrusted_store_to_ref ({@code v->ref_ptr = v->ref_ptr}, a plain store) and
   * reject_untrusted_xchg ({@code bpf_kptr_xchg(&v->ref_ptr, v->ref_ptr)}: what a plain load of a referenced kptr
   * returns is untrusted, not owned); a local struct with a graph node plain-loaded is an RCU pointer, one without
   * meets a verifier bug (Linux 6.18's words, checked on the live kernel).
   */
  @Test
  void mapKptrFail_plainLoadsAndStoresOfReferencedKptrs() {
    MapSpec array = MapSpec.of("array_map", MapType.ARRAY, 1, new KptrField("unref_ptr", "prog_test_ref_kfunc"),
        new KptrField("ref_ptr", "prog_test_ref_kfunc"), new KptrField("node", "node_data"),
        new KptrField("plain", "plain"));
    GraphSpec g = graph(true, Map.of(), Set.of(), Map.of("array_map", Map.of("unref_ptr", KptrFlavour.UNTRUSTED)));
    StepSpec move = StepSpec.move("array_map", "ref_ptr", "array_map", "ref_ptr");
    StepSpec moveLocal = StepSpec.move("array_map", "node", "array_map", "node");
    StepSpec movePlain = StepSpec.move("array_map", "plain", "array_map", "plain");
    ObjectSpec o = object("map_kptr_fail.bpf.o", List.of(array), g,
        prog("reject_untrusted_store_to_ref", pointer(move, null, false, true, true)),
        prog("reject_untrusted_xchg", pointer(move, null, false, true, false)),
        prog("plain_store_after_xchg", pointer(move, null, false, false, true)),
        prog("local_rcu_xchg", pointer(moveLocal, null, false, true, false)),
        prog("local_without_node_xchg", pointer(movePlain, null, false, true, false)),
        prog("plain", move, moveLocal, movePlain));
    RunSpec.Builder b = spec("map_kptr_fail", 5 * MS).kernelType("prog_test_ref_kfunc", 32);
    check(b, o, Map.of(
        "reject_untrusted_store_to_ref", List.of("store to referenced kptr disallowed"),
        "reject_untrusted_xchg", List.of("R2 type=untrusted_ptr_ expected=ptr_", "plain load of array_map"),
        "plain_store_after_xchg", List.of("store to referenced kptr disallowed"),
        "local_rcu_xchg", List.of("R2 type=rcu_ptr_ expected=ptr_"),
        "local_without_node_xchg", List.of("verifier bug: invalid PTR_TO_BTF_ID register for type match"),
        "plain", List.of()));
  }
}
