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
 * Local-storage maps with kptr fields (issue 14): a value per owner (the record's key), created by a store
 * ({@code bpf_*_storage_get} with F_CREATE), released by {@code bpf_*_storage_delete}, the owner's death and the map's
 * free, with Linux 6.18's timing: task and cgroup storage free a deleted value's fields after an RCU Tasks Trace grace
 * period (25 ms here) and a dead owner's after a normal one (10 ms), inode and socket storage at once. Written as
 * map_kptr.c's test_{task,cgrp,inode,sk}_map_kptr and test_ls_map_kptr_ref1, _ref2, _ref_del.
 */
class LocalStorageTest {
  private static final String STORAGE = """
      name: local-storage
      description: "kptrs in local storage"
      duration: 100ms
      parameters: {cpus: 2, metrics.sample_interval_ns: 1ms}
      objects:
        o:
          types: {obj: 48}
          maps:
            task_ls_map: {type: task_storage, kptr: {ref_ptr: obj}}
            cgrp_ls_map: {type: cgrp_storage, kptr: {ref_ptr: obj}}
            inode_ls_map: {type: inode_storage, kptr: {ref_ptr: obj}}
            sk_ls_map: {type: sk_storage, max_entries: 64, kptr: {ref_ptr: obj}}
          programs:
            P:
              steps:
                - alloc_store: {type: obj, to: task_ls_map.ref_ptr}
                - take_drop: {from: task_ls_map.ref_ptr}
                - map_delete: {map: task_ls_map}
                - alloc_store: {type: obj, to: sk_ls_map.ref_ptr}
                - map_delete: {map: sk_ls_map}
                - alloc_store: {type: obj, to: cgrp_ls_map.ref_ptr}
                - take_drop: {from: cgrp_ls_map.ref_ptr}
                - alloc_store: {type: obj, to: inode_ls_map.ref_ptr}
                - take_drop: {from: inode_ls_map.ref_ptr}
                - take_drop: {from: sk_ls_map.ref_ptr}
                - take_hold: {from: task_ls_map.ref_ptr}
                - put_held: {to: task_ls_map.ref_ptr}
      timeline:
        - {at: 0, load: {object: o, as: o, by: agent}}
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
    List<String> wrong = new ArrayList<>();
    for (String s : Strategies.installed().names()) {
      RunResult r = ScenarioText.run("local-storage.yaml", text, s);
      long[] got = Arrays.stream(ms).map(t -> at(r, Metric.LIVE_OBJECTS, t)).toArray();
      if (!Arrays.equals(expected, got) || r.summary().safetyViolations() != 0 || !r.invariantBreaches().isEmpty()
          || r.verdicts().stream().anyMatch(v -> !v.accepted())) {
        wrong.add(s + ": live " + Arrays.toString(got) + ", " + r.summary() + " " + r.invariantBreaches());
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static String withTimeline(String actions) {
    return STORAGE.replace("timeline:\n", "timeline:\n" + actions);
  }

  @Test
  void mapKptrOnEachStorageKind_storeAndTakeOnTheOwnersValue() {
    // test_{task,cgrp,inode,sk}_map_kptr: test_kptr's xchg store and take on the owner's storage; two owners of
    // one kind hold two values
    assertLive(STORAGE + """
        records:
          - [1ms, 0, P, 0, 3]
          - [1ms, 0, P, 0, 4]
          - [1ms, 0, P, 5, 3]
          - [1ms, 0, P, 7, 3]
          - [1ms, 0, P, 3, 3]
          - [3ms, 0, P, 1, 3]
          - [3ms, 0, P, 6, 3]
          - [3ms, 0, P, 8, 3]
          - [3ms, 0, P, 9, 3]
          - [5ms, 1, P, 1, 4]
        """, new long[] {2, 4, 6}, 5, 1, 0);
  }

  @Test
  void lsMapKptrRef1Ref2_stashedInTheCurrentTasksStorage_exchangedOutAndBack() {
    // test_ls_map_kptr_ref1 creates the storage and stashes; _ref2 takes it out and puts it back
    assertLive(STORAGE + """
        records:
          - [1ms, 0, P, 0, 7]
          - [3ms, 0, P, 10, 7]
          - [3ms, 0, P, 11, 7]
        """, new long[] {2, 4, 99}, 1, 1, 1);
  }

  @Test
  void lsMapKptrRefDel_aTaskStorageDeleteReleasesAfterATasksTraceGracePeriod_aSocketsAtOnce() {
    // test_ls_map_kptr_ref_del: bpf_task_storage_delete at 10 ms; bpf_selem_free_trace_rcu drops the kptr at 35 ms
    assertLive(STORAGE + """
        records:
          - [1ms, 0, P, 0, 7]
          - [1ms, 0, P, 3, 7]
          - [10ms, 0, P, 4, 7]
          - [10ms, 1, P, 2, 7]
        """, new long[] {5, 11, 34, 40}, 2, 1, 1, 0);
  }

  @Test
  void aDeletedTasksStorageIsUnlinkedAtOnce_aNewStorageOfTheOwnerStartsEmpty() {
    // the get after the delete creates a new storage: its store replaces nothing, and both objects are live until
    // the first one's callback
    assertLive(STORAGE + """
        records:
          - [1ms, 0, P, 0, 7]
          - [10ms, 0, P, 2, 7]
          - [12ms, 0, P, 0, 7]
        """, new long[] {11, 13, 40}, 1, 2, 1);
  }

  @Test
  void theOwnersDeath_releasesItsStorageOfItsKindOnly_taskAfterAGracePeriod_socketAtOnce() {
    assertLive(withTimeline("""
          - {at: 10ms, free_owner: {owner: task, key: 7}}
          - {at: 30ms, free_owner: {owner: sk, key: 7}}
        """) + """
        records:
          - [1ms, 0, P, 0, 7]
          - [1ms, 0, P, 3, 7]
          - [1ms, 0, P, 5, 7]
        """, new long[] {5, 15, 25, 35}, 3, 3, 2, 1);
  }

  @Test
  void theMapFreeReleasesEveryOwnersValue_aPendingDeleteFirst() {
    // the close at 20 ms frees the maps at 30 ms (the program's grace period); the delete at 29 ms is still pending
    // then, and bpf_local_storage_map_free's rcu_barrier() lets it run first: nothing leaks, nothing is freed twice
    assertLive(withTimeline("  - {at: 20ms, close: o}\n") + """
        records:
          - [1ms, 0, P, 0, 7]
          - [1ms, 0, P, 0, 8]
          - [1ms, 0, P, 5, 7]
          - [19ms, 0, P, 2, 8]
        """, new long[] {5, 25, 31}, 3, 3, 0);
  }

  @Test
  void aProgramsMapUpdateOnLocalStorageIsRefused_rootsInLocalStorageCannotBeCreated() {
    String refused = """
        name: ls-refused
        description: "bpf_map_update_elem on task storage; a list head in task storage"
        duration: 1ms
        objects:
          o:
            types: {obj: 48, node_data: {size: 72, nodes: {l: list}}}
            maps:
              T: {type: task_storage, kptr: {ref_ptr: obj}}
              L: {type: task_storage, roots: {head: {list: node_data.l}}}
            programs:
              U:
                steps:
                  - map_update: {map: T}
              R:
                steps:
                  - new_add: {type: node_data, root: L.head}
        timeline:
          - {at: 0, load: {object: o, as: o, by: agent}}
        """;
    for (String s : Strategies.installed().names()) {
      RunResult r = ScenarioText.run("ls-refused.yaml", refused, s);
      assertRefused(r, "U", "cannot pass map_type 29 into func bpf_map_update_elem#2");
      assertRefused(r, "R", "bpf_list_head in a task_storage map (map_check_btf: -EINVAL");
    }
  }

  private static void assertRefused(RunResult r, String program, String words) {
    LoadRecord v = r.verdicts().stream().filter(x -> x.subject().equals(program)).findFirst().orElseThrow();
    assertFalse(v.accepted(), r.strategy() + " accepted " + program);
    assertTrue(v.reason().contains(words), r.strategy() + ": " + v.reason());
  }
}
