package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/**
 * Percpu array and hash maps with kptr fields (issue 14): a value has one copy per possible CPU, a program sees its
 * own CPU's; a program's update releases its CPU's copy, a delete, a user-space update or delete and the map's free
 * every CPU's. Written as map_kptr.c's test_map_kptr_ref1/ref2 on pcpu_array_map and pcpu_hash_map and
 * refcounted_kptr.c's percpu_hash_refcount_leak / check_percpu_hash_refcount.
 */
class PercpuMapsTest {
  /** map_kptr.c's percpu maps, max_entries 1; the stashed object is a local struct (the selftest's is bpf_testmod's). */
  private static final String MAPS = """
      name: percpu-maps
      description: "kptrs in percpu array and hash maps"
      duration: 20ms
      parameters: {cpus: 2, metrics.sample_interval_ns: 1ms}
      objects:
        o:
          types: {obj: 48}
          maps:
            PA: {type: percpu_array, max_entries: 1, kptr: {ref_ptr: obj}}
            PH: {type: percpu_hash, max_entries: 1, kptr: {ref_ptr: obj}}
            LPH: {type: lru_percpu_hash, max_entries: 1, kptr: {ref_ptr: obj}}
          programs:
            P:
              steps:
                - map_update: {map: PH}
                - alloc_store: {type: obj, to: PA.ref_ptr}
                - alloc_store: {type: obj, to: PH.ref_ptr}
                - take_hold: {from: PA.ref_ptr}
                - put_held: {to: PA.ref_ptr}
                - map_update: {map: PA}
                - map_delete: {map: PH}
                - map_delete: {map: PA}
                - take_drop: {from: PH.ref_ptr}
                - alloc_store: {type: obj, to: LPH.ref_ptr}
      timeline:
        - {at: 0, load: {object: o, as: o, by: agent}}
      """;

  /** test_map_kptr_ref1 on both CPUs: each stores into its own CPU's copy of PA and PH, so four objects live. */
  private static final String REF1_ON_BOTH_CPUS = """
      records:
        - [1ms, 0, P, 0, 0]
        - [1ms, 0, P, 1, 0]
        - [1ms, 0, P, 2, 0]
        - [1ms, 1, P, 1, 0]
        - [1ms, 1, P, 2, 0]
      """;

  private static long at(RunResult r, Metric metric, long ms) {
    long v = -1;
    for (int i = 0; i < r.series().size(); i++) {
      if (r.series().time(i) <= ms * 1_000_000L) {
        v = r.series().value(metric, i);
      }
    }
    return v;
  }

  /** Live objects at each of ms in every design, which must stay clean (no finding, no breach, no refusal). */
  private static void assertLive(String text, long[] ms, long... expected) {
    assertLive(Strategies.installed().names(), text, ms, expected);
  }

