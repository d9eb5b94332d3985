package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.ALL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.assertAccepted;
import static org.allocsim.strategies.claims.Claims.assertClean;
import static org.allocsim.strategies.claims.Claims.assertRejected;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.runAll;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.GraphWorlds.graph;
import static org.allocsim.strategies.claims.GraphWorlds.newAdd;
import static org.allocsim.strategies.claims.GraphWorlds.newStoreAcquire;
import static org.allocsim.strategies.claims.GraphWorlds.object;
import static org.allocsim.strategies.claims.GraphWorlds.removeDrop;
import static org.allocsim.strategies.claims.GraphWorlds.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
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
import org.allocsim.world.RegisterShape.LessCall;
import org.allocsim.world.RegisterShape.Lock;
import org.allocsim.world.RegisterShape.NodeRef;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * The verifier's register-level refusals (issue 14: a lock not held, a reference leaked, a NULL unchecked, a
 * non-owning reference used as owning or after unlock, graph kfuncs in the less callback), written as the kernel
 * selftests' programs and refused by every design with the words of their {@code __msg} annotations: the rule is the
 * verifier's, not the allocator's (kernel.RegisterVerifier).
 */
class RegisterShapeTest {
  private static final RegisterShape PLAIN = RegisterShape.PLAIN;

  static StepSpec shaped(StepSpec s, Lock lock, NodeRef node, boolean leak, boolean nullChecked, LessCall less) {
    return s.withShape(new RegisterShape(lock, node, leak, nullChecked, less, null));
  }

  static StepSpec lock(StepSpec s, Lock lock) {
    return shaped(s, lock, null, false, true, null);
  }

  static StepSpec node(StepSpec s, NodeRef node) {
    return shaped(s, Lock.HELD, node, false, true, null);
  }

  static StepSpec leak(StepSpec s) {
    return shaped(s, Lock.HELD, null, true, true, null);
  }

  private static ProgramSpec prog(String name, StepSpec... ops) {
    return ProgramSpec.of(name, ExecContext.TASK, ops);
  }

  /** Loads o under every design; each named program is refused with words (none: accepted). */
  static void check(RunSpec.Builder b, ObjectSpec o, Map<String, List<String>> expected) {
    check(b, o, expected, ALL);
  }

  static void check(RunSpec.Builder b, ObjectSpec o, Map<String, List<String>> expected, List<String> designs) {
    RunSpec spec = b.at(0, load(o, "v")).build();
    for (RunResult r : runAll(spec, designs).values()) {
      expected.forEach((program, words) -> {
        if (words.isEmpty()) {
          assertAccepted(r, program, "v");
        } else {
          assertRejected(r, program, "v", words.toArray(String[]::new));
        }
      });
    }
  }

  /** rbtree_fail.c: glock, groot and groot2 __contains(node_data, node) in one global data section. */
  private static ObjectSpec rbtreeFail(ProgramSpec... programs) {
    GraphSpec g = graph(false, Map.of("glob", List.of(tree("groot", "node_data", "r"),
        tree("groot2", "node_data", "r"))), Set.of(), Map.of());
    return object("rbtree_fail.bpf.o", List.of(MapSpec.of("glob", MapType.ARRAY, 1)), g, programs);
  }

