package org.allocsim.strategies;

import static org.allocsim.strategies.Runs.MS;
import static org.allocsim.strategies.Runs.S;
import static org.allocsim.strategies.Runs.assertSafe;
import static org.allocsim.strategies.Runs.at;
import static org.allocsim.strategies.Runs.kptrMap;
import static org.allocsim.strategies.Runs.object;
import static org.allocsim.strategies.Runs.prog;
import static org.allocsim.strategies.Runs.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.metrics.Metric;
import org.allocsim.world.AllocSource;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

class RuntimeRefcountTest {
  private static final String PIN = "/sys/fs/bpf/m";

  /** One program stashing foo objects from its own allocator into a pinned map (steps: 0 store, 1 take_drop). */
  private static ObjectSpec stash() {
    return object("stash.bpf.o", List.of(kptrMap("m").pinnedAt(PIN)),
        prog("stash", StepSpec.allocStore("foo", AllocSource.DEFAULT, "m", "v"),
            StepSpec.takeDrop("m", "v")));
  }

  private static RunSpec.Builder stashAndLeave(int objects) {
    RecordList records = new RecordList();
    for (int k = 0; k < objects; k++) {
      records.add(MS + k, 0, "stash", 0, k);
    }
    return RunSpec.builder("stash-and-leave").duration(S).set("metrics.sample_interval_ns", "10000000")
        .at(0, new ControlAction.LoadObject("agent", stash(), "k1"))
        .at(5 * MS, new ControlAction.CloseObject("k1", true))
        .at(5 * MS, new ControlAction.ExitProcess("agent"))
        .records(rs -> records.stream());
  }

  private static RunResult run(RunSpec spec) {
    return Simulation.run(spec, new RuntimeRefcount());
  }

  @Test
  void liveObjectsKeepTheAllocatorAfterEveryProgramIsGoneAndMapFreeReleasesIt() {
    RunResult r = run(stashAndLeave(10).at(300 * MS, new ControlAction.Unpin(PIN)).build());
    assertEquals(10, at(r, Metric.LIVE_OBJECTS, 200 * MS));
    assertEquals(1, at(r, Metric.LIVE_ALLOCATORS, 200 * MS), "the counts alone hold the program's allocator");
    assertEquals(0, at(r, Metric.LIVE_OBJECTS, 300 * MS));
    assertEquals(0, at(r, Metric.LIVE_ALLOCATORS, 300 * MS), "summed to zero at map free: destroyed");
    assertSafe(r);
  }

  @Test
  void theLastFreeAfterTheDowngradeReleasesTheAllocatorWithoutAMapFree() {
    RunSpec.Builder b = stashAndLeave(3);
    for (int k = 0; k < 3; k++) {
      b.at(200 * MS, new ControlAction.DeleteElement(MapRef.pinned(PIN), k));
    }
    RunResult r = run(b.build());
    assertEquals(1, at(r, Metric.LIVE_ALLOCATORS, 100 * MS));
    assertEquals(0, r.series().last(Metric.LIVE_ALLOCATORS), "percpu_ref release on zero in atomic mode");
    assertEquals(0, r.series().last(Metric.LIVE_OBJECTS));
    assertSafe(r);
  }

  @Test
  void countsBecomeAtomicOnceOnlyLiveObjectsHoldTheAllocator() {
    RunSpec spec = stashAndLeave(10).at(300 * MS, new ControlAction.Unpin(PIN)).build();
    RunResult cheap = run(spec.withParameters(spec.parameters().with("runtime-refcount.atomic_cost", "1")));
    RunResult dear = run(spec.withParameters(spec.parameters().with("runtime-refcount.atomic_cost", "4")));
    // Ten allocations while the program held the allocator (percpu), ten frees at map free after it was freed.
    assertEquals(10 * 3, dear.summary().bookkeepingOps() - cheap.summary().bookkeepingOps());
    assertTrue(cheap.summary().bookkeepingOps() >= 20);
    assertSafe(dear);
  }

  @Test
  void objectsFromAnyAllocatorGoIntoAnyFieldOfTheRightType() {
    ObjectSpec two = object("two.bpf.o", List.of(Runs.allocatorMap("a"), Runs.allocatorMap("b"), kptrMap("m")),
        prog("from_a", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m", "v")),
        prog("from_b", StepSpec.allocStore("foo", AllocSource.allocatorMap("b"), "m", "v")));
    RecordList records = new RecordList().add(MS, 0, "from_a", 0, 1).add(MS, 1, "from_b", 0, 2);
    RunSpec spec = RunSpec.builder("any-field").duration(S).set("runtime-refcount.merge", "false")
        .set("metrics.sample_interval_ns", "1000000")
        .at(0, new ControlAction.LoadObject("agent", two, "k1"))
        .at(10 * MS, new ControlAction.CloseObject("k1", true))
        .records(rs -> records.stream()).build();
    RunResult r = run(spec);
    assertTrue(verdict(r, "from_a").accepted());
    assertTrue(verdict(r, "from_b").accepted());
    assertEquals(2, at(r, Metric.LIVE_OBJECTS, 5 * MS));
    assertEquals(0, r.series().last(Metric.LIVE_ALLOCATORS));
    assertSafe(r);
  }

  @Test
  void mergingGivesReloadsOfTheSameTypeOneAllocator() {
    RunSpec spec = RunSpec.builder("merge").duration(S).set("metrics.sample_interval_ns", "1000000")
        .at(0, new ControlAction.LoadObject("agent", stash(), "k1"))
        .at(MS, new ControlAction.LoadObject("agent", stash(), "k2")).build();
    RunResult merged = run(spec);
    RunResult apart = run(spec.withParameters(spec.parameters().with("runtime-refcount.merge", "false")));
    assertEquals(1, at(merged, Metric.LIVE_ALLOCATORS, 2 * MS));
    assertEquals(2, at(apart, Metric.LIVE_ALLOCATORS, 2 * MS));
    assertSafe(merged);
    assertSafe(apart);
  }

  @Test
  void drainingOnUnloadGivesBackTheFreeListsOfAnAllocatorOnlyObjectsHold() {
    RecordList records = new RecordList();
    for (int k = 0; k < 64; k++) {
      records.add(MS + 2L * k, 0, "stash", 0, k);
    }
    for (int k = 1; k < 64; k++) {
      records.add(MS + 200 + 2L * k, 0, "stash", 1, k);
    }
    RunSpec spec = RunSpec.builder("drain").duration(S).set("metrics.sample_interval_ns", "10000000")
        .at(0, new ControlAction.LoadObject("agent", stash(), "k1"))
        .at(5 * MS, new ControlAction.CloseObject("k1", true))
        .records(rs -> records.stream()).build();
    RunResult drained = run(spec);
    RunResult kept = run(spec.withParameters(spec.parameters().with("runtime-refcount.drain_on_unload", "false")));
    assertEquals(1, at(drained, Metric.LIVE_OBJECTS, 500 * MS));
    assertEquals(1, at(drained, Metric.LIVE_ALLOCATORS, 500 * MS));
    assertTrue(at(drained, Metric.TOTAL_BYTES, 500 * MS) < at(kept, Metric.TOTAL_BYTES, 500 * MS),
        "drained " + at(drained, Metric.TOTAL_BYTES, 500 * MS) + " kept " + at(kept, Metric.TOTAL_BYTES, 500 * MS));
    assertSafe(drained);
    assertSafe(kept);
  }
}
