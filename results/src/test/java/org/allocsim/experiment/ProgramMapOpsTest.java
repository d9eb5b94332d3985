package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/**
 * Program-side bpf_map_update_elem and bpf_map_delete_elem (map_update, map_delete; issue 14): the old value's kptrs
 * and graph roots are released through the design, on the program's CPU; a delete on an ARRAY map is -EINVAL.
 */
class ProgramMapOpsTest {
  private static final String OPS = """
      name: map-ops
      description: "program-side update and delete"
      duration: 20ms
      parameters: {cpus: 2, metrics.sample_interval_ns: 1ms}
      objects:
        o:
          types: {flow: 48, node_data: {size: 72, nodes: {r: rbtree}}}
          maps:
            H: {type: hash, max_entries: 4, kptr: {state: flow}}
            A: {type: array, max_entries: 4, kptr: {state: flow}}
            L: {type: lru_hash, max_entries: 4, kptr: {state: flow}}
            T: {type: hash, max_entries: 4, roots: {root: {rbtree: node_data.r}}}
            E: {type: hash, max_entries: 4, elements: 64, kptr: {state: flow}}
          programs:
            P:
              steps:
                - alloc_store: {type: flow, to: H.state}
                - map_update: {map: H}
                - map_delete: {map: H}
                - alloc_store: {type: flow, to: A.state}
                - map_delete: {map: A}
                - map_update: {map: A}
                - alloc_store: {type: flow, to: L.state}
                - map_delete: {map: L}
                - new_add: {type: node_data, root: T.root}
                - map_update: {map: T}
                - alloc_store: {type: flow, to: E.state}
                - map_update: {map: E}
                - map_delete: {map: E}
      timeline:
        - {at: 0, load: {object: o, as: o, by: agent}}
      records:
      """;

  private static ScenarioFile read(String text) {
    return ScenarioText.read("map-ops.yaml", text);
  }

  private static RunResult run(String text, String strategy) {
    return ScenarioText.run(read(text), strategy);
  }

  /** The value of metric in the last sample at or before timeNs. */
  private static long at(RunResult r, Metric metric, long ms) {
    long v = -1;
    for (int i = 0; i < r.series().size(); i++) {
      if (r.series().time(i) <= ms * 1_000_000L) {
        v = r.series().value(metric, i);
      }
    }
    return v;
  }