  @Test
  void rbtreeFail_locksLeaksNodeReferencesAndCallbacks() {
    String held = "must be held for bpf_rb_root";
    String notAllocated = "arg#1 expected pointer to allocated object";
    String nonOwning = "bpf_rbtree_remove can only take non-owning or refcounted bpf_rb_node pointer";
    ObjectSpec o = rbtreeFail(
        prog("rbtree_api_nolock_add", lock(newAdd("node_data", "glob.groot"), Lock.NONE)),
        prog("rbtree_api_nolock_remove", newAdd("node_data", "glob.groot"),
            shaped(removeDrop("glob.groot"), Lock.NONE, NodeRef.RELEASED, false, true, null)),
        prog("rbtree_api_nolock_first", lock(removeDrop("glob.groot"), Lock.NONE)),
        prog("rbtree_api_remove_no_drop", leak(removeDrop("glob.groot"))),
        prog("rbtree_api_add_to_multiple_trees", newAdd("node_data", "glob.groot"),
            node(newAdd("node_data", "glob.groot2"), NodeRef.NON_OWNING)),
        prog("rbtree_api_add_release_unlock_escape", newAdd("node_data", "glob.groot"),
            node(removeDrop("glob.groot"), NodeRef.RELEASED)),
        prog("rbtree_api_first_release_unlock_escape", node(removeDrop("glob.groot"), NodeRef.RELEASED)),
        prog("rbtree_api_add_bad_cb_bad_fn_call_add",
            shaped(newAdd("node_data", "glob.groot"), Lock.HELD, null, false, true, LessCall.BPF_RBTREE_ADD)),
        prog("rbtree_api_add_bad_cb_bad_fn_call_remove",
            shaped(newAdd("node_data", "glob.groot"), Lock.HELD, null, false, true, LessCall.BPF_RBTREE_REMOVE)),
        prog("rbtree_api_add_bad_cb_bad_fn_call_first_unlock_after",
            shaped(newAdd("node_data", "glob.groot"), Lock.HELD, null, false, true, LessCall.BPF_SPIN_UNLOCK)),
        // the plain shapes of the same steps: accepted (rbtree.c rbtree_add_and_remove)
        prog("plain", newAdd("node_data", "glob.groot"), removeDrop("glob.groot").withShape(PLAIN)));
    check(spec("rbtree_fail", 5 * MS), o, Map.ofEntries(
        Map.entry("rbtree_api_nolock_add", List.of(held, "bpf_spin_lock at off=")),
        Map.entry("rbtree_api_nolock_remove", List.of(held)),
        Map.entry("rbtree_api_nolock_first", List.of(held)),
        Map.entry("rbtree_api_remove_no_drop", List.of("Unreleased reference", "id=", "alloc_insn=")),
        Map.entry("rbtree_api_add_to_multiple_trees", List.of(notAllocated)),
        Map.entry("rbtree_api_add_release_unlock_escape", List.of(nonOwning)),
        Map.entry("rbtree_api_first_release_unlock_escape", List.of(nonOwning)),
        Map.entry("rbtree_api_add_bad_cb_bad_fn_call_add", List.of(notAllocated)),
        Map.entry("rbtree_api_add_bad_cb_bad_fn_call_remove", List.of("rbtree_remove not allowed in rbtree cb")),
        Map.entry("rbtree_api_add_bad_cb_bad_fn_call_first_unlock_after",
            List.of("can't spin_{lock,unlock} in rbtree cb")),
        Map.entry("plain", List.of())));
  }

  /** refcounted_kptr_fail.c: node_acquire (refcounted) in groot; a stash for the acquired reference. */
  @Test
  void refcountedKptrFail_escapingAndUncheckedReferences() {
    GraphSpec g = graph(true, Map.of("glob", List.of(tree("groot", "node_data", "r"))), Set.of(), Map.of());
    MapSpec stash = MapSpec.of("stash", MapType.ARRAY, 1, new KptrField("node", "node_data"));
    ObjectSpec o = object("refcounted_kptr_fail.bpf.o", List.of(MapSpec.of("glob", MapType.ARRAY, 1), stash), g,
        // m = bpf_refcount_acquire(n) around the add, never dropped nor stored
        prog("rbtree_refcounted_node_ref_escapes", leak(newAdd("node_data", "glob.groot"))),
        prog("rbtree_refcounted_node_ref_escapes_owning_input", leak(newAdd("node_data", "glob.groot"))),
        prog("refcount_acquire_maybe_null", shaped(newStoreAcquire("node_data", AllocSource.DEFAULT, "stash.node",
            "stash.node"), Lock.HELD, null, false, false, null)),
        prog("added", newAdd("node_data", "glob.groot")));
    check(spec("refcounted_kptr_fail", 5 * MS), o, Map.of(
        "rbtree_refcounted_node_ref_escapes", List.of("Unreleased reference", "bpf_refcount_acquire"),
        "rbtree_refcounted_node_ref_escapes_owning_input", List.of("Unreleased reference"),
        "refcount_acquire_maybe_null", List.of("Possibly NULL pointer passed to trusted arg0"),
        "added", List.of()));
  }

