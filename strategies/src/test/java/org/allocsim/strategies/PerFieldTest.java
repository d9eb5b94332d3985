package org.allocsim.strategies;

import static org.allocsim.strategies.Runs.MS;
import static org.allocsim.strategies.Runs.S;
import static org.allocsim.strategies.Runs.assertSafe;
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
import org.allocsim.oracle.ViolationKind;
import org.allocsim.world.AllocSource;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

class PerFieldTest {

  @Test
  void kumarsLoadOrderLeavesTheMovedObjectWithADeadAllocator() {
    RunResult r = Simulation.run(Runs.kumarP1P2P3().build(), new PerField());
    assertTrue(verdict(r, "p1").accepted(), "kptr_xchg(m1.v, NULL) binds nothing, so P1 loads");
    assertTrue(verdict(r, "p2").accepted());
    assertTrue(verdict(r, "p3").accepted());
    // m1 freed a grace period after 3 ms drops the only reference on a while the object sits in unbound m2.v ...
    assertEquals(1, r.violations(ViolationKind.DESTROYED_WITH_LIVE_OBJECTS));
    // ... and P3's unit_free at 100 ms goes into the destroyed allocator.
    assertEquals(1, r.violations(ViolationKind.USE_AFTER_FREE));
    assertEquals(100 * MS, r.violations().stream().filter(v -> v.kind() == ViolationKind.USE_AFTER_FREE)
        .findFirst().orElseThrow().timeNs());
    assertEquals(List.of(), r.invariantBreaches());
  }

  @Test
  void withP2LoadedFirstTheMoveCarriesTheAllocatorAndNothingIsLost() {
    RunResult r = Simulation.run(Runs.kumarP1P2P3(true).build(), new PerField());
    assertEquals(0, r.summary().loadsRejected());
    assertSafe(r);
  }

  @Test
  void aSecondAllocatorForTheSameFieldFailsToLoad() {
    ObjectSpec two = object("two.bpf.o", List.of(Runs.allocatorMap("a"), Runs.allocatorMap("b"), kptrMap("m")),
        prog("from_a", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m", "v")),
        prog("from_b", StepSpec.allocStore("foo", AllocSource.allocatorMap("b"), "m", "v")));
    RecordList records = new RecordList().add(MS, 0, "from_a", 0, 1).add(MS, 0, "from_b", 0, 2);
    RunResult r = Simulation.run(RunSpec.builder("two").duration(S)
        .at(0, new ControlAction.LoadObject("agent", two, "k1"))
        .at(10 * MS, new ControlAction.CloseObject("k1", true))
        .records(rs -> records.stream()).build(), new PerField());
    assertTrue(verdict(r, "from_a").accepted());
    LoadRecord b = verdict(r, "from_b");
    assertFalse(b.accepted());
    assertEquals("kptr field m.v already bound to allocator a@two.bpf.o@k1, not b@two.bpf.o@k1 "
        + "(kptr_offset already exists)", b.reason());
    assertEquals(1, r.summary().loadsRejected());
    assertSafe(r);
  }

  @Test
  void aReloadWithItsOwnAllocatorCannotStoreIntoThePinnedMap() {
    ObjectSpec stash = object("stash.bpf.o", List.of(kptrMap("m").pinnedAt("/sys/fs/bpf/m")),
        prog("stash", StepSpec.allocStore("foo", AllocSource.DEFAULT, "m", "v")));
    RunResult r = Simulation.run(RunSpec.builder("reload").duration(S)
        .at(0, new ControlAction.LoadObject("agent", stash, "k1"))
        .at(MS, new ControlAction.CloseObject("k1", true))
        .at(100 * MS, new ControlAction.LoadObject("agent", stash, "k2")).build(), new PerField());
    assertEquals(2, r.verdicts().size());
    assertTrue(r.verdicts().get(0).accepted());
    assertFalse(r.verdicts().get(1).accepted(), "S9: m.v stays bound to the first load's allocator");
    assertTrue(r.verdicts().get(1).reason().endsWith("(kptr_offset already exists)"));
    assertSafe(r);
  }
}
