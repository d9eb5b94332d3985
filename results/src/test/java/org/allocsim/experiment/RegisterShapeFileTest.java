package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/** The register-shape keys of a step, read from a scenario file and judged by the kernel's verifier in every design. */
class RegisterShapeFileTest {
  private static final String TEXT = """
      name: shapes
      description: "rbtree_fail.c and refcounted_kptr_fail.c programs written with the register-shape keys"
      duration: 5ms
      objects:
        o:
          types:
            node_data: {size: 40, refcount: true, nodes: {node: rbtree}}
          maps:
            glob: {type: array, max_entries: 1, roots: {groot: {rbtree: node_data.node}}}
            stash: {type: array, max_entries: 1, kptr: {n: node_data}}
          programs:
            rbtree_api_nolock_add:
              steps:
                - new_add: {type: node_data, root: glob.groot, lock: none}
            rbtree_api_remove_no_drop:
              steps:
                - remove_drop: {root: glob.groot, leak: true}
            rbtree_api_first_release_unlock_escape:
              steps:
                - remove_drop: {root: glob.groot, node: released}
            rbtree_api_add_bad_cb_bad_fn_call_remove:
              steps:
                - new_add: {type: node_data, root: glob.groot, less_calls: bpf_rbtree_remove}
            refcount_acquire_maybe_null:
              steps:
                - new_store_acquire: {type: node_data, to: stash.n, acquire_to: stash.n, null_check: false}
            plain:
              steps:
                - new_add: {type: node_data, root: glob.groot, lock: held, leak: false, null_check: true}
                - remove_drop: {root: glob.groot, node: non_owning}
      timeline:
        - {at: 0, load: {object: o, as: o, by: test}}
      """;

  @Test
  void theKeysAreReadAndEveryDesignRefusesWithTheVerifiersWords() {
    ScenarioFile f = ScenarioText.read("shapes.yaml", TEXT);
    Map<String, String> words = new LinkedHashMap<>();
    words.put("rbtree_api_nolock_add", "must be held for bpf_rb_root");
    words.put("rbtree_api_remove_no_drop", "Unreleased reference");
    words.put("rbtree_api_first_release_unlock_escape", "can only take non-owning or refcounted bpf_rb_node pointer");
    words.put("rbtree_api_add_bad_cb_bad_fn_call_remove", "rbtree_remove not allowed in rbtree cb");
    words.put("refcount_acquire_maybe_null", "Possibly NULL pointer passed to trusted arg0");
    for (String s : Strategies.installed().names()) {
      RunResult r = ScenarioText.run(f, s);
      Map<String, LoadRecord> verdicts = new LinkedHashMap<>();
      r.verdicts().forEach(v -> verdicts.put(v.subject(), v));
      words.forEach((program, word) -> {
        LoadRecord v = verdicts.get(program);
        assertFalse(v.accepted(), s + " accepted " + program);
        assertTrue(v.reason().contains(word), s + ": " + program + ": " + v.reason());
      });
      if (!s.equals("static-per-map")) { // it refuses bpf_obj_new with no kptr_allocator in reach (its own rule)
        assertTrue(verdicts.get("plain").accepted(), s + ": " + verdicts.get("plain").reason());
      }
      assertEquals(6, r.verdicts().size(), s);
    }
  }

  private static final String POINTERS = """
      name: pointers
      description: "linked_list_fail.c and map_kptr_fail.c programs written with the pointer-level keys"
      duration: 5ms
      objects:
        o:
          types:
            foo: {size: 48, refcount: true, nodes: {node2: list}}
          maps:
            array_map: {type: array, max_entries: 1, kptr: {ref_ptr: foo}, roots: {head: {list: foo.node2}}}
          programs:
            obj_drop_non_zero_off:
              steps:
                - alloc_drop: {type: foo, offset: drop}
            use_after_drop:
              steps:
                - alloc_drop: {type: foo, read_after: true}
            new_null_ret:
              steps:
                - alloc_drop: {type: foo, null_check: false}
            incorrect_head_off1:
              steps:
                - new_add: {type: foo, root: array_map.head, offset: root}
            reject_untrusted_xchg:
              steps:
                - move: {from: array_map.ref_ptr, to: array_map.ref_ptr, load: plain}
            reject_untrusted_store_to_ref:
              steps:
                - move: {from: array_map.ref_ptr, to: array_map.ref_ptr, load: plain, store: plain}
            plain:
              steps:
                - alloc_drop: {type: foo, read_after: false}
                - move: {from: array_map.ref_ptr, to: array_map.ref_ptr, load: xchg, store: xchg}
      timeline:
        - {at: 0, load: {object: o, as: o, by: test}}
      """;

  @Test
  void thePointerKeysAreReadAndEveryDesignRefusesWithLinux618sWords() {
    ScenarioFile f = ScenarioText.read("pointers.yaml", POINTERS);
    Map<String, String> words = new LinkedHashMap<>();
    words.put("obj_drop_non_zero_off", "R1 must have zero offset when passed to release func");
    words.put("use_after_drop", "invalid mem access 'scalar'");
    words.put("new_null_ret", "invalid mem access 'ptr_or_null_'");
    words.put("incorrect_head_off1", "bpf_list_head not found at offset");
    words.put("reject_untrusted_xchg", "R2 type=rcu_ptr_ expected=ptr_");
    words.put("reject_untrusted_store_to_ref", "store to referenced kptr disallowed");
    for (String s : Strategies.installed().names()) {
      Map<String, LoadRecord> verdicts = new LinkedHashMap<>();
      ScenarioText.run(f, s).verdicts().forEach(v -> verdicts.put(v.subject(), v));
      words.forEach((program, word) -> {
        assertFalse(verdicts.get(program).accepted(), s + " accepted " + program);
        assertTrue(verdicts.get(program).reason().contains(word), s + ": " + verdicts.get(program).reason());
      });
      if (!s.equals("static-per-map")) {
        assertTrue(verdicts.get("plain").accepted(), s + ": " + verdicts.get("plain").reason());
      }
    }
  }

  @Test
  void aPointerKeyOnAStepThatCannotStateIt_namesItsPlace() {
    ScenarioError e = assertThrows(ScenarioError.class, () -> ScenarioText.read("pointers.yaml",
        POINTERS.replace("- alloc_drop: {type: foo, read_after: true}",
            "- alloc_drop: {type: foo, read_after: true, leak: true}")));
    assertTrue(e.getMessage().startsWith("pointers.yaml:16:25: alloc_drop:"), e.getMessage());
    assertTrue(e.getMessage().contains("'read_after' goes with a step that releases its object"), e.getMessage());
    ScenarioError store = assertThrows(ScenarioError.class, () -> ScenarioText.read("pointers.yaml",
        POINTERS.replace("{type: foo, offset: drop}", "{type: foo, store: plain}")));
    assertTrue(store.getMessage().startsWith("pointers.yaml:13:") && store.getMessage().contains("store"),
        store.getMessage());
  }
}