  /** Live objects at 2, 4 and 6 ms, in every design; the designs must stay clean. */
  private static void assertLive(String records, long... expected) {
    List<String> wrong = new ArrayList<>();
    for (String s : Strategies.installed().names()) {
      RunResult r = run(OPS + records, s);
      long[] got = {at(r, Metric.LIVE_OBJECTS, 2), at(r, Metric.LIVE_OBJECTS, 4), at(r, Metric.LIVE_OBJECTS, 6)};
      if (!java.util.Arrays.equals(expected, got) || r.summary().safetyViolations() != 0
          || !r.invariantBreaches().isEmpty()) {
        wrong.add(s + ": live " + java.util.Arrays.toString(got) + ", " + r.summary() + " " + r.invariantBreaches());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void anUpdateReleasesTheOldValuesKptr_andADeleteTheElements() {
    assertLive("""
          - [1ms, 0, P, 0, 1]
          - [1ms, 0, P, 0, 2]
          - [3ms, 0, P, 1, 1]
          - [5ms, 0, P, 2, 2]
          - [5ms, 0, P, 2, 3]
        """, 2, 1, 0);
  }

  @Test
  void aDeleteOnAnArrayIsEinval_andTheValueKeepsItsKptrUntilAnUpdate() {
    assertLive("""
          - [1ms, 0, P, 3, 0]
          - [3ms, 0, P, 4, 0]
          - [5ms, 0, P, 5, 0]
        """, 1, 1, 0);
  }

  @Test
  void aDeleteOnAnLruHashReleasesTheElementOfItsKey() {
    assertLive("""
          - [1ms, 0, P, 6, 77]
          - [3ms, 0, P, 7, 78]
          - [5ms, 0, P, 7, 77]
        """, 1, 1, 0);
  }

  @Test
  void anUpdateDrainsTheOldValuesGraphRoots() {
    assertLive("""
          - [1ms, 0, P, 8, 1]
          - [1ms, 0, P, 8, 1]
          - [1ms, 0, P, 8, 2]
          - [3ms, 0, P, 9, 1]
          - [5ms, 0, P, 9, 2]
        """, 3, 1, 0);
  }

  @Test
  void aNoPreallocHashUpdateAllocatesANewElementAndFreesTheOld_aDeleteFreesIt() {
    String records = """
          - [1ms, 0, P, 10, 1]
          - [3ms, 0, P, 11, 1]
          - [5ms, 0, P, 12, 1]
        """;
    RunResult r = run(OPS + records, "global");
    // the flow and its element, then the element alone (a new one), then nothing
    long flowAndElement = at(r, Metric.LIVE_BYTES, 2);
    long element = at(r, Metric.LIVE_BYTES, 4);
    assertEquals(64, flowAndElement - element); // the flow: 48 + 8 bytes in the 64-byte class
    assertEquals(0, at(r, Metric.LIVE_BYTES, 6));
    assertTrue(element > 0, "the update's new element is live");
    assertEquals(0, r.summary().safetyViolations());
  }

  /**
   * With v6.4's direct free, an object released by a program's update goes to that CPU's free list, so the next
   * allocation there is warm; released by user space, it goes to the control CPU's (kernel.control_cpu, 0).
   */
  @Test
  void aProgramsUpdateFreesOnTheProgramsCpu_userSpacesOnTheControlCpu() {
    String v64 = OPS.replace("parameters: {", "parameters: {preset: v6.4, ");
    RunResult program = run(v64 + """
          - [1ms, 1, P, 0, 1]
          - [2ms, 1, P, 1, 1]
          - [3ms, 1, P, 0, 1]
        """, "global");
    RunResult user = run(v64.replace("timeline:\n", "timeline:\n  - {at: 2ms, update: {map: o.H, key: 1}}\n") + """
          - [1ms, 1, P, 0, 1]
          - [3ms, 1, P, 0, 1]
        """, "global");
    assertEquals(1, program.series().last(Metric.WARM_ALLOCS));
    assertEquals(0, user.series().last(Metric.WARM_ALLOCS));
    assertEquals(1, program.series().last(Metric.LIVE_OBJECTS));
    assertEquals(1, user.series().last(Metric.LIVE_OBJECTS));
  }

  /**
   * An update of a no-prealloc hash allocates the new element in the program's context: in NMI, once the CPU's
   * four prefilled elements are used and before the irq_work refills, it fails (-ENOMEM) and the old element stays;
   * in task context the refill runs at once.
   */
  @Test
  void aNoPreallocUpdateInNmiFailsOnAnEmptyCache_inTaskContextItRefills() {
    String nmi = """
        name: nmi-update
        description: "element updates in NMI"
        duration: 10ms
        parameters: {cpus: 1}
        objects:
          o:
            types: {flow: 48}
            maps:
              E: {type: hash, max_entries: 8, elements: 64, kptr: {state: flow}}
            programs:
              N:
                context: nmi
                steps:
                  - map_update: {map: E}
        timeline:
          - {at: 0, load: {object: o, as: o, by: agent}}
        records:
          - [1ms, 0, N, 0, 0]
          - [1ms, 0, N, 0, 1]
          - [1ms, 0, N, 0, 2]
          - [1ms, 0, N, 0, 3]
          - [1ms, 0, N, 0, 0]
        """;
    assertEquals(1, run(nmi, "global").summary().failedAllocs());
    assertEquals(0, run(nmi.replace("context: nmi", "context: task"), "global").summary().failedAllocs());
  }

  /** Through an outer map, the step acts on the inner map in the slot of the key's high 32 bits. */
  @Test
  void throughAnOuterMapTheStepActsOnTheInnerMap() {
    String outer = """
        name: outer-ops
        description: "map operations through an outer map"
        duration: 20ms
        parameters: {cpus: 2, metrics.sample_interval_ns: 1ms}
        objects:
          o:
            types: {flow: 48}
            maps:
              outer: {type: array_of_maps, max_entries: 2, inner: {type: hash, max_entries: 4, kptr: {f: flow}}}
              inner0: {type: hash, max_entries: 4, kptr: {f: flow}}
            programs:
              Q:
                steps:
                  - alloc_store: {type: flow, to: outer.f}
                  - map_delete: {map: outer}
                  - map_update: {map: outer}
        timeline:
          - {at: 0, load: {object: o, as: o, by: agent}}
          - {at: 0, insert_inner: {outer: o.outer, key: 0, inner: o.inner0}}
        records:
          - [1ms, 0, Q, 0, 1]
          - [1ms, 0, Q, 0, 2]
          - [3ms, 0, Q, 1, 4294967297]
          - [3ms, 0, Q, 1, 1]
          - [5ms, 0, Q, 2, 2]
        """;
    assertEquals(0, run(outer, "global").summary().loadsRejected());
    for (String s : Strategies.installed().names()) {
      RunResult r = run(outer, s);
      if (r.summary().loadsRejected() > 0) {
        continue; // design 3 refuses a program storing through an outer map with no kptr_allocator (S4)
      }
      // slot 1 holds no inner map (the lookup is NULL); keys 1 and 2 of slot 0 are deleted, then updated
      assertEquals(2, at(r, Metric.LIVE_OBJECTS, 2), s);
      assertEquals(1, at(r, Metric.LIVE_OBJECTS, 4), s);
      assertEquals(0, at(r, Metric.LIVE_OBJECTS, 6), s);
      assertEquals(0, r.summary().safetyViolations(), s);
    }
  }

  @Test
  void badMapOperationsNameTheirPlace() {
    ScenarioError unknown = assertThrows(ScenarioError.class,
        () -> read(OPS.replace("- map_update: {map: H}", "- map_update: {map: HH}")));
    assertTrue(unknown.getMessage().startsWith("map-ops.yaml:18:"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("unknown map 'HH' in program 'P'"), unknown.getMessage());
    ScenarioError allocator = assertThrows(ScenarioError.class, () -> read(OPS.replace(
        "E: {type: hash", "MA: {type: allocator}\n      E: {type: hash").replace("- map_delete: {map: E}",
            "- map_delete: {map: MA}")));
    assertTrue(allocator.getMessage().contains("'MA' is an allocator map, which has no elements"),
        allocator.getMessage());
    ScenarioError missing = assertThrows(ScenarioError.class,
        () -> read(OPS.replace("- map_update: {map: H}", "- map_update: {}")));
    assertTrue(missing.getMessage().startsWith("map-ops.yaml:18:"), missing.getMessage());
    assertTrue(missing.getMessage().contains("map"), missing.getMessage());
    ScenarioError extra = assertThrows(ScenarioError.class,
        () -> read(OPS.replace("- map_update: {map: H}", "- map_update: {map: H, to: H.state}")));
    assertTrue(extra.getMessage().contains("to"), extra.getMessage());
  }
}
