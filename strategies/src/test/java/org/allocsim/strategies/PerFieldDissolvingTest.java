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

class PerFieldDissolvingTest {
  private static final String PIN = "/sys/fs/bpf/m";

  @Test
  void theMoveEdgeBindsTheTargetFieldSoKumarsOrderIsSafe() {
    PerFieldDissolving d = new PerFieldDissolving();
    RunResult r = Simulation.run(Runs.kumarP1P2P3()
        .at(200 * MS, new ControlAction.CloseObject("k3", true)).build(), d);
    assertEquals(0, r.summary().loadsRejected());
    assertEquals(1, at(r, Metric.LIVE_ALLOCATORS, 50 * MS), "m2.v keeps a after its map and m1 are gone");
    assertEquals(1, at(r, Metric.LIVE_OBJECTS, 50 * MS));
    assertEquals(0, at(r, Metric.LIVE_OBJECTS, 150 * MS), "P3 freed it into a");
    assertEquals(0, r.series().last(Metric.LIVE_ALLOCATORS), "m2.v dissolved once P3 was freed and m2.v empty");
    assertSafe(r);
  }

  @Test
  void aMoveBetweenFieldsBoundToDifferentAllocatorsIsRefused() {
    ObjectSpec o = object("two.bpf.o",
        List.of(Runs.allocatorMap("a"), Runs.allocatorMap("b"), kptrMap("m1"), kptrMap("m2")),
        prog("into_m1", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m1", "v")),
        prog("into_m2", StepSpec.allocStore("foo", AllocSource.allocatorMap("b"), "m2", "v")),
        prog("mover", StepSpec.move("m1", "v", "m2", "v")));
    RunResult r = Simulation.run(RunSpec.builder("move").duration(S)
        .at(0, new ControlAction.LoadObject("agent", o, "k1")).build(), new PerFieldDissolving());
    assertTrue(verdict(r, "into_m2").accepted(), "different fields may use different allocators");
    LoadRecord mover = verdict(r, "mover");
    assertFalse(mover.accepted());
    assertEquals("kptr fields m1.v and m2.v must share an allocator (kptr_xchg by mover), but are bound to "
        + "a@two.bpf.o@k1 and b@two.bpf.o@k1", mover.reason());
    assertSafe(r);
  }

  private static RunSpec reloadAfter(boolean emptied) {
    ObjectSpec stash = object("stash.bpf.o", List.of(kptrMap("m").pinnedAt(PIN)),
        prog("stash", StepSpec.allocStore("foo", AllocSource.DEFAULT, "m", "v"),
            StepSpec.takeDrop("m", "v")));
    RecordList records = new RecordList();
    for (int k = 0; k < 3; k++) {
      records.add(MS, 0, "stash", 0, k);
    }
    for (int k = 0; emptied && k < 3; k++) {
      records.add(2 * MS, 0, "stash", 1, k);
    }
    return RunSpec.builder("reload").duration(S)
        .at(0, new ControlAction.LoadObject("agent", stash, "k1"))
        .at(5 * MS, new ControlAction.CloseObject("k1", true))
        .at(100 * MS, new ControlAction.LoadObject("agent", stash, "k2"))
        .records(rs -> records.stream()).build();
  }

  @Test
  void theBindingDissolvesOnceProgramsAreGoneAndValuesAreGone() {
    RunResult emptied = Simulation.run(reloadAfter(true), new PerFieldDissolving());
    assertTrue(emptied.verdicts().get(1).accepted(), "m.v was empty and unreferenced: the reload binds afresh");
    assertSafe(emptied);
    RunResult kept = Simulation.run(reloadAfter(false), new PerFieldDissolving());
    assertFalse(kept.verdicts().get(1).accepted(), "values in m.v keep the old allocator bound");
    assertTrue(kept.verdicts().get(1).reason().endsWith("(kptr_offset already exists)"));
    assertSafe(kept);
  }

  private static RunSpec loadUnloadLoop(int cycles, boolean growth) {
    ObjectSpec loop = object("loop.bpf.o", List.of(kptrMap("m").pinnedAt(PIN)),
        prog("looper", StepSpec.allocDrop("foo", AllocSource.DEFAULT), StepSpec.takeDrop("m", "v")));
    RunSpec.Builder b = RunSpec.builder("loop").duration(S)
        .set("per-field-dissolving.unload_list_growth", Boolean.toString(growth));
    for (int i = 0; i < cycles; i++) {
      b.at(20 * MS * i, new ControlAction.LoadObject("agent", loop, "k" + i));
      b.at(20 * MS * i + 5 * MS, new ControlAction.CloseObject("k" + i, true));
    }
    return b.build();
  }

  @Test
  void unloadListGrowthAccumulatesAnAllocatorPerReloadUntilTheMapIsFreed() {
    PerFieldDissolving grown = new PerFieldDissolving();
    RunResult g = Simulation.run(loadUnloadLoop(5, true), grown);
    assertEquals(5, grown.usedAllocatorCount("m"), "S5: one allocator per load/unload cycle, never trimmed");
    assertEquals(5, g.series().last(Metric.LIVE_ALLOCATORS));
    assertEquals(5, g.summary().bookkeepingOps());
    assertSafe(g);
    PerFieldDissolving trimmed = new PerFieldDissolving();
    RunResult t = Simulation.run(loadUnloadLoop(5, false), trimmed);
    assertEquals(0, trimmed.usedAllocatorCount("m"));
    assertEquals(0, t.series().last(Metric.LIVE_ALLOCATORS));
    assertSafe(t);
  }
}
