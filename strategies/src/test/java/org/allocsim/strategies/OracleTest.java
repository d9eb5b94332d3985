package org.allocsim.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.memory.ExecContext;
import org.allocsim.oracle.Violation;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/**
 * Each oracle check against a deliberately unsafe toy policy, and the same run under {@code global}, which must
 * pass. The run: a program stashes five objects in a pinned map and drops one; it is then unloaded; the agent
 * exits; the pin goes and the map is freed.
 */
class OracleTest {
  private static final long MS = 1_000_000L;

  private static RunSpec pinnedStash() {
    ObjectSpec obj = new ObjectSpec("stash.bpf.o", Map.of("node", 48),
        List.of(MapSpec.of("stash", MapType.HASH, 64, new KptrField("node", "node")).pinnedAt("/sys/fs/bpf/stash")),
        List.of(ProgramSpec.of("stash", ExecContext.SOFTIRQ,
            StepSpec.allocStore("node", AllocSource.DEFAULT, "stash", "node"),
            StepSpec.takeDrop("stash", "node"))));
    RecordList records = new RecordList();
    for (int key = 0; key < 5; key++) {
      records.add(MS + key, key % 2, "stash", 0, key);
    }
    records.add(10 * MS, 0, "stash", 1, 0);
    return RunSpec.builder("pinned-stash").duration(100 * MS)
        .at(0, new ControlAction.LoadObject("agent", obj, "k1"))
        .at(20 * MS, new ControlAction.CloseObject("k1", true))
        .at(40 * MS, new ControlAction.ExitProcess("agent"))
        .at(50 * MS, new ControlAction.Unpin("/sys/fs/bpf/stash"))
        .records(rs -> records.stream()).build();
  }

  private static RunResult run(LifetimeStrategy strategy) {
    return Simulation.run(pinnedStash(), strategy);
  }

  @Test
  void destroyingAnAllocatorWithObjectsOutstandingIsFound() {
    RunResult r = run(DestroyOnLastUnload.of(false));
    assertEquals(1, r.violations(ViolationKind.DESTROYED_WITH_LIVE_OBJECTS));
    Violation v = first(r, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
    assertEquals(20 * MS, v.timeNs());
    assertEquals("close k1", v.event());
    assertTrue(v.detail().contains("4 objects (256 bytes) outstanding"), v.detail());
    assertTrue(v.object() >= 0);
  }

  @Test
  void destroyingWhileTheProgramsGracePeriodRunsIsFound() {
    RunResult r = run(DestroyOnLastUnload.of(false));
    assertEquals(1, r.violations(ViolationKind.DESTROYED_DURING_GRACE_PERIOD));
    assertTrue(first(r, ViolationKind.DESTROYED_DURING_GRACE_PERIOD).detail().contains("prog stash"));
  }

  @Test
  void freeingIntoADestroyedAllocatorIsAUseAfterFree() {
    RunResult r = run(DestroyOnLastUnload.of(false));
    // The map free at the unpin drops the four stashed objects into the dead allocator.
    assertEquals(4, r.violations(ViolationKind.USE_AFTER_FREE));
    Violation v = first(r, ViolationKind.USE_AFTER_FREE);
    assertEquals(50 * MS, v.timeNs());
    assertTrue(v.event().startsWith("map free stash"), v.event());
    assertEquals(0, r.violations(ViolationKind.LEAK));
  }

  @Test
  void objectsNobodyFreesAreLeaks() {
    RunResult r = run(DestroyOnLastUnload.of(true));
    assertEquals(0, r.violations(ViolationKind.USE_AFTER_FREE));
    assertEquals(4, r.violations(ViolationKind.LEAK));
    assertEquals("end of run", first(r, ViolationKind.LEAK).event());
  }

  @Test
  void theLandedDesignPassesEveryCheck() {
    RunResult r = run(new GlobalAllocator());
    assertEquals(Map.of(), r.violationCounts());
    assertEquals(List.of(), r.invariantBreaches());
    assertEquals(0, r.series().last(org.allocsim.metrics.Metric.LIVE_OBJECTS));
  }

  @Test
  void memoryIsConservedUnderTheToyPolicyToo() {
    // Conservation is the kernel's bookkeeping, which no strategy can bypass: even the unsafe toy keeps it.
    assertEquals(0, run(DestroyOnLastUnload.of(false)).violations(ViolationKind.CONSERVATION));
    assertEquals(0, run(DestroyOnLastUnload.of(true)).violations(ViolationKind.CONSERVATION));
  }

  private static Violation first(RunResult r, ViolationKind kind) {
    return r.violations().stream().filter(v -> v.kind() == kind).findFirst().orElseThrow();
  }
}