  /** refcounted_kptr_fail.c rbtree_fail_sleepable_lock_across_rcu: bpf_spin_lock and unlock in two RCU sections. */
  @Test
  void refcountedKptrFail_lockAcrossRcuSections() {
    GraphSpec g = graph(true, Map.of("glob", List.of(tree("groot", "node_data", "r"))), Set.of(), Map.of());
    ObjectSpec o = object("refcounted_kptr_fail.bpf.o", List.of(MapSpec.of("glob", MapType.ARRAY, 1)), g,
        new ProgramSpec("rbtree_fail_sleepable_lock_across_rcu", ExecContext.TASK, true,
            List.of(lock(newAdd("node_data", "glob.groot"), Lock.ACROSS_RCU))));
    check(spec("lock_across_rcu", 5 * MS), o, Map.of("rbtree_fail_sleepable_lock_across_rcu",
        List.of("function calls are not allowed while holding a lock", "bpf_rcu_read_unlock")));
  }

  @Test
  void aLeakedReferenceOfATypeWithoutBpfRefcount_isRefusedForTheTypeFirst() {
    ObjectSpec o = rbtreeFail(prog("p", leak(newAdd("node_data", "glob.groot"))));
    check(spec("refcount_type", 5 * MS), o, Map.of("p", List.of("doesn't point to a type with bpf_refcount field")));
  }

  /**
   * linked_list_fail.c obj_new_acq; the leaked xchg result and new objects of the other kinds. static-per-map is
   * left out: it refuses every bpf_obj_new with no kptr_allocator in reach before the leak is met (its own rule).
   */
  @Test
  void leakedNewObjectsAndXchgResults_refused() {
    MapSpec arr = MapSpec.of("arr", MapType.ARRAY, 4, new KptrField("node", "foo"));
    ObjectSpec o = object("leaks.bpf.o", List.of(arr), GraphSpec.NONE,
        prog("obj_new_acq", leak(StepSpec.allocDrop("foo", AllocSource.DEFAULT))),
        prog("xchg_old_kept", leak(StepSpec.allocStore("foo", AllocSource.DEFAULT, "arr", "node"))),
        prog("xchg_taken_kept", leak(StepSpec.takeDrop("arr", "node"))),
        prog("percpu_kept", leak(GraphWorlds.percpuDrop("plain"))),
        prog("released", StepSpec.allocDrop("foo", AllocSource.DEFAULT), StepSpec.takeDrop("arr", "node")));
    check(spec("leaks", 5 * MS), o, Map.of(
        "obj_new_acq", List.of("Unreleased reference", "bpf_obj_new returned"),
        "xchg_old_kept", List.of("Unreleased reference", "old value bpf_kptr_xchg returned from arr.node"),
        "xchg_taken_kept", List.of("Unreleased reference", "bpf_kptr_xchg took out of arr.node"),
        "percpu_kept", List.of("Unreleased reference", "bpf_percpu_obj_new returned"),
        "released", List.of()), ALL.stream().filter(d -> !d.equals(Claims.STATIC)).toList());
  }

  /** A type error at a step is met before a leak at exit, as the verifier walks the program before BPF_EXIT. */
  @Test
  void aTypeErrorOfALaterStep_comesBeforeALeak() {
    MapSpec arr = MapSpec.of("arr", MapType.ARRAY, 4, new KptrField("node", "foo"));
    ObjectSpec o = object("order.bpf.o", List.of(arr), GraphSpec.NONE,
        prog("p", leak(StepSpec.allocDrop("foo", AllocSource.DEFAULT)),
            StepSpec.allocStore("bar", AllocSource.DEFAULT, "arr", "node")));
    check(spec("order", 5 * MS), o, Map.of("p", List.of("invalid kptr access")));
  }