  private static void assertLive(List<String> designs, String text, long[] ms, long... expected) {
    List<String> wrong = new ArrayList<>();
    for (String s : designs) {
      RunResult r = ScenarioText.run("percpu-maps.yaml", text, s);
      long[] got = Arrays.stream(ms).map(t -> at(r, Metric.LIVE_OBJECTS, t)).toArray();
      if (!Arrays.equals(expected, got) || r.summary().safetyViolations() != 0 || !r.invariantBreaches().isEmpty()
          || r.verdicts().stream().anyMatch(v -> !v.accepted())) {
        wrong.add(s + ": live " + Arrays.toString(got) + ", " + r.summary() + " " + r.invariantBreaches());
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static String withTimeline(String actions) {
    return MAPS.replace("timeline:\n", "timeline:\n" + actions);
  }

  @Test
  void mapKptrRef1_eachCpuStoresIntoItsOwnCopy_aUserSpaceUpdateAndDeleteReleaseEveryCopy() {
    // prog_tests/map_kptr.c: bpf_map__update_elem(pcpu_array_map) and bpf_map__delete_elem(pcpu_hash_map) each
    // drop the reference of every CPU's copy (ref-- after each)
    assertLive(withTimeline("""
          - {at: 3ms, update: {map: o.PA, key: 0}}
          - {at: 5ms, delete: {map: o.PH, key: 0}}
        """) + REF1_ON_BOTH_CPUS, new long[] {2, 4, 6}, 4, 2, 0);
  }

  @Test
  void mapKptrRef2_theStashedKptrExchangedOutAndBack_onTheCpusOwnCopy() {
    // test_map_kptr_ref2: bpf_kptr_xchg out and back; a take on CPU 1 finds CPU 1's copy, empty here
    assertLive(MAPS + """
        records:
          - [1ms, 0, P, 1, 0]
          - [2ms, 1, P, 3, 0]
          - [2ms, 1, P, 4, 0]
          - [3ms, 0, P, 3, 0]
          - [4ms, 0, P, 4, 0]
          - [5ms, 1, P, 8, 0]
          - [6ms, 0, P, 8, 0]
        """, new long[] {2, 3, 4, 7}, 1, 1, 1, 1);
  }

  @Test
  void aProgramsUpdateReleasesItsCpusCopy_aProgramsDeleteEveryCopy_anArrayDeleteIsEinval() {
    assertLive(MAPS + REF1_ON_BOTH_CPUS + """
          - [3ms, 0, P, 5, 0]
          - [5ms, 1, P, 6, 0]
          - [7ms, 1, P, 7, 0]
        """, new long[] {2, 4, 6, 8}, 4, 3, 1, 1);
  }

  @Test
  void anLruPercpuHash_eachCpuItsCopyOfTheKeysElement_anEvictionReleasesEveryCopy() {
    // test_map_kptr_ref1 on lru_pcpu_hash_map; then a store under another key takes the only element: key 4's
    // element is evicted and both CPUs' copies released
    assertLive(MAPS + """
        records:
          - [1ms, 0, P, 9, 4]
          - [1ms, 1, P, 9, 4]
          - [3ms, 0, P, 9, 5]
        """, new long[] {2, 4}, 2, 1);
  }

  @Test
  void theMapFreeReleasesEveryCpusCopy() {
    // the close at 3 ms detaches the program; the maps go with it one RCU grace period (10 ms) later, not at 12 ms
    assertLive(withTimeline("  - {at: 3ms, close: o}\n") + REF1_ON_BOTH_CPUS, new long[] {2, 12, 19}, 4, 4, 0);
  }

  /**
   * refcounted_kptr.c percpu_hash_refcount_leak: a refcounted node is pushed into a global list and its second
   * reference xchg'd into CPU 0's copy of a percpu hash value (refcount 2); user space updates the element
   * (refcount 1: every CPU's copy released, "bpf: Free special fields when update [lru_,]percpu_hash maps");
   * check_percpu_hash_refcount. The node then lives only in the list, which frees it at its removal.
   */
  @Test
  void percpuHashRefcountLeak_aUserSpaceUpdateDropsTheMapsReference_theListKeepsTheNode() {
    String leak = """
        name: percpu-hash-refcount-leak
        description: "refcounted_kptr.c percpu_hash_refcount_leak"
        duration: 10ms
        parameters: {cpus: 2, metrics.sample_interval_ns: 1ms}
        objects:
          o:
            types: {node_data: {size: 72, refcount: true, nodes: {l: list}}}
            maps:
              glob: {type: array, max_entries: 1, roots: {head: {list: node_data.l}}}
              pcpu_hash: {type: percpu_hash, max_entries: 1, kptr: {node: node_data}}
            programs:
              percpu_hash_refcount_leak:
                steps:
                  - new_add: {type: node_data, root: glob.head, acquire_to: pcpu_hash.node}
                  - remove_drop: {root: glob.head}
        timeline:
          - {at: 0, load: {object: o, as: o, by: agent}}
          - {at: 0, update: {map: o.pcpu_hash, key: 0}}
          - {at: 3ms, update: {map: o.pcpu_hash, key: 0}}
        records:
          - [1ms, 0, percpu_hash_refcount_leak, 0, 0, 0]
          - [5ms, 0, percpu_hash_refcount_leak, 1, 0]
        """;
    // the landed design and those that take a refcounted node in a root and a map of one object; static-per-map
    // refuses it (its allocator is per map: GraphModelTest)
    List<String> designs = Strategies.installed().names().stream().filter(s -> !s.equals("static-per-map")).toList();
    assertLive(designs, leak, new long[] {2, 4, 6}, 1, 1, 0);
    // without the update, the map's reference keeps the node after its removal from the list
    assertLive(designs, leak.replace("  - {at: 3ms, update: {map: o.pcpu_hash, key: 0}}\n", ""), new long[] {2, 4, 6},
        1,
        1, 1);
  }

  @Test
  void graphRootsInAPercpuMap_theMapCannotBeCreated() {
    String roots = """
        name: percpu-roots
        description: "a bpf_spin_lock and a list head in a percpu array"
        duration: 1ms
        objects:
          o:
            types: {node_data: {size: 72, nodes: {l: list}}}
            maps:
              PA: {type: percpu_array, max_entries: 1, roots: {head: {list: node_data.l}}}
            programs:
              P:
                steps:
                  - new_add: {type: node_data, root: PA.head}
        timeline:
          - {at: 0, load: {object: o, as: o, by: agent}}
        """;
    for (String s : Strategies.installed().names()) {
      RunResult r = ScenarioText.run("percpu-roots.yaml", roots, s);
      LoadRecord v = r.verdicts().stream().filter(x -> x.subject().equals("P")).findFirst().orElseThrow();
      assertFalse(v.accepted(), s);
      assertTrue(v.reason().contains("bpf_spin_lock") && v.reason().contains("map_check_btf: -EOPNOTSUPP"),
          s + ": " + v.reason());
    }
  }
}
