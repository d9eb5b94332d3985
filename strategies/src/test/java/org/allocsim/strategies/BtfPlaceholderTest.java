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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.metrics.Metric;
import org.allocsim.world.AllocSource;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

class BtfPlaceholderTest {
  private static final String M1 = "/sys/fs/bpf/m1";

  private static RunResult run(RunSpec spec) {
    return Simulation.run(spec, new BtfPlaceholder());
  }

  @Test
  void takersLoadWithAPlaceholderAndAReloadWithAnotherBtfCannotStore() {
    ObjectSpec takers = object("p1p3.bpf.o", List.of(kptrMap("m1").pinnedAt(M1), kptrMap("m2")),
        prog("p1", StepSpec.move("m1", "v", "m2", "v")), prog("p3", StepSpec.takeDrop("m2", "v")));
    ObjectSpec allocating = object("p2.bpf.o", List.of(Runs.allocatorMap("a"), kptrMap("m1").pinnedAt(M1)),
        prog("p2", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m1", "v")));
    RecordList records = new RecordList().add(MS, 0, "p1", 0, 0, 0).add(MS, 1, "p3", 0, 0)
        .add(20 * MS, 0, "p2", 0, 0);
    RunResult r = run(RunSpec.builder("placeholder").duration(S)
        .at(0, new ControlAction.LoadObject("agent", takers, "k1"))
        .at(10 * MS, new ControlAction.LoadObject("agent", allocating, "k2"))
        .records(rs -> records.stream()).build());
    assertTrue(verdict(r, "p1").accepted());
    assertTrue(verdict(r, "p3").accepted());
    LoadRecord p2 = verdict(r, "p2");
    assertFalse(p2.accepted(), "m1's struct foo lives in p1p3's BTF object, not p2's");
    assertTrue(p2.reason().startsWith("invalid kptr access"), p2.reason());
    assertEquals(0, r.series().last(Metric.LIVE_OBJECTS));
    assertSafe(r);
  }

  @Test
  void kumarsProgramsInOneObjectMoveAndFreeIntoTheClaimedAllocator() {
    ObjectSpec all = object("p123.bpf.o", List.of(Runs.allocatorMap("a"), kptrMap("m1"), kptrMap("m2")),
        prog("p1", StepSpec.move("m1", "v", "m2", "v")), prog("p3", StepSpec.takeDrop("m2", "v")),
        prog("p2", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m1", "v")));
    RecordList records = new RecordList().add(MS, 0, "p2", 0, 0).add(2 * MS, 1, "p1", 0, 0, 0)
        .add(3 * MS, 2, "p3", 0, 0).add(4 * MS, 0, "p2", 0, 1);
    RunResult r = run(RunSpec.builder("p123").duration(S).set("metrics.sample_interval_ns", "1000000")
        .at(0, new ControlAction.LoadObject("agent", all, "k1"))
        .at(10 * MS, new ControlAction.CloseObject("k1", true))
        .records(rs -> records.stream()).build());
    assertEquals(0, r.summary().loadsRejected());
    assertEquals(1, at(r, Metric.LIVE_OBJECTS, 5 * MS));
    assertEquals(0, r.series().last(Metric.LIVE_OBJECTS));
    assertEquals(0, r.series().last(Metric.LIVE_ALLOCATORS), "the BTF object went, and the slot's reference");
    assertSafe(r);
  }

  @Test
  void aMoveBetweenMapsOfTwoBtfObjectsIsRefused() {
    ObjectSpec first = object("first.bpf.o", List.of(kptrMap("m1").pinnedAt(M1)));
    ObjectSpec second = object("second.bpf.o", List.of(kptrMap("m1").pinnedAt(M1), kptrMap("m2")),
        prog("mover", StepSpec.move("m1", "v", "m2", "v")));
    RunResult r = run(RunSpec.builder("two-btf").duration(S)
        .at(0, new ControlAction.LoadObject("agent", first, "k1"))
        .at(MS, new ControlAction.LoadObject("agent", second, "k2")).build());
    LoadRecord mover = verdict(r, "mover");
    assertFalse(mover.accepted());
    assertTrue(mover.reason().endsWith("m1's BTF must be m2's BTF and the type ids the same (Alexei 08-29 23:03)"),
        mover.reason());
    assertSafe(r);
  }

  @Test
  void aClaimedTypeKeepsItsAllocatorAfterTheAllocatorMapUntilTheBtfIsFreed() {
    ObjectSpec o = object("claim.bpf.o", List.of(Runs.allocatorMap("a"), Runs.allocatorMap("b"),
        kptrMap("m").pinnedAt(M1)),
        prog("from_a", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m", "v")),
        prog("from_b", StepSpec.allocStore("foo", AllocSource.allocatorMap("b"), "m", "v")));
    RecordList records = new RecordList().add(MS, 0, "from_a", 0, 0);
    RunResult r = run(RunSpec.builder("claim").duration(S).set("metrics.sample_interval_ns", "10000000")
        .at(0, new ControlAction.LoadObject("agent", o, "k1"))
        .at(5 * MS, new ControlAction.CloseObject("k1", true))
        .at(200 * MS, new ControlAction.Unpin(M1))
        .records(rs -> records.stream()).build());
    assertFalse(verdict(r, "from_b").accepted(), "the first binder wins");
    assertTrue(verdict(r, "from_b").reason().contains("already claimed by allocator a@claim.bpf.o@k1"));
    // S8: a's map is gone, the claimed slot keeps the allocator for the object left in the pinned map.
    assertEquals(1, at(r, Metric.LIVE_ALLOCATORS, 100 * MS));
    assertEquals(1, at(r, Metric.LIVE_OBJECTS, 100 * MS));
    assertEquals(0, r.series().last(Metric.LIVE_ALLOCATORS));
    assertSafe(r);
  }
}