  /**
   * percpu_alloc_fail.c test_array_map_4 and _5 (the other drop kfunc) and reject_kernel_ptr_into_percpu_kptr (an
   * acquired task into a __percpu_kptr field of task_struct): percpu vs plain, kernel vs local.
   */
  @Test
  void percpuAllocFail_wrongDropAndKernelObjectIntoAPercpuField() {
    MapSpec kernelPercpu = MapSpec.of("kernel_percpu_array", MapType.ARRAY, 1, new KptrField("task", "task_struct"));
    GraphSpec g = graph(false, Map.of(), Set.of(),
        Map.of("kernel_percpu_array", Map.of("task", KptrFlavour.PERCPU)));
    ObjectSpec o = object("percpu_alloc_fail.bpf.o", List.of(kernelPercpu), g,
        prog("test_array_map_4", drop(GraphWorlds.percpuDrop("val_t"), RegisterShape.DropKfunc.BPF_OBJ_DROP)),
        prog("test_array_map_5", drop(StepSpec.allocDrop("val_t", AllocSource.DEFAULT),
            RegisterShape.DropKfunc.BPF_PERCPU_OBJ_DROP)),
        prog("reject_kernel_ptr_into_percpu_kptr", StepSpec.acquireStore("task_struct", "kernel_percpu_array",
            "task")),
        prog("right_drops", drop(GraphWorlds.percpuDrop("val_t"), RegisterShape.DropKfunc.BPF_PERCPU_OBJ_DROP),
            drop(StepSpec.allocDrop("val_t", AllocSource.DEFAULT), RegisterShape.DropKfunc.BPF_OBJ_DROP)));
    Map<String, List<String>> expected = Map.of(
        "test_array_map_4", List.of("expected for bpf_percpu_obj_drop()"),
        "test_array_map_5", List.of("expected for bpf_obj_drop()"),
        "reject_kernel_ptr_into_percpu_kptr",
        List.of("invalid kptr access, R2 type=trusted_ptr_ expected=ptr_task_struct"),
        "right_drops", List.of());
    // static-per-map refuses a bpf_obj_new with no kptr_allocator in reach before the drop kfunc is met
    check(spec("percpu_alloc_fail", 5 * MS).kernelType("task_struct", 9216), o, expected,
        ALL.stream().filter(d -> !d.equals(Claims.STATIC)).toList());
  }

  private static StepSpec drop(StepSpec s, RegisterShape.DropKfunc kfunc) {
    return s.withShape(new RegisterShape(Lock.HELD, null, false, true, null, kfunc));
  }

  /** map_kptr_fail.c and map_kptr.c on bpf_testmod's prog_test_ref_kfunc, a kernel object. */
  @Test
  void mapKptrFail_kernelKptrs() {
    MapSpec array = MapSpec.of("array_map", MapType.ARRAY, 1, new KptrField("unref_ptr", "prog_test_ref_kfunc"),
        new KptrField("ref_ptr", "prog_test_ref_kfunc"), new KptrField("ref_memb_ptr", "prog_test_member"));
    GraphSpec g = graph(false, Map.of(), Set.of(),
        Map.of("array_map", Map.of("unref_ptr", KptrFlavour.UNTRUSTED)));
    ObjectSpec o = object("map_kptr_fail.bpf.o", List.of(array), g,
        prog("reject_kptr_xchg_on_unref", StepSpec.takeDrop("array_map", "unref_ptr")),
        prog("reject_bad_type_xchg", StepSpec.acquireStore("prog_test_ref_kfunc", "array_map", "ref_memb_ptr")),
        prog("kptr_xchg_ref_state", leak(StepSpec.acquireStore("prog_test_ref_kfunc", "array_map", "ref_ptr"))),
        prog("test_map_kptr_ref3", StepSpec.acquireRelease("prog_test_ref_kfunc")));
    RunSpec.Builder b = spec("map_kptr_fail", 5 * MS).kernelType("prog_test_ref_kfunc", 32)
        .kernelType("prog_test_member", 8);
    check(b, o, Map.of(
        "reject_kptr_xchg_on_unref", List.of("kptr isn't referenced kptr"),
        "reject_bad_type_xchg", List.of("invalid kptr access", "ptr_prog_test_ref_kfunc", "prog_test_member"),
        "kptr_xchg_ref_state", List.of("Unreleased reference", "old value bpf_kptr_xchg returned"),
        "test_map_kptr_ref3", List.of()));
  }

  /** map_kptr.c test_map_kptr_ref3: acquire and release a kernel object; nothing is left and nothing breaks. */
  @Test
  void mapKptr_ref3_acquiresAndReleases() {
    ObjectSpec o = object("map_kptr.bpf.o", List.of(), GraphSpec.NONE,
        prog("test_map_kptr_ref3", StepSpec.acquireRelease("prog_test_ref_kfunc")));
    RecordList rec = new RecordList().add(MS, 0, "test_map_kptr_ref3", 0, 0).add(2 * MS, 1, "test_map_kptr_ref3", 0, 0);
    RunSpec spec = spec("ref3", 5 * MS).kernelType("prog_test_ref_kfunc", 32).at(0, load(o, "v"))
        .records(rs -> rec.stream()).build();
    for (RunResult r : runAll(spec, ALL).values()) {
      assertAccepted(r, "test_map_kptr_ref3", "v");
      assertClean(r);
      assertEquals(2, r.summary().records(), r.strategy());
      assertEquals(0, r.summary().failedAllocs() + r.summary().nullAllocs(), r.strategy());
    }
  }
}
