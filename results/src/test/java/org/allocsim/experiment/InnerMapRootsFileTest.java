package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/**
 * Graph roots in an inner map's value written in a scenario file: {@code roots} in an outer map's {@code inner}
 * template, steps that name {@code outer.root} (and {@code outer.root.inner}), as linked_list.c's map_of_maps.
 */
class InnerMapRootsFileTest {
  private static final String TEXT = """
      name: inner-map-roots
      description: "linked_list.c inner_map_list_in_list and inner_map_missing_lock_push_back, through map_of_maps"
      duration: 40ms
      parameters: {metrics.sample_interval_ns: 1ms}
      objects:
        ll:
          types:
            foo: {size: 56, nodes: {node2: list}, roots: {head: {list: bar.node}}}
            bar: {size: 40, nodes: {node: list}}
          maps:
            inner_map: {type: array, max_entries: 1, roots: {head: {list: foo.node2}}}
            map_of_maps:
              type: array_of_maps
              max_entries: 1
              inner: {type: array, max_entries: 1, roots: {head: {list: foo.node2}}}
          programs:
            inner_map_list_in_list:
              steps:
                - new_add: {type: foo, root: map_of_maps.head}
                - new_add: {type: bar, root: map_of_maps.head.head}
            inner_map_missing_lock_push_back:
              steps:
                - new_add: {type: foo, root: map_of_maps.head, lock: none}
      timeline:
        - {at: 0, load: {object: ll, as: ll, by: test}}
        - {at: 0, insert_inner: {outer: ll.map_of_maps, key: 0, inner: ll.inner_map}}
        - {at: 10ms, close: {instance: ll, detach: true}}
      records:
        - [1ms, 0, inner_map_list_in_list, 0, 0]
        - [1ms, 0, inner_map_list_in_list, 1, 0]
        - [1ms, 0, inner_map_list_in_list, 1, 0]
        - [1ms, 0, inner_map_list_in_list, 0, 4294967296]   # outer slot 1: no such slot, the lookup is NULL
      """;

  @Test
  void rootsThroughAnOuterMap_areHeldByTheInnerMap_andDrainedWithIt() {
    for (String s : Strategies.installed().names()) {
      RunResult r = ScenarioText.run("inner-map-roots.yaml", TEXT, s);
      Map<String, LoadRecord> verdicts = new LinkedHashMap<>();
      r.verdicts().forEach(v -> verdicts.put(v.subject(), v));
      LoadRecord missing = verdicts.get("inner_map_missing_lock_push_back");
      assertFalse(missing.accepted(), s);
      assertTrue(missing.reason().contains("must be held for bpf_list_head"), s + ": " + missing.reason());
      if (s.equals("global")) { // static-per-map refuses the insert by its own rule (S4: the template's allocator)
        assertTrue(verdicts.get("inner-map insert inner_map into map_of_maps[0]").accepted(), verdicts.toString());
        assertTrue(verdicts.get("inner_map_list_in_list").accepted(), verdicts.toString());
        assertEquals(3, peak(r), "a foo in the inner map's list and two bars in its own list");
        assertEquals(0, r.series().last(Metric.LIVE_OBJECTS), "drained when the close frees the inner map");
        assertTrue(r.violations().isEmpty(), r.violations().toString());
      }
    }
  }

  private static long peak(RunResult r) {
    long max = 0;
    for (int i = 0; i < r.series().size(); i++) {
      max = Math.max(max, r.series().value(Metric.LIVE_OBJECTS, i));
    }
    return max;
  }

  @Test
  void aTemplatesLockWithoutRoots_isAnErrorAtItsLine() {
    String bad = TEXT.replace("inner: {type: array, max_entries: 1, roots: {head: {list: foo.node2}}}",
        "inner: {type: array, max_entries: 1, lock: false}");
    ScenarioError e = assertThrows(ScenarioError.class, () -> ScenarioText.read("bad.yaml", bad));
    assertTrue(e.getMessage().contains("bad.yaml:15:"), e.getMessage());
    assertTrue(e.getMessage().contains("no roots"), e.getMessage());
  }
}
